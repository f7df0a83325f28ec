"""Stage 5: LeNet-5 in PyTorch, trained on the GPU when there is one.

The network is the book's LeNet-5 for 1×28×28 images: two convolution blocks (5×5
kernels; the first pads by 2 so that a 28×28 image stays 28×28) each followed by 2×2
pooling with stride 2, then three fully connected layers 400 → 120 → 84 → 10. The classic
version uses sigmoid activations and average pooling; ``modern=True`` uses ReLU and max
pooling, which train much faster.

``train`` and ``evaluate_accuracy`` take data iterators that yield ``(X, y)`` batches: ``X``
a float tensor of shape ``(batch, 1, 28, 28)`` and ``y`` the class labels (int64). Both
move the model and every batch to ``device``, so the same code runs on a CPU, on CUDA and
on Apple's MPS.
"""

from __future__ import annotations

import time

import torch
from torch import nn


def lenet(modern=False):
    """The book's LeNet-5 as an ``nn.Sequential`` (61,706 parameters).

    ``modern=False``: sigmoid activations and average pooling, as in LeNet-5;
    ``modern=True``: ReLU activations and max pooling instead.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def layer_shapes(net, input_shape=(1, 1, 28, 28)):
    """Run a zero tensor of ``input_shape`` through ``net`` layer by layer.

    Returns a list of ``(layer name, output shape)`` pairs, one per layer of the
    ``nn.Sequential``: the name is the layer's class name (``"Conv2d"``, ``"Sigmoid"``, ...)
    and the shape a tuple of ints. The network's parameters are on any device; the zero
    tensor is created on the same one.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def try_gpu(i=0):
    """The ``i``-th CUDA GPU if there is one, else Apple's MPS if available, else the CPU."""
    raise NotImplementedError("TODO: implement this function (see the handout)")


def evaluate_accuracy(net, data_iter, device=None):
    """The fraction of examples in ``data_iter`` that ``net`` classifies correctly.

    ``device=None`` means the device of the network's parameters. The network is put in
    evaluation mode and no gradients are computed. Returns a Python float in [0, 1].
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def train(net, train_iter, test_iter, num_epochs, lr, device):
    """Train ``net`` with minibatch SGD on the cross-entropy loss; return its history.

    The weights of every ``nn.Linear`` and ``nn.Conv2d`` layer are first re-initialised
    with Xavier's uniform initialisation (biases keep theirs). The model and every batch
    go to ``device``. The returned dict holds one value per epoch in each list:

    - ``"loss"``: the mean training loss over the epoch's examples;
    - ``"train_acc"``: the training accuracy measured on the epoch's batches, as they
      were classified during training;
    - ``"test_acc"``: ``evaluate_accuracy(net, test_iter, device)`` after the epoch;
    - ``"examples_per_sec"``: training examples processed per second in the epoch.
    """

    raise NotImplementedError("TODO: implement this function (see the handout)")
