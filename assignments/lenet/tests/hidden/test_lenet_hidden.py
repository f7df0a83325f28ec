"""Hidden tests for stage 5 (LeNet).

Trust: the student's code runs only in the worker. Networks and data iterators stay there
(the tests hold handles); the trained weights come back as plain arrays and are loaded into
the trusted NumPy LeNet (:mod:`autograder.netcheck`), which checks the architecture and
measures accuracy on held-out digits that are never sent to the worker. The labels are
relabelled by a random permutation for every grading, so weights trained elsewhere and
shipped inside a submission score no better than chance.
"""

from pathlib import Path

import numpy as np
import pytest
from gradescope_utils.autograder_utils.decorators import partial_credit

from autograder import datasets, netcheck

DATA = Path(__file__).resolve().parents[2] / "data"
#: the graded training run, chosen from measurement: over 100 gradings (random split, label
#: permutation and initialisation) the reference reached 0.928-0.99 (median 0.976) on the
#: held-out fifth in about 3.5 s of CPU; lr 0.1 with batches of 64 dipped to 0.82 now and then
EPOCHS, LR, BATCH = 12, 0.05, 32
FULL_MARKS_AT, ZERO_AT = 0.85, 0.30


@pytest.fixture(scope="module")
def digits():
    """(train images, train labels), (held-out images, held-out labels), relabelled."""
    images, labels = datasets.load_digits28(DATA)
    rng = np.random.default_rng()
    relabel = rng.permutation(10)
    (train_x, train_y), (held_x, held_y) = datasets.split(
        images, relabel[labels], 0.2, seed=int(rng.integers(2**31))
    )
    return (train_x, train_y), (held_x, held_y)


def params_of(tools, net):
    params = [np.asarray(p, dtype=np.float64) for p in tools.parameters(net)]
    problem = netcheck.shape_problem([p.shape for p in params])
    assert problem is None, f"this is not LeNet-5: {problem}"
    return params


def probes(n=8, seed=0):
    return np.random.default_rng(seed).random((n, 1, 28, 28)).astype(np.float32)


# -- lenet -----------------------------------------------------------------------------------


@pytest.mark.parametrize("modern", [False, True], ids=["classic", "modern"])
def test_architecture_matches_reference(submission, tools, modern):
    """lenet: your weights in the reference LeNet-5 give your network's outputs"""
    net = submission.lenet(modern=modern)
    params = params_of(tools, net)
    images = probes()
    mine = tools.forward(net, images)
    expected = netcheck.lenet_forward(params, images, modern)
    assert np.shape(mine) == (8, 10), f"the network's output has shape {np.shape(mine)}"
    kind = "ReLU and max pooling" if modern else "sigmoid and average pooling"
    assert np.allclose(mine, expected, rtol=1e-4, atol=1e-5), (
        f"with your weights, the reference LeNet-5 ({kind}) computes other outputs than "
        f"your network: check the layer order, the activations, the pooling and the padding "
        f"of the first convolution (largest difference "
        f"{np.max(np.abs(np.asarray(mine) - expected)):.3g})"
    )


def test_lenet_default_is_classic(submission, tools):
    """lenet: modern defaults to False (sigmoid and average pooling)"""
    net = submission.lenet()
    images = probes(seed=1)
    expected = netcheck.lenet_forward(params_of(tools, net), images, modern=False)
    assert np.allclose(tools.forward(net, images), expected, rtol=1e-4, atol=1e-5), (
        "lenet() computes other outputs than the classic LeNet-5 with your weights: without "
        "arguments it should use sigmoid activations and average pooling (modern=False)"
    )


def test_lenet_fresh_each_call(submission, tools):
    """lenet: every call builds a new network with its own random weights"""
    first = params_of(tools, submission.lenet(modern=True))
    second = params_of(tools, submission.lenet(modern=True))
    assert not np.array_equal(first[0], second[0]), "two calls returned the same weights"


# -- layer_shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize("batch", [1, 5])
@pytest.mark.parametrize("modern", [False, True], ids=["classic", "modern"])
def test_layer_shapes_hidden(submission, modern, batch):
    """layer_shapes: names and shapes for other batch sizes"""
    net = submission.lenet(modern=modern)
    got = submission.layer_shapes(net, (batch, 1, 28, 28))
    table = [(str(name), tuple(int(d) for d in shape)) for name, shape in got]
    expected = netcheck.layer_shapes(modern, batch)
    assert table == expected, (
        f"layer_shapes(lenet(modern={modern}), {(batch, 1, 28, 28)}): "
        f"{netcheck.table_difference(table, expected)}"
    )


def test_layer_shapes_leaves_weights(submission, tools):
    """layer_shapes: running the zero tensor through the network changes no weight"""
    net = submission.lenet(modern=True)
    before = params_of(tools, net)
    submission.layer_shapes(net)
    after = params_of(tools, net)
    assert all(np.array_equal(a, b) for a, b in zip(before, after, strict=True)), (
        "layer_shapes changed the network's weights: run the layers under torch.no_grad() "
        "and do not train or re-initialise them"
    )


# -- try_gpu ---------------------------------------------------------------------------------


def test_try_gpu_index(submission, tools):
    """try_gpu: a GPU index beyond the last GPU falls back (MPS, else the CPU)"""
    kind = tools.device_type(submission.try_gpu(64))
    expected = "mps" if tools.accelerator() == "mps" else "cpu"
    assert kind == expected, f"try_gpu(64) returned a {kind} device, expected {expected}"


# -- evaluate_accuracy -----------------------------------------------------------------------


@pytest.mark.parametrize("label", [0, 7])
def test_evaluate_accuracy_hidden(submission, tools, digits, label):
    """evaluate_accuracy: exact fractions, with a last batch smaller than the others"""
    (images, labels), _ = digits
    images, labels = images[:203], labels[:203]
    data = tools.data_iter(images, labels, batch_size=50)
    expected = float(np.mean(labels == label))
    got = submission.evaluate_accuracy(tools.constant_net(label), data, tools.device("cpu"))
    assert float(got) == pytest.approx(expected), (
        f"a network that always answers {label} is right on {expected:.4f} of these examples "
        "(count examples, not batches: the last batch has 3 examples)"
    )


def test_evaluate_accuracy_of_a_lenet(submission, tools, digits):
    """evaluate_accuracy: agrees with the reference on an untrained LeNet"""
    (images, labels), _ = digits
    net = submission.lenet(modern=True)
    expected = netcheck.accuracy(params_of(tools, net), images[:300], labels[:300], True)
    got = submission.evaluate_accuracy(net, tools.data_iter(images[:300], labels[:300], 64))
    assert float(got) == pytest.approx(expected, abs=1.5 / 300), (
        f"evaluate_accuracy returned {float(got):.4f} for an untrained LeNet that classifies "
        f"{expected:.4f} of these 300 examples correctly"
    )


# -- train -----------------------------------------------------------------------------------


def test_train_moves_model_and_batches(submission, tools, digits):
    """train: the model and every batch go to the device given"""
    (images, labels), _ = digits
    net = submission.lenet(modern=True)
    tools.watch(net)
    tools.device_log()  # start from an empty log
    train_iter = tools.traced_iter(images[:96], labels[:96], 32)
    submission.train(net, train_iter, tools.data_iter(images[:32], labels[:32]), 1, 0.1,
                     tools.device("cpu"))  # fmt: skip
    log = [tuple(entry) for entry in tools.device_log()]
    served = tools.batches_served(train_iter)
    assert ("model", "cpu") in log, "train never moves the model: call net.to(device)"
    moved_x = sum(entry == ("X", "cpu") for entry in log)
    moved_y = sum(entry == ("y", "cpu") for entry in log)
    assert moved_x >= served, (
        f"{served} training batches were served, but only {moved_x} image batches were moved "
        "with X.to(device)"
    )
    assert moved_y >= served, (
        f"{served} training batches were served, but only {moved_y} label batches were moved "
        "with y.to(device)"
    )
    devices = tools.parameter_devices(net)
    assert devices == ["cpu"], f"after train the parameters are on {devices}, not on the cpu"


def test_train_uses_xavier_init(submission, tools, digits):
    """train: weights start from Xavier's uniform initialisation (seen with lr = 0)"""
    (images, labels), _ = digits
    net = submission.lenet(modern=True)
    data = tools.data_iter(images[:64], labels[:64], 64)
    submission.train(net, data, data, 1, 0.0, tools.device("cpu"))
    params = params_of(tools, net)
    for index in (0, 2, 4, 6, 8):  # the weights of the 2 convolutions and 3 linear layers
        weight = params[index]
        fan_out, fan_in = weight.shape[0], int(np.prod(weight.shape[1:]))
        receptive = int(np.prod(weight.shape[2:]))
        bound = np.sqrt(6.0 / (fan_in + fan_out * receptive))
        spread = weight.std() * np.sqrt(3.0)  # = the bound for a uniform distribution
        assert np.abs(weight).max() <= bound * 1.0001 and 0.8 * bound <= spread, (
            f"weight tensor {index} (shape {weight.shape}) does not look Xavier-uniform: "
            f"values up to {np.abs(weight).max():.3f}, spread {spread:.3f}, Xavier's bound "
            f"{bound:.3f}. Apply nn.init.xavier_uniform_ to every Linear and Conv2d weight "
            "at the start of train"
        )


def test_train_history_matches_weights(submission, tools, digits):
    """train: the last test accuracy is that of the weights train leaves"""
    (images, labels), _ = digits
    net = submission.lenet(modern=True)
    test_x, test_y = images[:200], labels[:200]
    history = submission.train(
        net, tools.data_iter(images[200:700], labels[200:700], 50, shuffle=True),
        tools.data_iter(test_x, test_y, 64), 3, 0.1, tools.device("cpu"),
    )  # fmt: skip
    assert all(len(history[key]) == 3 for key in ("loss", "train_acc", "test_acc"))
    expected = netcheck.accuracy(params_of(tools, net), test_x, test_y, modern=True)
    last = float(history["test_acc"][-1])
    assert last == pytest.approx(expected, abs=1.5 / 200), (
        f"the history's last test_acc is {last:.4f}, but the weights train leaves classify "
        f"{expected:.4f} of the test examples: evaluate after the epoch's last step"
    )
    losses = [float(v) for v in history["loss"]]
    assert all(np.isfinite(v) and v > 0 for v in losses), f"the losses should be > 0: {losses}"


def test_train_classic_network(submission, tools, digits):
    """train: the classic sigmoid LeNet trains too (finite weights, same architecture)"""
    (images, labels), _ = digits
    net = submission.lenet()
    data = tools.data_iter(images[:256], labels[:256], 64, shuffle=True)
    submission.train(net, data, data, 1, 0.9, tools.device("cpu"))
    params = params_of(tools, net)
    assert all(np.isfinite(p).all() for p in params), "training at lr 0.9 left NaN weights"
    batch = probes(4, seed=2)
    assert np.allclose(tools.forward(net, batch), netcheck.lenet_forward(params, batch, False),
                       rtol=1e-4, atol=1e-5), (
        "after train the classic network computes other outputs than LeNet-5 with its weights"
    )  # fmt: skip


@partial_credit(12)
def test_train_accuracy_on_held_out_digits(submission, tools, digits, record, set_score=None):
    """train: accuracy of the trained LeNet on held-out digits it never saw"""
    (train_x, train_y), (held_x, held_y) = digits
    net = submission.lenet(modern=True)
    submission.train(
        net, tools.data_iter(train_x, train_y, BATCH, shuffle=True, seed=1),
        tools.data_iter(train_x[:256], train_y[:256], 256), EPOCHS, LR, tools.device("cpu"),
    )  # fmt: skip
    accuracy = netcheck.accuracy(params_of(tools, net), held_x, held_y, modern=True)
    record("accuracy", accuracy)
    share = (accuracy - ZERO_AT) / (FULL_MARKS_AT - ZERO_AT)
    set_score(12 * min(1.0, max(0.0, share)))
    assert accuracy >= FULL_MARKS_AT, (
        f"after {EPOCHS} epochs of SGD (lr {LR}, batches of {BATCH}) on {len(train_y)} digits, "
        f"your LeNet classifies {accuracy:.1%} of {len(held_y)} held-out digits correctly; "
        f"full marks from {FULL_MARKS_AT:.0%} (the reference reaches 93-99 %). Check that "
        "train calls optimizer.zero_grad(), loss.backward() and optimizer.step() per batch"
    )
