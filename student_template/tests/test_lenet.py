"""Public tests for stage 5 (LeNet). Run them with ``pytest tests/test_lenet.py``.

``tools`` (``tests/labtools.py``) builds data iterators and reads a network's parameters,
so the same tests run here and in the sandbox of the autograder. The hidden tests also
train on real digits and check accuracy on digits your code never sees, that the model and
every batch go to ``device``, and that ``train`` uses Xavier's initialisation.
"""

import numpy as np
import pytest

CLASSIC = [
    ("Conv2d", (1, 6, 28, 28)), ("Sigmoid", (1, 6, 28, 28)), ("AvgPool2d", (1, 6, 14, 14)),
    ("Conv2d", (1, 16, 10, 10)), ("Sigmoid", (1, 16, 10, 10)), ("AvgPool2d", (1, 16, 5, 5)),
    ("Flatten", (1, 400)), ("Linear", (1, 120)), ("Sigmoid", (1, 120)),
    ("Linear", (1, 84)), ("Sigmoid", (1, 84)), ("Linear", (1, 10)),
]  # fmt: skip


def quadrants(n, seed=0):
    """An easy task: which quarter of a noisy 28×28 image is bright (4 classes)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 4, size=n)
    images = 0.1 * rng.random((n, 1, 28, 28))
    for i, label in enumerate(labels):
        top, left = divmod(int(label), 2)
        images[i, 0, 14 * top : 14 * top + 14, 14 * left : 14 * left + 14] += 0.8
    return images.astype(np.float32), labels


def as_table(shapes):
    return [(str(name), tuple(int(d) for d in shape)) for name, shape in shapes]


def first_difference(got, expected):
    """Where a table of (layer name, output shape) first differs from the expected one
    (the autograder's netcheck.table_difference; copied, as this file runs without it)."""
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        if mine != theirs:
            return f"layer {index} is {mine}, expected {theirs}"
    return f"{len(got)} layers, expected {len(expected)}"


@pytest.mark.parametrize("modern", [False, True])
def test_lenet_parameter_count(submission, tools, modern):
    """lenet: LeNet-5 has 61,706 parameters, with either activation"""
    net = submission.lenet(modern=modern)
    count = tools.parameter_count(net)
    assert count == 61_706, (
        f"lenet(modern={modern}) has {count:,} parameters, LeNet-5 has 61,706: compare your "
        "layers with the table in the handout (6 and 16 channels, 5×5 kernels, 400 → 120 → "
        "84 → 10)"
    )


def test_layer_shapes_classic(submission):
    """layer_shapes: the book's table of layers and output shapes"""
    table = as_table(submission.layer_shapes(submission.lenet()))
    assert table == CLASSIC, f"layer_shapes(lenet()): {first_difference(table, CLASSIC)}"


def test_layer_shapes_modern(submission):
    """layer_shapes: modern=True swaps in ReLU and max pooling, shapes unchanged"""
    modern = [
        ({"Sigmoid": "ReLU", "AvgPool2d": "MaxPool2d"}.get(name, name), shape)
        for name, shape in CLASSIC
    ]
    table = as_table(submission.layer_shapes(submission.lenet(modern=True)))
    assert table == modern, f"layer_shapes(lenet(modern=True)): {first_difference(table, modern)}"


def test_try_gpu(submission, tools):
    """try_gpu: CUDA if present, else Apple's MPS, else the CPU"""
    found, expected = tools.device_type(submission.try_gpu()), tools.accelerator()
    assert found == expected, f"try_gpu() returned a {found} device; this machine has {expected}"


def test_evaluate_accuracy_constant_predictor(submission, tools):
    """evaluate_accuracy: a network that always answers 2 is right on the 2s only"""
    images, labels = quadrants(50)
    data = tools.data_iter(images, labels, batch_size=16)  # 16 + 16 + 16 + 2 examples
    accuracy = submission.evaluate_accuracy(tools.constant_net(2), data)
    expected = float(np.mean(labels == 2))
    assert float(accuracy) == pytest.approx(expected), (
        f"evaluate_accuracy returned {float(accuracy):.4f}; the network is right on "
        f"{expected:.4f} of the 50 examples (count examples, not batches)"
    )


def test_train_history(submission, tools):
    """train: one entry per epoch in each list of the history"""
    images, labels = quadrants(96)
    net = submission.lenet(modern=True)
    history = submission.train(
        net, tools.data_iter(images, labels, 32, shuffle=True), tools.data_iter(images, labels),
        2, 0.1, tools.device("cpu"),
    )  # fmt: skip
    assert sorted(history) == ["examples_per_sec", "loss", "test_acc", "train_acc"]
    for key, values in history.items():
        assert len(values) == 2, f"history[{key!r}] should have one value per epoch"
    accuracies = [float(a) for a in history["train_acc"] + history["test_acc"]]
    assert all(0.0 <= a <= 1.0 for a in accuracies), f"accuracies outside [0, 1]: {accuracies}"
    positive = [float(v) for v in history["examples_per_sec"] + history["loss"]]
    assert all(v > 0 for v in positive), f"losses and examples/s should be > 0: {positive}"


def test_train_learns_an_easy_task(submission, tools):
    """train: the modern LeNet learns which quarter of an image is bright"""
    images, labels = quadrants(256)
    test_images, test_labels = quadrants(128, seed=1)
    net = submission.lenet(modern=True)
    history = submission.train(
        net, tools.data_iter(images, labels, 32, shuffle=True),
        tools.data_iter(test_images, test_labels), 6, 0.1, tools.device("cpu"),
    )  # fmt: skip
    assert float(history["loss"][-1]) < float(history["loss"][0]), "the loss should fall"
    accuracy = float(history["test_acc"][-1])
    assert accuracy >= 0.9, f"test accuracy after 6 epochs is {accuracy:.1%}, expected ≥ 90 %"
