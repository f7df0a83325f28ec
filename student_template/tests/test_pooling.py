"""Public tests for stage 4 (cnnlab/pooling.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.pooling``.
"""

import numpy as np

X16 = np.arange(16.0).reshape(4, 4)  # rows [0..3], [4..7], [8..11], [12..15]


def test_max_pool_example(submission):
    """pool2d: 2×2 max pooling of a 4×4 ramp (stride defaults to the window)"""
    Y = submission.pool2d(X16, 2)
    np.testing.assert_allclose(
        Y, [[5.0, 7.0], [13.0, 15.0]], err_msg="pool2d(arange(16).reshape(4, 4), 2)"
    )


def test_avg_pool_example(submission):
    """pool2d: 2×2 average pooling of a 4×4 ramp"""
    Y = submission.pool2d(X16, 2, mode="avg")
    np.testing.assert_allclose(
        Y,
        [[2.5, 4.5], [10.5, 12.5]],
        err_msg="pool2d(arange(16).reshape(4, 4), 2, mode='avg')",
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
        assert Y.shape == expected, (
            f"pool2d of a 5×7 input with pool_size={k}, stride={s}, padding={p}: "
            f"got shape {Y.shape}, expected {expected}"
        )


def test_padding_example(submission):
    """pool2d: 3×3 max pooling, padding 1, stride 2 (the book's example)"""
    Y = submission.pool2d(X16, 3, stride=2, padding=1)
    np.testing.assert_allclose(
        Y, [[5.0, 7.0], [13.0, 15.0]], err_msg="pool2d(X, 3, stride=2, padding=1)"
    )


def test_leading_axes_kept(submission):
    """pool2d: (batch, channels, H, W) in, (batch, channels, o_h, o_w) out"""
    X = np.stack([X16, -X16, 2 * X16]).reshape(3, 1, 4, 4)
    Y = submission.pool2d(X, 2)
    assert Y.shape == (3, 1, 2, 2), f"pool2d of shape (3, 1, 4, 4) returned shape {Y.shape}"
    np.testing.assert_allclose(
        Y[1, 0], [[-0.0, -2.0], [-8.0, -10.0]], err_msg="the second image (all values ≤ 0)"
    )


def test_max_keeps_dtype(submission):
    """pool2d: max pooling of uint8 returns uint8; average pooling returns float64"""
    X = np.arange(16, dtype=np.uint8).reshape(4, 4)
    Y = submission.pool2d(X, 2)
    assert Y.dtype == np.uint8, f"max pooling of uint8 returned dtype {Y.dtype}"
    A = submission.pool2d(X, 2, mode="avg")
    assert A.dtype == np.float64, f"average pooling of uint8 returned dtype {A.dtype}"
    np.testing.assert_allclose(A, [[2.5, 4.5], [10.5, 12.5]], err_msg="average of uint8")


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what}: expected a ValueError, but nothing was raised")


def test_rejects_bad_arguments(submission):
    """pool2d: ValueError for an unknown mode, a 1-D input, or too much padding"""
    _expect_value_error(lambda: submission.pool2d(X16, 2, mode="median"), "mode='median'")
    _expect_value_error(lambda: submission.pool2d(np.ones(4), 2), "a 1-D input")
    _expect_value_error(
        lambda: submission.pool2d(X16, 2, padding=2), "padding 2 with a 2×2 window (max is 1)"
    )


def test_backward_example(submission):
    """pool2d_backward: max sends each gradient to its maximum, avg spreads it evenly"""
    X = np.array([[1.0, 3.0], [2.0, 0.0]])
    dY = np.array([[4.0]])
    dX = submission.pool2d_backward(X, dY, 2)
    np.testing.assert_allclose(
        dX, [[0.0, 4.0], [0.0, 0.0]], err_msg="max: the whole gradient goes to the 3"
    )
    dX = submission.pool2d_backward(X, dY, 2, mode="avg")
    np.testing.assert_allclose(
        dX, [[1.0, 1.0], [1.0, 1.0]], err_msg="avg: each of the 4 cells gets 4 / 4"
    )
