"""Public tests for stage 3 (cnnlab/channels.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.channels``.
"""

import numpy as np
import pytest

# The book's two-channel example: X has 2 channels of 3×3, K has 2 channels of 2×2.
BOOK_X = np.array([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]])
BOOK_K = np.array([[[0.0, 1], [2, 3]], [[1.0, 2], [3, 4]]])


def correlate_one_channel(x, k):
    """A slow, obviously correct 2-D cross-correlation, to build expectations from."""
    o_h, o_w = x.shape[0] - k.shape[0] + 1, x.shape[1] - k.shape[1] + 1
    out = np.zeros((o_h, o_w))
    for i in range(o_h):
        for j in range(o_w):
            out[i, j] = np.sum(x[i : i + k.shape[0], j : j + k.shape[1]] * k)
    return out


def test_multi_in_book_example(submission):
    """correlate2d_multi_in: the book's two-channel example"""
    Y = submission.correlate2d_multi_in(BOOK_X, BOOK_K)
    # channel 0 gives [[19, 25], [37, 43]], channel 1 gives [[37, 47], [67, 77]]; add them
    np.testing.assert_allclose(
        Y, [[56.0, 72.0], [104.0, 120.0]], err_msg="correlate2d_multi_in on the book's example"
    )


def test_multi_in_adds_channel_results(submission):
    """correlate2d_multi_in: channel c of X with channel c of K, results added"""
    rng = np.random.default_rng(0)
    X, K = rng.normal(size=(3, 5, 6)), rng.normal(size=(3, 2, 3))
    expected = sum(correlate_one_channel(X[c], K[c]) for c in range(3))
    np.testing.assert_allclose(
        submission.correlate2d_multi_in(X, K),
        expected,
        err_msg="correlate2d_multi_in should equal the sum over c of correlate(X[c], K[c])",
    )


def test_multi_in_out_book_example(submission):
    """correlate2d_multi_in_out: the book's kernels K, K + 1, K + 2 give 3 output channels"""
    K = np.stack([BOOK_K, BOOK_K + 1, BOOK_K + 2])  # shape (3, 2, 2, 2)
    Y = submission.correlate2d_multi_in_out(BOOK_X, K)
    expected = [[[56.0, 72], [104, 120]], [[76.0, 100], [148, 172]], [[96.0, 128], [192, 224]]]
    np.testing.assert_allclose(
        Y, expected, err_msg="correlate2d_multi_in_out on the book's example"
    )


def test_1x1_matches_multi_in_out(submission):
    """correlate2d_1x1: agrees with correlate2d_multi_in_out for 1×1 kernels"""
    rng = np.random.default_rng(1)
    X, K = rng.normal(size=(3, 4, 5)), rng.normal(size=(2, 3))
    expected = submission.correlate2d_multi_in_out(X, K.reshape(2, 3, 1, 1))
    for kernel in (K, K.reshape(2, 3, 1, 1)):
        Y = submission.correlate2d_1x1(X, kernel)
        assert Y.shape == (2, 4, 5), f"correlate2d_1x1 returned shape {Y.shape}, expected (2, 4, 5)"
        np.testing.assert_allclose(
            Y, expected, rtol=1e-10, err_msg=f"correlate2d_1x1 with K of shape {kernel.shape}"
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
    assert Y.shape == expected, (
        f"conv2d of X (2, 3, 7, 8) with W (4, 3, 3, 2), stride={stride}, padding={padding}: "
        f"got shape {Y.shape}, expected {expected}"
    )


def test_conv2d_small_examples(submission):
    """conv2d: stride 2 and padding 1 on small worked examples"""
    X = np.arange(16.0).reshape(1, 1, 4, 4)
    # stride 2: the four 2×2 blocks of X, each summed
    np.testing.assert_allclose(
        submission.conv2d(X, np.ones((1, 1, 2, 2)), stride=2),
        [[[[10.0, 18.0], [42.0, 50.0]]]],
        err_msg="conv2d with a 2×2 kernel of ones and stride 2",
    )
    # padding 1: a 3×3 kernel of ones counts how many input pixels each window covers
    np.testing.assert_allclose(
        submission.conv2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)), padding=1),
        [[[[4.0, 6, 4], [6, 9, 6], [4, 6, 4]]]],
        err_msg="conv2d of ones with a 3×3 kernel of ones and padding 1",
    )


def test_conv2d_matches_multi_in_out(submission):
    """conv2d: each image is a multi_in_out correlation, plus b[o] on output channel o"""
    rng = np.random.default_rng(2)
    X, W, b = rng.normal(size=(2, 3, 6, 5)), rng.normal(size=(4, 3, 2, 3)), rng.normal(size=4)
    Y = submission.conv2d(X, W, b)
    for i in range(2):
        expected = submission.correlate2d_multi_in_out(X[i], W) + b[:, None, None]
        np.testing.assert_allclose(Y[i], expected, err_msg=f"conv2d: image {i} of the batch")


def test_rejects_bad_arguments(submission):
    """ValueError for mismatched channels and arrays with the wrong number of axes"""
    with pytest.raises(ValueError):
        submission.correlate2d_multi_in(np.ones((3, 4, 4)), np.ones((2, 2, 2)))
    with pytest.raises(ValueError):
        submission.conv2d(np.ones((3, 5, 5)), np.ones((2, 3, 3, 3)))
    with pytest.raises(ValueError):
        submission.conv2d(np.ones((1, 3, 5, 5)), np.ones((2, 4, 3, 3)))


def test_backward_shapes(submission):
    """conv2d_backward: returns (dX, dW, db) shaped like X, W and b"""
    rng = np.random.default_rng(3)
    X, W = rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3))
    dY = rng.normal(size=(2, 4, 3, 3))
    dX, dW, db = submission.conv2d_backward(X, W, dY, stride=2, padding=1)
    assert dX.shape == X.shape, f"dX has shape {dX.shape}, expected {X.shape}"
    assert dW.shape == W.shape, f"dW has shape {dW.shape}, expected {W.shape}"
    assert db.shape == (4,), f"db has shape {db.shape}, expected (4,)"
    # the bias is added to every output pixel, so its gradient sums dY over all but channels
    np.testing.assert_allclose(db, dY.sum(axis=(0, 2, 3)), err_msg="db")
