"""Public tests for stage 5 (LeNet). Run them with ``pytest tests/test_lenet.py``.

``tools`` (``tests/labtools.py``) builds data iterators and reads a network's parameters,
so the same tests run here and in the sandbox of the autograder. The hidden tests also
train on real digits and check accuracy on digits your code never sees, that the model and
every batch go to ``device``, that ``train`` uses Xavier's initialisation, and what the
history's numbers mean.
"""

import re

import numpy as np
import pytest

CLASSIC = [
    ("Conv2d", (1, 6, 28, 28)), ("Sigmoid", (1, 6, 28, 28)), ("AvgPool2d", (1, 6, 14, 14)),
    ("Conv2d", (1, 16, 10, 10)), ("Sigmoid", (1, 16, 10, 10)), ("AvgPool2d", (1, 16, 5, 5)),
    ("Flatten", (1, 400)), ("Linear", (1, 120)), ("Sigmoid", (1, 120)),
    ("Linear", (1, 84)), ("Sigmoid", (1, 84)), ("Linear", (1, 10)),
]  # fmt: skip
KEYS = ("loss", "train_acc", "test_acc", "examples_per_sec")
#: LeNet-5 without padding=2 in the first convolution, its first Linear resized to 256 inputs
UNPADDED_PARAMETERS = 61_706 - (400 - 256) * 120


def quadrants(n, seed=0):
    """An easy task: which quarter of a noisy 28×28 image is bright (4 classes)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 4, size=n)
    images = 0.1 * rng.random((n, 1, 28, 28))
    for i, label in enumerate(labels):
        top, left = divmod(int(label), 2)
        images[i, 0, 14 * top : 14 * top + 14, 14 * left : 14 * left + 14] += 0.8
    return images.astype(np.float32), labels


def as_table(shapes, call):
    """A ``layer_shapes`` result as a list of (str, tuple of ints); fails naming ``call``
    when it is not a list of (name, shape) pairs."""
    try:
        return [(str(name), tuple(int(d) for d in shape)) for name, shape in shapes]
    except (TypeError, ValueError):
        shown = repr(shapes)[:120]
        raise AssertionError(
            f"{call} returned {shown}; expected a list of (layer name, output shape) pairs, "
            "e.g. [('Conv2d', (1, 6, 28, 28)), ...]"
        ) from None


def first_difference(got, expected):
    """Where a table of (layer name, output shape) first differs from the expected one
    (the autograder's netcheck.table_difference; copied, as this file runs without it)."""
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        if mine != theirs:
            return f"layer {index} is {mine}, expected {theirs}"
    return f"{len(got)} layers, expected {len(expected)}"


def table_hint(got, expected):
    """The likely cause of a wrong ``layer_shapes`` table (the hidden tests give the same)."""
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        if mine == theirs:
            continue
        (name, shape), (want_name, want_shape) = mine, theirs
        if name != want_name and re.fullmatch(r"\d+", name):
            return (
                "the name is the layer's class name, type(layer).__name__ (e.g. 'Conv2d'), "
                "not its position in the nn.Sequential"
            )
        if name != want_name:
            return "compare the order and kind of your layers with the handout's table"
        if shape[:1] != want_shape[:1]:
            return "run a zero tensor of the input_shape given, not a fixed (1, 1, 28, 28) one"
        if index == 0 and shape[2:] == (24, 24):
            return "the first convolution needs padding=2 to keep 28×28 images at 28×28"
        return "compare your layers' sizes with the handout's table"
    return "one (name, shape) pair per layer of the nn.Sequential, 12 in all"


def as_number(value):
    """``value`` as a float, or None when it is not a single real number."""
    if isinstance(value, bool | str | bytes) or getattr(value, "ndim", 0) != 0:
        return None
    try:
        return float(value)
    except (TypeError, ValueError, RuntimeError):
        return None


def history_problem(history, epochs):
    """What is wrong with the structure of a history ``train`` returned (None: nothing).
    The hidden tests carry the same check."""
    if not isinstance(history, dict):
        return f"returned {type(history).__name__} {repr(history)[:60]}, expected a dict"
    missing = [key for key in KEYS if key not in history]
    if missing:
        others = [repr(key) for key in history if key not in KEYS]
        text = "returned a history without the key " + ", ".join(map(repr, missing))
        return text + (f" (it has {', '.join(others)} instead)" if others else "")
    for key in KEYS:
        values = history[key]
        if not isinstance(values, list | tuple):
            return f"returned history[{key!r}] as {type(values).__name__}, expected a list"
        if len(values) != epochs:
            return (
                f"returned {len(values)} values in history[{key!r}] for {epochs} epochs: "
                "append one value per epoch, after the epoch's batches"
            )
        for value in values:
            if as_number(value) is None:
                return f"returned history[{key!r}] holding {repr(value)[:60]}, not a number"
    return None


HISTORY_ASKED = (
    "the handout asks for a dict with the keys 'loss', 'train_acc', 'test_acc' and "
    "'examples_per_sec', each a list of one number per epoch"
)


@pytest.mark.parametrize("modern", [False, True])
def test_lenet_parameter_count(submission, tools, modern):
    """lenet: LeNet-5 has 61,706 parameters, with either activation"""
    net = submission.lenet(modern=modern)
    try:
        count = tools.parameter_count(net)
    except ValueError:  # PyTorch: "Attempted to use an uninitialized parameter"
        raise AssertionError(
            f"lenet(modern={modern}) returned a network whose parameters do not exist yet "
            "(PyTorch: 'Attempted to use an uninitialized parameter'): lazy layers "
            "(nn.LazyConv2d, nn.LazyLinear) create their weights only at their first "
            "forward pass. Build LeNet-5 from nn.Conv2d and nn.Linear with the sizes of the "
            "handout's table, or run a dummy forward pass in lenet before returning the "
            "network"
        ) from None
    hint = (
        "compare your layers with the table in the handout (6 and 16 channels, 5×5 kernels, "
        "400 → 120 → 84 → 10)"
    )
    if count == UNPADDED_PARAMETERS:
        hint = (
            "your first Linear takes 16·4·4 = 256 inputs: the first convolution needs "
            "padding=2, so that the second pooling gives 16 maps of 5×5 (400 inputs)"
        )
    assert count == 61_706, (
        f"lenet(modern={modern}) has {count:,} parameters, LeNet-5 has 61,706: {hint}"
    )


def test_layer_shapes_classic(submission):
    """layer_shapes: the book's table of layers and output shapes"""
    call = "layer_shapes(lenet())"
    table = as_table(submission.layer_shapes(submission.lenet()), call)
    assert table == CLASSIC, (
        f"{call}: {first_difference(table, CLASSIC)}\nHint: {table_hint(table, CLASSIC)}"
    )


def test_layer_shapes_modern(submission):
    """layer_shapes: modern=True swaps in ReLU and max pooling, shapes unchanged"""
    modern = [
        ({"Sigmoid": "ReLU", "AvgPool2d": "MaxPool2d"}.get(name, name), shape)
        for name, shape in CLASSIC
    ]
    call = "layer_shapes(lenet(modern=True))"
    table = as_table(submission.layer_shapes(submission.lenet(modern=True)), call)
    hint = table_hint(table, modern)
    if [name for name, _ in table] == [name for name, _ in CLASSIC]:
        hint = "with modern=True, lenet uses nn.ReLU and nn.MaxPool2d instead"
    assert table == modern, f"{call}: {first_difference(table, modern)}\nHint: {hint}"


def test_try_gpu(submission, tools):
    """try_gpu: CUDA if present, else Apple's MPS, else the CPU"""
    device = submission.try_gpu()
    try:
        found = tools.device_type(device)
    except (TypeError, ValueError, RuntimeError):
        raise AssertionError(
            f"try_gpu() returned {repr(device)[:60]}, expected a torch.device"
        ) from None
    expected = tools.accelerator()
    assert found == expected, (
        f"try_gpu() returned a {found} device; this machine has {expected}.\nHint: GPUs are "
        "numbered from 0, so cuda:i exists only when torch.cuda.device_count() > i; "
        "otherwise fall back to mps when torch.backends.mps.is_available(), else the cpu"
    )


def test_evaluate_accuracy_constant_predictor(submission, tools):
    """evaluate_accuracy: a network that always answers 2 is right on the 2s only"""
    images, labels = quadrants(50)
    data = tools.data_iter(images, labels, batch_size=16)  # 16 + 16 + 16 + 2 examples
    accuracy = submission.evaluate_accuracy(tools.constant_net(2), data)
    got, expected = as_number(accuracy), float(np.mean(labels == 2))
    call = "evaluate_accuracy(a network that always answers 2, 50 images in batches of 16)"
    assert got is not None, f"{call} returned {repr(accuracy)[:60]}, expected a float"
    assert got == pytest.approx(expected), (
        f"{call} returned {got:.4f}; the network is right on {expected:.4f} of the 50 "
        "examples.\nHint: count examples, not batches: the last batch has only 2 examples"
    )


def test_train_history(submission, tools):
    """train: one entry per epoch in each list of the history"""
    images, labels = quadrants(96)
    net = submission.lenet(modern=True)
    history = submission.train(
        net, tools.data_iter(images, labels, 32, shuffle=True), tools.data_iter(images, labels),
        2, 0.1, tools.device("cpu"),
    )  # fmt: skip
    call = "train(lenet(modern=True), 96 images in batches of 32, ..., num_epochs=2, lr=0.1)"
    problem = history_problem(history, 2)
    assert problem is None, f"{call} {problem}; {HISTORY_ASKED}"
    accuracies = [float(a) for a in list(history["train_acc"]) + list(history["test_acc"])]
    assert all(0.0 <= a <= 1.0 for a in accuracies), (
        f"{call} returned accuracies outside [0, 1]: {accuracies} (a fraction of examples)"
    )
    positive = [float(v) for v in list(history["examples_per_sec"]) + list(history["loss"])]
    assert all(np.isfinite(v) and v > 0 for v in positive), (
        f"{call}: the losses and examples/s should be finite and > 0, got {positive}"
    )


def test_train_learns_an_easy_task(submission, tools):
    """train: the modern LeNet learns which quarter of an image is bright"""
    images, labels = quadrants(256)
    test_images, test_labels = quadrants(128, seed=1)
    net = submission.lenet(modern=True)
    submission.train(
        net, tools.data_iter(images, labels, 32, shuffle=True),
        tools.data_iter(test_images, test_labels), 6, 0.1, tools.device("cpu"),
    )  # fmt: skip
    logits = np.asarray(tools.forward(net, test_images))
    accuracy = float(np.mean(logits.argmax(axis=1) == test_labels))
    assert accuracy >= 0.9, (
        "train(lenet(modern=True), 256 images in batches of 32, ..., num_epochs=6, lr=0.1): "
        f"the trained network classifies {accuracy:.1%} of 128 new images correctly, expected "
        "≥ 90 % (4 classes: 25 % is chance).\nHint: per batch, call optimizer.zero_grad(), "
        "loss.backward() and optimizer.step(); and lenet(modern=True) uses ReLU and max pooling"
    )
