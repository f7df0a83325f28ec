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
    # BEGIN SOLUTION
    activation = nn.ReLU if modern else nn.Sigmoid
    pool = nn.MaxPool2d if modern else nn.AvgPool2d
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), activation(),
        pool(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), activation(),
        pool(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), activation(),
        nn.Linear(120, 84), activation(),
        nn.Linear(84, 10),
    )  # fmt: skip
    # END SOLUTION


def layer_shapes(net, input_shape=(1, 1, 28, 28)):
    """Run a zero tensor of ``input_shape`` through ``net`` layer by layer.

    Returns a list of ``(layer name, output shape)`` pairs, one per layer of the
    ``nn.Sequential``: the name is the layer's class name (``"Conv2d"``, ``"Sigmoid"``, ...)
    and the shape a tuple of ints. The network's parameters are on any device; the zero
    tensor is created on the same one.
    """
    # BEGIN SOLUTION
    device = next(net.parameters()).device
    X = torch.zeros(tuple(input_shape), device=device)
    shapes = []
    with torch.no_grad():
        for layer in net:
            X = layer(X)
            shapes.append((type(layer).__name__, tuple(X.shape)))
    return shapes
    # END SOLUTION


def try_gpu(i=0):
    """The ``i``-th CUDA GPU if there is one, else Apple's MPS if available, else the CPU."""
    # BEGIN SOLUTION
    if torch.cuda.device_count() > i:
        return torch.device(f"cuda:{i}")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
    # END SOLUTION


def evaluate_accuracy(net, data_iter, device=None):
    """The fraction of examples in ``data_iter`` that ``net`` classifies correctly.

    ``device=None`` means the device of the network's parameters. The network is put in
    evaluation mode and no gradients are computed. Returns a Python float in [0, 1].
    """
    # BEGIN SOLUTION
    if device is None:
        device = next(net.parameters()).device
    net.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            X, y = X.to(device), y.to(device)
            correct += int((net(X).argmax(dim=1) == y).sum())
            total += y.numel()
    return correct / total if total else 0.0
    # END SOLUTION


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

    # BEGIN SOLUTION
    def init_weights(module):
        if isinstance(module, nn.Linear | nn.Conv2d):
            nn.init.xavier_uniform_(module.weight)

    net.apply(init_weights)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _ in range(num_epochs):
        net.train()
        start = time.perf_counter()
        loss_sum, correct, seen = 0.0, 0, 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            y_hat = net(X)
            loss = loss_fn(y_hat, y)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                loss_sum += float(loss) * y.numel()
                correct += int((y_hat.argmax(dim=1) == y).sum())
                seen += y.numel()
        elapsed = time.perf_counter() - start
        history["loss"].append(loss_sum / max(seen, 1))
        history["train_acc"].append(correct / max(seen, 1))
        history["examples_per_sec"].append(seen / elapsed if elapsed > 0 else float("inf"))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
    # END SOLUTION
