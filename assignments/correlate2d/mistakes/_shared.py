"""What the correlate2d mistakes share: a plain student's functions, split into small steps.

Graded after the reference and before each mistake (see ``autograder.authoring.mistakes``),
so that a mistake overrides only the step it gets wrong, or calls these steps and the
reference's helpers (``_check_pair``, ``_as_2d``, ``_result_dtype``). No name here is one
of the reference's: its own functions keep calling its own helpers.
"""

import numpy as np

# The reference's functions, for mistakes that wrap one before replacing it.
_reference_correlate2d = correlate2d


# --- the forward pass -----------------------------------------------------------------------


def _output_size(X, K):
    """The valid correlation's (o_h, o_w): n - k + 1 positions along each axis."""
    return X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1


def _offsets_sum(X, K, out_hw, dtype):
    """One multiply-add of a shifted block of ``X`` per kernel offset (a, b)."""
    o_h, o_w = out_hw
    Y = np.zeros((o_h, o_w, *X.shape[2:]), dtype)
    for a in range(K.shape[0]):
        for b in range(K.shape[1]):
            Y += K[a, b] * X[a : a + o_h, b : b + o_w]
    return Y


# --- the backward pass as a loop over the kernel offsets -------------------------------------


def _offsets_backward(X, K, dY):
    """dX and dK: kernel weight (a, b) saw one window of X and sends dY back over it."""
    X, K = _check_pair(X, K)
    dY = _as_2d("dY", dY)
    o_h, o_w = dY.shape
    dX, dK = np.zeros(X.shape), np.zeros(K.shape)
    for a in range(K.shape[0]):
        for b in range(K.shape[1]):
            window = slice(a, a + o_h), slice(b, b + o_w)
            dK[a, b] = _weight_gradient(X[window], dY)
            _spread_back(dX, window, K[a, b] * dY)
    return dX, dK


def _weight_gradient(window, dY):
    """dL/dK[a, b]: the window that weight saw, weighted by dY."""
    return np.sum(dY * window)


def _spread_back(dX, window, part):
    """Add one weight's share of the input gradient to the window it read."""
    dX[window] += part


# --- the backward pass as correlations -------------------------------------------------------


def _correlation_backward(X, K, dY):
    """dX: the "full" convolution of dY with K; dK: the correlation of X with dY."""
    X, K = _check_pair(X, K)
    dY = _as_2d("dY", dY)
    return _input_gradient(dY, K), _kernel_gradient(X, dY)


def _dY_padding(K):
    """Rows and columns of zeros around dY for the full convolution: k - 1 on each side."""
    return K.shape[0] - 1, K.shape[1] - 1


def _input_gradient(dY, K):
    p_h, p_w = _dY_padding(K)
    return convolve2d(np.pad(dY, ((p_h, p_h), (p_w, p_w))), K)


def _kernel_gradient(X, dY):
    return correlate2d(X, dY)


# --- learn_kernel ----------------------------------------------------------------------------


def _gradient_descent(X, Y, kernel_shape, lr=0.03, steps=200, seed=0):
    """learn_kernel as a plain loop: ``K -= lr * dK`` with dK from correlate2d_backward."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    K = np.random.default_rng(seed).normal(size=kernel_shape)
    for _ in range(steps):
        _, dK = correlate2d_backward(X, K, _loss_gradient(correlate2d(X, K), Y))
        K -= lr * dK
    return K


def _loss_gradient(Y_hat, Y):
    """dL/dY_hat of the summed squared error L = sum((Y_hat - Y) ** 2)."""
    return 2 * (Y_hat - Y)
