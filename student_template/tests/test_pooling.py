"""Public tests for stage 4 (cnnlab/pooling.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.pooling``.
"""

import numpy as np

X16 = np.arange(16.0).reshape(4, 4)  # rows [0..3], [4..7], [8..11], [12..15]

SHAPE_HINT = (
    "o_h = (H + 2*p_h - k_h)//s_h + 1, rounded down (a last window that would stick out "
    "past the padded input is dropped), and the same for the width; stride=None means "
    "stride = pool_size"
)


def describe(function, *arrays, **options):
    """The call as the messages show it: ``pool2d(X (3, 1, 4, 4), 2, mode='avg')``."""
    shown = [f"{name} {np.shape(a)}" for name, a in zip(("X", "dY"), arrays, strict=False)]
    shown += [repr(value) for value in options.pop("args", ())]
    shown += [f"{key}={value!r}" for key, value in options.items()]
    return f"{function}({', '.join(shown)})"


def check_close(got, expected, call, what, hint="", dtype=None):
    """``got`` must be an array of ``expected``'s shape (and ``dtype``) and values, with a
    message that says which call returned what."""
    expected = np.asarray(expected)
    hint = f"\nHint: {hint}" if hint else ""
    if not isinstance(got, np.ndarray) or got.shape != expected.shape:
        shape = f"shape {got.shape}" if isinstance(got, np.ndarray) else type(got).__name__
        raise AssertionError(f"{call}: returned {shape}, expected shape {expected.shape}{hint}")
    if dtype is not None and got.dtype != np.dtype(dtype):
        raise AssertionError(
            f"{call}: returned dtype {got.dtype}, expected {np.dtype(dtype)}{hint}"
        )
    np.testing.assert_allclose(
        got, expected, rtol=1e-7, atol=1e-12, err_msg=f"{call}: {what}{hint}"
    )


def expect_value_error(call, function, *args, why, **kwargs):
    """``function(*args, **kwargs)`` must raise ValueError."""
    try:
        result = function(*args, **kwargs)
    except ValueError:
        return
    shown = f"an array of shape {result.shape}" if isinstance(result, np.ndarray) else "normally"
    raise AssertionError(f"{call}: returned {shown} instead of raising ValueError ({why})")


def test_max_pool_example(submission):
    """pool2d: 2×2 max pooling of a 4×4 ramp (stride defaults to the window)"""
    check_close(
        submission.pool2d(X16, 2),
        [[5.0, 7.0], [13.0, 15.0]],
        describe("pool2d", X16, args=(2,)),
        "X = arange(16).reshape(4, 4): the largest value of each 2×2 block",
        "stride=None means stride = pool_size, so the four 2×2 blocks do not overlap",
    )


def test_avg_pool_example(submission):
    """pool2d: 2×2 average pooling of a 4×4 ramp"""
    check_close(
        submission.pool2d(X16, 2, mode="avg"),
        [[2.5, 4.5], [10.5, 12.5]],
        describe("pool2d", X16, args=(2,), mode="avg"),
        "X = arange(16).reshape(4, 4): the mean of each 2×2 block",
        "each output is the sum of its window divided by k_h * k_w",
    )


def test_output_shape(submission):
    """pool2d: output shape is ((H + 2p - k) // s + 1, (W + 2p - k) // s + 1)"""
    X = np.ones((5, 7))
    cases = [
        ((3, 1, 0), (3, 5)),  # overlapping windows
        ((2, None, 0), (2, 3)),  # stride defaults to the window; leftovers are dropped
        ((3, 2, 1), (3, 4)),  # padding 1 on each side
    ]
    for (k, s, p), expected in cases:
        Y = submission.pool2d(X, k, stride=s, padding=p)
        shape = Y.shape if isinstance(Y, np.ndarray) else type(Y).__name__
        assert shape == expected, (
            f"{describe('pool2d', X, args=(k,), stride=s, padding=p)}: returned shape "
            f"{shape}, expected {expected}\nHint: {SHAPE_HINT}"
        )


def test_padding_example(submission):
    """pool2d: 3×3 max pooling, padding 1, stride 2 (the book's example)"""
    check_close(
        submission.pool2d(X16, 3, stride=2, padding=1),
        [[5.0, 7.0], [13.0, 15.0]],
        describe("pool2d", X16, args=(3,), stride=2, padding=1),
        "the book's example: windows start at rows and columns -1 and 1 of the input",
        SHAPE_HINT + "; padding adds p_h rows (p_w columns) on each side",
    )


#: pool2d of the three images X16, -X16 and 2 * X16 with a 2×2 window
LEADING_EXPECTED = np.array(
    [[[[5.0, 7.0], [13.0, 15.0]]], [[[0.0, -2.0], [-8.0, -10.0]]], [[[10.0, 14.0], [26.0, 30.0]]]]
)


def test_leading_axes_kept(submission):
    """pool2d: (batch, channels, H, W) in, (batch, channels, o_h, o_w) out"""
    X = np.stack([X16, -X16, 2 * X16]).reshape(3, 1, 4, 4)
    check_close(
        submission.pool2d(X, 2),
        LEADING_EXPECTED,
        describe("pool2d", X, args=(2,)),
        "three images X16, -X16 and 2 * X16, each pooled on its own",
        "pool over the last two axes only (index with [..., rows, cols]); every leading "
        "axis stays where it is, in its order",
    )


def test_max_keeps_dtype(submission):
    """pool2d: max pooling of uint8 returns uint8; average pooling returns float64"""
    X = np.arange(16, dtype=np.uint8).reshape(4, 4)
    check_close(
        submission.pool2d(X, 2),
        np.array([[5, 7], [13, 15]], np.uint8),
        describe("pool2d", X, args=(2,)) + " of uint8",
        "the largest value of each 2×2 block",
        "max pooling picks input values, so the result keeps the input's dtype (uint8 in, "
        "uint8 out)",
        dtype=np.uint8,
    )
    check_close(
        submission.pool2d(X, 2, mode="avg"),
        [[2.5, 4.5], [10.5, 12.5]],
        describe("pool2d", X, args=(2,), mode="avg") + " of uint8",
        "the exact means (2.5 is not truncated to 2)",
        "average pooling of integers gives float64: sum in float64, then divide",
        dtype=np.float64,
    )


def test_rejects_bad_arguments(submission):
    """pool2d: ValueError for an unknown mode, a 1-D input, or too much padding"""
    cases = [
        ((X16, 2), {"mode": "median"}, "mode must be 'max' or 'avg'"),
        ((np.ones(4), 2), {}, "X needs at least 2 dimensions (..., H, W)"),
        ((X16, 2), {"padding": 2}, "padding is at most pool_size // 2, here 1"),
    ]
    for (X, k), kwargs, why in cases:
        call = describe("pool2d", X, args=(k,), **kwargs)
        expect_value_error(call, submission.pool2d, X, k, why=why, **kwargs)


def test_backward_example(submission):
    """pool2d_backward: max sends each gradient to its maximum, avg spreads it evenly"""
    X = np.array([[1.0, 3.0], [2.0, 0.0]])
    dY = np.array([[4.0]])
    check_close(
        submission.pool2d_backward(X, dY, 2),
        [[0.0, 4.0], [0.0, 0.0]],
        describe("pool2d_backward", X, dY, args=(2,)),
        "X = [[1, 3], [2, 0]], dY = [[4]]: the whole gradient goes to the 3, the maximum",
        "dX has X's shape; each output's gradient goes to the cell that held its window's maximum",
    )
    check_close(
        submission.pool2d_backward(X, dY, 2, mode="avg"),
        [[1.0, 1.0], [1.0, 1.0]],
        describe("pool2d_backward", X, dY, args=(2,), mode="avg"),
        "X = [[1, 3], [2, 0]], dY = [[4]]: each of the 4 cells gets 4 / 4",
        "every cell of a window receives dY / (k_h * k_w) from it",
    )


def test_pool2d_speed_feedback(submission, speedcheck):
    """pool2d: speed feedback, a 2×2 max pool"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("pooling", "pool2d", submission.pool2d)


def test_pool2d_pixels_speed_feedback(submission, speedcheck):
    """pool2d: speed feedback, a 1×1 window (one output per pixel)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("pooling", "pool2d:pixels", submission.pool2d)
