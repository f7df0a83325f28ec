"""Public tests for stage 1 (cnnlab/correlate.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.correlate``.
"""

import numpy as np

LECTURE_X = np.arange(9.0).reshape(3, 3)
LECTURE_K = np.array([[0.0, 1.0], [2.0, 3.0]])
FLIP_HINT = "correlation does not flip the kernel: Y[i, j] = sum(X[i:i+k_h, j:j+k_w] * K)"


def check_array(got, expected, call, hint=""):
    """``got`` must be an array of ``expected``'s shape and values; messages name ``call``."""
    expected = np.asarray(expected, dtype=np.float64)
    hint = f"\nHint: {hint}" if hint else ""
    assert isinstance(got, np.ndarray), (
        f"{call} returned {type(got).__name__}, expected a NumPy array{hint}"
    )
    assert got.shape == expected.shape, (
        f"{call} returned shape {got.shape}, expected {expected.shape}{hint}"
    )
    np.testing.assert_allclose(
        got, expected, rtol=1e-7, atol=1e-9, err_msg=f"{call} returned wrong values{hint}"
    )


def test_lecture_example(submission):
    """correlate2d: the lecture's 3×3 input with a 2×2 kernel"""
    check_array(
        submission.correlate2d(LECTURE_X, LECTURE_K),
        [[19.0, 25.0], [37.0, 43.0]],
        "correlate2d(X: (3, 3), K: (2, 2)) on the lecture's example",
        "Y[0, 0] = 0*0 + 1*1 + 3*2 + 4*3 = 19; " + FLIP_HINT,
    )


def test_output_shape(submission):
    """correlate2d: output shape is (n_h - k_h + 1, n_w - k_w + 1)"""
    Y = submission.correlate2d(np.ones((5, 7)), np.ones((2, 4)))
    shape = getattr(Y, "shape", None)
    assert shape == (4, 4), (
        f"correlate2d(X: (5, 7), K: (2, 4)) returned shape {shape}, expected (4, 4)"
        "\nHint: the output has shape (n_h - k_h + 1, n_w - k_w + 1)"
    )


def test_asymmetric_kernel(submission):
    """correlate2d: an asymmetric kernel (catches flipped kernels)"""
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]])
    # each output is left neighbour minus right neighbour
    check_array(
        submission.correlate2d(X, np.array([[1.0, -1.0]])),
        [[-1.0, 2.0], [-1.0, -2.0]],
        "correlate2d(X: (2, 3), K = [[1, -1]])",
        "each output is the left neighbour minus the right one; " + FLIP_HINT,
    )


def test_convolve_flips_kernel(submission):
    """convolve2d: flips the kernel on both axes"""
    # convolving with K is correlating with K[::-1, ::-1] = [[3, 2], [1, 0]]
    check_array(
        submission.convolve2d(LECTURE_X, LECTURE_K),
        [[5.0, 11.0], [23.0, 29.0]],
        "convolve2d(X: (3, 3), K: (2, 2)) on the lecture's example",
        "convolution correlates with K flipped on both axes, K[::-1, ::-1] = [[3, 2], [1, 0]]",
    )


def expect_value_error(call, function, *args):
    """``function(*args)`` must raise ValueError (any other error propagates as it is)."""
    try:
        result = function(*args)
    except ValueError:
        return
    shown = f"an array of shape {result.shape}" if isinstance(result, np.ndarray) else "normally"
    raise AssertionError(f"{call} returned {shown}; expected it to raise ValueError")


def test_rejects_bad_arguments(submission):
    """correlate2d: ValueError for a kernel larger than the input or a 1-D input"""
    expect_value_error(
        "correlate2d(X: (2, 2), K: (3, 3)) (a kernel larger than the input)",
        submission.correlate2d,
        np.ones((2, 2)),
        np.ones((3, 3)),
    )
    expect_value_error(
        "correlate2d(X: (4,), K: (1, 2)) (a 1-D input)",
        submission.correlate2d,
        np.ones(4),
        np.ones((1, 2)),
    )


def test_backward_shapes(submission):
    """correlate2d_backward: returns (dX, dK) shaped like X and K"""
    X, K = np.ones((4, 5)), np.ones((2, 3))
    call = "correlate2d_backward(X: (4, 5), K: (2, 3), dY: (3, 3))"
    got = submission.correlate2d_backward(X, K, np.ones((3, 3)))
    assert isinstance(got, tuple | list) and len(got) == 2, (
        f"{call} returned {type(got).__name__}, expected a pair (dX, dK)"
    )
    dX, dK = got
    assert getattr(dX, "shape", None) == X.shape, (
        f"{call} returned dX of shape {getattr(dX, 'shape', None)}, expected X's shape (4, 5)"
        "\nHint: dX is the full convolution of dY with K: pad dY by k - 1 on each side"
    )
    # with dY all ones, dK[a, b] is the sum of the window of X that K[a, b] touches
    check_array(
        dK,
        np.full((2, 3), 9.0),
        call + " → dK",
        "with X and dY all ones, dK[a, b] is the sum of the 3×3 window of X that K[a, b] "
        "multiplies: dK is the correlation of X with dY",
    )


def test_learn_edge_kernel(submission):
    """learn_kernel: learns [[1, -1]] from the edge-detection example"""
    X = np.ones((6, 8))
    X[:, 2:6] = 0.0
    Y = submission.correlate2d(X, np.array([[1.0, -1.0]]))
    K = submission.learn_kernel(X, Y, (1, 2))
    assert isinstance(K, np.ndarray) and K.shape == (1, 2), (
        f"learn_kernel(X: (6, 8), Y: (6, 7), (1, 2)) returned "
        f"{getattr(K, 'shape', type(K).__name__)}, expected a kernel of shape (1, 2)"
    )
    np.testing.assert_allclose(
        K,
        [[1.0, -1.0]],
        atol=0.1,
        err_msg="learn_kernel(X: (6, 8), Y: (6, 7), (1, 2)) should learn about [[1, -1]]"
        "\nHint: step against the gradient (K -= lr * dK) of the summed loss "
        "sum((correlate2d(X, K) - Y) ** 2), whose gradient for the output is 2 * (Y_hat - Y)",
    )


def test_correlate2d_speed_feedback(submission, speedcheck):
    """correlate2d: speed feedback (is it on track for the graded speed test?)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("correlate2d", "correlate2d", submission.correlate2d)
