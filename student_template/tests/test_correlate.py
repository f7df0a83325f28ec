"""Public tests for stage 1 (cnnlab/correlate.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.correlate``.
"""

import numpy as np
import pytest

LECTURE_X = np.arange(9.0).reshape(3, 3)
LECTURE_K = np.array([[0.0, 1.0], [2.0, 3.0]])


def test_lecture_example(submission):
    """correlate2d: the lecture's 3×3 input with a 2×2 kernel"""
    Y = submission.correlate2d(LECTURE_X, LECTURE_K)
    np.testing.assert_allclose(
        Y, [[19.0, 25.0], [37.0, 43.0]], err_msg="correlate2d on the lecture's example"
    )


def test_output_shape(submission):
    """correlate2d: output shape is (n_h - k_h + 1, n_w - k_w + 1)"""
    Y = submission.correlate2d(np.ones((5, 7)), np.ones((2, 4)))
    assert Y.shape == (4, 4), f"correlate2d of a 5×7 input with a 2×4 kernel: got {Y.shape}"


def test_asymmetric_kernel(submission):
    """correlate2d: an asymmetric kernel (catches flipped kernels)"""
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]])
    K = np.array([[1.0, -1.0]])
    # each output is left neighbour minus right neighbour
    np.testing.assert_allclose(
        submission.correlate2d(X, K),
        [[-1.0, 2.0], [-1.0, -2.0]],
        err_msg="correlate2d with K = [[1, -1]] (did you flip the kernel?)",
    )


def test_convolve_flips_kernel(submission):
    """convolve2d: flips the kernel on both axes"""
    Y = submission.convolve2d(LECTURE_X, LECTURE_K)
    # convolving with K is correlating with K[::-1, ::-1] = [[3, 2], [1, 0]]
    np.testing.assert_allclose(
        Y, [[5.0, 11.0], [23.0, 29.0]], err_msg="convolve2d on the lecture's example"
    )


def test_rejects_bad_arguments(submission):
    """correlate2d: ValueError for a kernel larger than the input or a 1-D input"""
    with pytest.raises(ValueError):
        submission.correlate2d(np.ones((2, 2)), np.ones((3, 3)))
    with pytest.raises(ValueError):
        submission.correlate2d(np.ones(4), np.ones((1, 2)))


def test_backward_shapes(submission):
    """correlate2d_backward: returns (dX, dK) shaped like X and K"""
    X, K = np.ones((4, 5)), np.ones((2, 3))
    dX, dK = submission.correlate2d_backward(X, K, np.ones((3, 3)))
    assert dX.shape == X.shape, f"dX has shape {dX.shape}, expected {X.shape}"
    assert dK.shape == K.shape, f"dK has shape {dK.shape}, expected {K.shape}"
    # with dY all ones, dK[a, b] is the sum of the window of X that K[a, b] touches
    np.testing.assert_allclose(dK, np.full((2, 3), 9.0), err_msg="dK for X, dY all ones")


def test_learn_edge_kernel(submission):
    """learn_kernel: learns [[1, -1]] from the edge-detection example"""
    X = np.ones((6, 8))
    X[:, 2:6] = 0.0
    Y = submission.correlate2d(X, np.array([[1.0, -1.0]]))
    K = submission.learn_kernel(X, Y, (1, 2))
    np.testing.assert_allclose(K, [[1.0, -1.0]], atol=0.1, err_msg="the learned kernel")
