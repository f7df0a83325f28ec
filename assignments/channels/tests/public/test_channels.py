"""Public tests for stage 3 (cnnlab/channels.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.channels``.
"""

import numpy as np
import pytest

# The book's two-channel example: X has 2 channels of 3×3, K has 2 channels of 2×2.
BOOK_X = np.array([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]])
BOOK_K = np.array([[[0.0, 1], [2, 3]], [[1.0, 2], [3, 4]]])


ARGUMENTS = {"conv2d": ("X", "W", "b"), "conv2d_backward": ("X", "W", "dY")}


def describe(function, *arrays, **options):
    """The call as the messages show it: ``conv2d(X (2, 3, 7, 8), W (4, 3, 3, 2), stride=2)``."""
    names = ARGUMENTS.get(function, ("X", "K"))
    shown = [f"{name} {np.shape(array)}" for name, array in zip(names, arrays, strict=False)]
    shown += [f"{key}={value!r}" for key, value in options.items()]
    return f"{function}({', '.join(shown)})"


def check_close(got, expected, call, what, hint="", rtol=1e-7):
    """``got`` must be an array of ``expected``'s shape and values, with a message that says
    which call returned what."""
    expected = np.asarray(expected)
    hint = f"\nHint: {hint}" if hint else ""
    if not isinstance(got, np.ndarray) or got.shape != expected.shape:
        shape = f"shape {got.shape}" if isinstance(got, np.ndarray) else type(got).__name__
        raise AssertionError(f"{call}: returned {shape}, expected shape {expected.shape}{hint}")
    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    error = float(np.max(np.abs(got - expected))) if expected.size else 0.0
    if got.dtype == np.float64 and 0 < error <= 1e-5 * scale:  # float32 rounding, not a bug
        hint = (
            f"\nHint: every value is right to about {error / scale:.0e} of the largest one: that "
            "is rounding, not a wrong formula; compute in float64 (look for np.float32)"
        )
    message = f"{call}: {what}{hint}"
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=1e-12, err_msg=message)


def expect_value_error(call, function, *args, why, **kwargs):
    """``function(*args, **kwargs)`` must raise ValueError."""
    try:
        result = function(*args, **kwargs)
    except ValueError:
        return
    shown = f"an array of shape {result.shape}" if isinstance(result, np.ndarray) else "normally"
    raise AssertionError(f"{call}: returned {shown} instead of raising ValueError ({why})")


def correlate_one_channel(x, k):
    """A slow, obviously correct 2-D cross-correlation, to build expectations from."""
    o_h, o_w = x.shape[0] - k.shape[0] + 1, x.shape[1] - k.shape[1] + 1
    out = np.zeros((o_h, o_w))
    for i in range(o_h):
        for j in range(o_w):
            out[i, j] = np.sum(x[i : i + k.shape[0], j : j + k.shape[1]] * k)
    return out


PAIRING = "correlate X[c] with K[c] for every channel c and add (sum, not average) the results"


def test_multi_in_book_example(submission):
    """correlate2d_multi_in: the book's two-channel example"""
    Y = submission.correlate2d_multi_in(BOOK_X, BOOK_K)
    # channel 0 gives [[19, 25], [37, 43]], channel 1 gives [[37, 47], [67, 77]]; add them
    check_close(
        Y,
        [[56.0, 72.0], [104.0, 120.0]],
        describe("correlate2d_multi_in", BOOK_X, BOOK_K),
        "the book's example: channel 0 gives [[19, 25], [37, 43]], channel 1 [[37, 47], "
        "[67, 77]], and their sum is expected",
        PAIRING,
    )


def test_multi_in_adds_channel_results(submission):
    """correlate2d_multi_in: channel c of X with channel c of K, results added"""
    rng = np.random.default_rng(0)
    X, K = rng.normal(size=(3, 5, 6)), rng.normal(size=(3, 2, 3))
    expected = sum(correlate_one_channel(X[c], K[c]) for c in range(3))
    check_close(
        submission.correlate2d_multi_in(X, K),
        expected,
        describe("correlate2d_multi_in", X, K),
        "expected the sum over c of correlate(X[c], K[c])",
        PAIRING,
    )


def test_multi_in_out_book_example(submission):
    """correlate2d_multi_in_out: the book's kernels K, K + 1, K + 2 give 3 output channels"""
    K = np.stack([BOOK_K, BOOK_K + 1, BOOK_K + 2])  # shape (3, 2, 2, 2)
    Y = submission.correlate2d_multi_in_out(BOOK_X, K)
    expected = [[[56.0, 72], [104, 120]], [[76.0, 100], [148, 172]], [[96.0, 128], [192, 224]]]
    check_close(
        Y,
        expected,
        describe("correlate2d_multi_in_out", BOOK_X, K),
        "the book's example: output channel o is correlate2d_multi_in(X, K[o])",
        "K is (c_o, c_i, k_h, k_w): K[o] is the (c_i, k_h, k_w) kernel of output channel o",
    )


def test_1x1_mixes_channels_per_pixel(submission):
    """correlate2d_1x1: Y[:, i, j] = K @ X[:, i, j], with K (c_o, c_i) or (c_o, c_i, 1, 1)"""
    rng = np.random.default_rng(1)
    X, K = rng.normal(size=(3, 4, 5)), rng.normal(size=(2, 3))
    expected = np.zeros((2, 4, 5))
    for i in range(4):
        for j in range(5):
            expected[:, i, j] = K @ X[:, i, j]
    for kernel in (K, K.reshape(2, 3, 1, 1)):
        check_close(
            submission.correlate2d_1x1(X, kernel),
            expected,
            describe("correlate2d_1x1", X, kernel),
            "expected K @ X[:, i, j] at every pixel (i, j)",
            "one (c_o, c_i) @ (c_i, h*w) product, reshaped to (c_o, h, w)",
            rtol=1e-10,
        )


@pytest.mark.parametrize(
    ("stride", "padding", "expected"),
    [(1, 0, (2, 4, 5, 7)), (2, 1, (2, 4, 4, 5)), ((1, 2), (2, 0), (2, 4, 9, 4))],
    ids=["default", "stride2-pad1", "pairs"],
)
def test_conv2d_output_shape(submission, stride, padding, expected):
    """conv2d: output shape (n, c_o, (h + 2p_h - k_h)//s_h + 1, (w + 2p_w - k_w)//s_w + 1)"""
    X, W = np.ones((2, 3, 7, 8)), np.ones((4, 3, 3, 2))
    Y = submission.conv2d(X, W, stride=stride, padding=padding)
    shape = Y.shape if isinstance(Y, np.ndarray) else type(Y).__name__
    assert shape == expected, (
        f"{describe('conv2d', X, W, stride=stride, padding=padding)}: returned shape {shape}, "
        f"expected {expected}\nHint: o_h = (h + 2*p_h - k_h)//s_h + 1 and o_w = (w + 2*p_w - "
        "k_w)//s_w + 1; padding adds p zeros on each side; a pair is (for height, for width)"
    )


def test_conv2d_small_examples(submission):
    """conv2d: stride 2 and padding 1 on small worked examples"""
    X = np.arange(16.0).reshape(1, 1, 4, 4)
    # stride 2: the four 2×2 blocks of X, each summed
    check_close(
        submission.conv2d(X, np.ones((1, 1, 2, 2)), stride=2),
        [[[[10.0, 18.0], [42.0, 50.0]]]],
        describe("conv2d", X, np.ones((1, 1, 2, 2)), stride=2),
        "X = arange(16) as 4×4 with a 2×2 kernel of ones: the sums of the four 2×2 blocks",
        "stride 2 keeps every second window position on both axes",
    )
    # padding 1: a 3×3 kernel of ones counts how many input pixels each window covers
    ones = np.ones((1, 1, 3, 3))
    check_close(
        submission.conv2d(ones, ones, padding=1),
        [[[[4.0, 6, 4], [6, 9, 6], [4, 6, 4]]]],
        describe("conv2d", ones, ones, padding=1),
        "ones with a 3×3 kernel of ones: each value counts the input pixels its window covers",
        "padding=1 adds one row or column of zeros on each side",
    )


def test_conv2d_matches_channel_sums(submission):
    """conv2d: Y[i, o] is the sum over c of correlate(X[i, c], W[o, c]), plus b[o]"""
    rng = np.random.default_rng(2)
    X, W, b = rng.normal(size=(2, 3, 6, 5)), rng.normal(size=(4, 3, 2, 3)), rng.normal(size=4)
    expected = np.zeros((2, 4, 5, 3))
    for i in range(2):
        for o in range(4):
            expected[i, o] = sum(correlate_one_channel(X[i, c], W[o, c]) for c in range(3))
            expected[i, o] += b[o]
    check_close(
        submission.conv2d(X, W, b),
        expected,
        describe("conv2d", X, W, b),
        "expected Y[i, o] = sum over c of correlate(X[i, c], W[o, c]) + b[o]",
        "W[o, c] pairs output channel o with input channel c; b[o] is added to every pixel "
        "of output channel o",
    )


def test_rejects_bad_arguments(submission):
    """ValueError for mismatched channels and arrays with the wrong number of axes"""
    cases = [
        (
            "correlate2d_multi_in",
            (np.ones((3, 4, 4)), np.ones((2, 2, 2))),
            "X has 3 channels, K 2: zip(X, K) would silently drop one",
        ),
        ("conv2d", (np.ones((3, 5, 5)), np.ones((2, 3, 3, 3))), "X is 3-D, not (n, c_i, h, w)"),
        ("conv2d", (np.ones((1, 3, 5, 5)), np.ones((2, 4, 3, 3))), "X has 3 channels, W 4"),
    ]
    for name, args, why in cases:
        expect_value_error(describe(name, *args), getattr(submission, name), *args, why=why)


def test_backward_shapes(submission):
    """conv2d_backward: returns (dX, dW, db) shaped like X, W and b"""
    rng = np.random.default_rng(3)
    X, W = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3))
    dY = rng.normal(size=(2, 4, 3, 3))
    call = describe("conv2d_backward", X, W, dY, stride=2, padding=1)
    got = submission.conv2d_backward(X, W, dY, stride=2, padding=1)
    assert isinstance(got, tuple | list) and len(got) == 3, (
        f"{call}: returned {type(got).__name__}, expected a tuple (dX, dW, db)"
    )
    dX, dW, db = got
    for name, value, shape in (("dX", dX, X.shape), ("dW", dW, W.shape), ("db", db, (4,))):
        got_shape = value.shape if isinstance(value, np.ndarray) else type(value).__name__
        assert got_shape == shape, (
            f"{call}: {name} has shape {got_shape}, expected {shape} (the shape of "
            f"{'b' if name == 'db' else name[1:]})"
        )
    # the bias is added to every output pixel, so its gradient sums dY over all but channels
    check_close(
        db,
        dY.sum(axis=(0, 2, 3)),
        call,
        "db should be dY.sum(axis=(0, 2, 3))",
        "db[o] is dY summed over the batch and all output pixels of channel o",
    )


def test_conv2d_speed_feedback(submission, speedcheck):
    """conv2d: speed feedback (is it on track for the graded speed test?)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("channels", "conv2d", submission.conv2d)


def test_1x1_speed_feedback(submission, speedcheck):
    """correlate2d_1x1: speed feedback (is it on track for the graded speed test?)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("channels", "correlate2d_1x1", submission.correlate2d_1x1)
