"""Stage 5 on a CUDA GPU: the reference trains there, and the device checks see it.

Marked ``gpu`` and skipped where CUDA is absent (CI has no GPU). The grader itself runs on
CPUs (Gradescope has no GPU), so these tests call the reference and the test helpers
directly, in this process.
"""

from __future__ import annotations

import numpy as np
import pytest

from autograder.lab import datasets, labtools, netcheck
from tests.support import KIT

torch = pytest.importorskip("torch")
pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
]


@pytest.fixture(scope="module")
def lab(lenet_lab):
    return lenet_lab


@pytest.fixture(scope="module")
def digits():
    images, labels = datasets.load_digits28(KIT)
    return datasets.split(images, labels, 0.2, seed=0)


def test_try_gpu_finds_cuda(lab):
    assert lab.try_gpu() == torch.device("cuda:0")
    assert labtools.accelerator() == "cuda"
    assert lab.try_gpu(torch.cuda.device_count()).type in ("cpu", "mps")


def test_train_on_cuda_moves_model_and_every_batch(lab, digits):
    (train_x, train_y), (test_x, test_y) = digits
    net = lab.lenet(modern=True)
    labtools.watch(net)
    labtools.device_log()
    train_iter = labtools.traced_iter(train_x[:256], train_y[:256], 64)
    lab.train(net, train_iter, labtools.data_iter(test_x, test_y, 256), 1, 0.1, lab.try_gpu())
    log = [tuple(e) for e in labtools.device_log()]
    assert ("model", "cuda") in log
    assert sum(e == ("X", "cuda") for e in log) >= train_iter.batches == 4
    assert sum(e == ("y", "cuda") for e in log) >= 4
    assert labtools.parameter_devices(net) == ["cuda"]


def test_cuda_training_reaches_the_graded_accuracy(lab, digits):
    """The weights trained on the GPU, checked by the trusted NumPy LeNet on the CPU."""
    (train_x, train_y), (test_x, test_y) = digits
    torch.manual_seed(0)
    net = lab.lenet(modern=True)
    history = lab.train(
        net, datasets.data_iters(train_x, train_y, 64, seed=0),
        datasets.data_iters(test_x, test_y, 256, shuffle=False), 12, 0.1, lab.try_gpu(),
    )  # fmt: skip
    accuracy = netcheck.accuracy(labtools.parameters(net), test_x, test_y, modern=True)
    assert accuracy >= 0.85
    assert history["test_acc"][-1] == pytest.approx(accuracy, abs=2 / len(test_y))
    # the GPU's float32 forward and the NumPy float64 forward agree
    probes = np.random.default_rng(0).random((8, 1, 28, 28)).astype(np.float32)
    expected = netcheck.lenet_forward(labtools.parameters(net), probes, modern=True)
    assert np.allclose(labtools.forward(net, probes), expected, rtol=1e-3, atol=1e-4)
