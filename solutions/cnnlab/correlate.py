"""Stage 1: two-dimensional cross-correlation, convolution and their gradients.

All functions take NumPy arrays (or nested lists), never modify their inputs, and return
new arrays. Integer inputs give float64 results; float inputs keep their precision.
"""

from __future__ import annotations

import numpy as np


def _as_2d(name: str, value: object) -> np.ndarray:
    array = np.asarray(value)
    if array.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array, got {array.ndim}-D with shape {array.shape}")
    if array.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold real numbers, got dtype {array.dtype}")
    return array


def _result_dtype(*arrays: np.ndarray) -> np.dtype:
    dtype = np.result_type(*arrays)
    return np.dtype(np.float64) if dtype.kind in "biu" else dtype


def _check_pair(X: object, K: object) -> tuple[np.ndarray, np.ndarray]:
    X, K = _as_2d("X", X), _as_2d("K", K)
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    if K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]:
        raise ValueError(f"the kernel {K.shape} is larger than the input {X.shape}")
    return X, K


def correlate2d(X, K):
    """Valid 2-D cross-correlation of ``X`` (n_h, n_w) with ``K`` (k_h, k_w).

    Returns an array of shape (n_h - k_h + 1, n_w - k_w + 1) with
    ``Y[i, j] = sum(X[i:i+k_h, j:j+k_w] * K)``.
    Raises ValueError if an argument is not 2-D or the kernel is larger than the input.
    """
    # BEGIN SOLUTION
    X, K = _check_pair(X, K)
    dtype = _result_dtype(X, K)
    X = X.astype(dtype, copy=False)
    K = K.astype(dtype, copy=False)
    k_h, k_w = K.shape
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    # One pass over the image per kernel offset: k_h * k_w vectorised multiply-adds.
    Y = np.multiply(X[:o_h, :o_w], K[0, 0])
    term = np.empty_like(Y)
    for a in range(k_h):
        for b in range(k_w):
            if a or b:
                np.multiply(X[a : a + o_h, b : b + o_w], K[a, b], out=term)
                Y += term
    return Y
    # END SOLUTION


def convolve2d(X, K):
    """True 2-D convolution: ``K`` flipped on both axes, then cross-correlated with ``X``.

    Same shapes and errors as :func:`correlate2d`.
    """
    # BEGIN SOLUTION
    X, K = _check_pair(X, K)
    return correlate2d(X, K[::-1, ::-1])
    # END SOLUTION


def correlate2d_backward(X, K, dY):
    """Gradients of ``L = sum(dY * correlate2d(X, K))``.

    Returns ``(dX, dK)`` with the shapes of ``X`` and ``K``.
    Raises ValueError if ``dY`` does not have the output's shape.
    """
    # BEGIN SOLUTION
    X, K = _check_pair(X, K)
    dY = _as_2d("dY", dY)
    k_h, k_w = K.shape
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    if dY.shape != (o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, K, dY)
    dX = np.zeros(X.shape, dtype)
    dK = np.empty(K.shape, dtype)
    for a in range(k_h):
        for b in range(k_w):
            window = X[a : a + o_h, b : b + o_w]
            dK[a, b] = np.vdot(dY, window)  # each kernel weight saw one shifted window
            dX[a : a + o_h, b : b + o_w] += K[a, b] * dY  # and spread dY back over it
    return dX, dK
    # END SOLUTION


def learn_kernel(X, Y, kernel_shape, lr=0.03, steps=200, seed=0):
    """Learn a kernel ``K`` of ``kernel_shape`` with ``correlate2d(X, K) ≈ Y``.

    Gradient descent on ``sum((correlate2d(X, K) - Y) ** 2)`` from a kernel drawn with
    ``np.random.default_rng(seed)``, using :func:`correlate2d_backward` for the gradient.
    Returns the learned kernel as a float64 array.
    """
    # BEGIN SOLUTION
    X = _as_2d("X", X).astype(np.float64)
    Y = _as_2d("Y", Y).astype(np.float64)
    K = np.random.default_rng(seed).normal(size=tuple(kernel_shape))
    for _ in range(int(steps)):
        error = correlate2d(X, K) - Y
        _, dK = correlate2d_backward(X, K, 2.0 * error)
        K -= lr * dK
    return K
    # END SOLUTION
