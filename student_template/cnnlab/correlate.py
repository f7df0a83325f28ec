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
    raise NotImplementedError("TODO: implement this function (see the handout)")


def convolve2d(X, K):
    """True 2-D convolution: ``K`` flipped on both axes, then cross-correlated with ``X``.

    Same shapes and errors as :func:`correlate2d`.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def correlate2d_backward(X, K, dY):
    """Gradients of ``L = sum(dY * correlate2d(X, K))``.

    Returns ``(dX, dK)`` with the shapes of ``X`` and ``K``.
    Raises ValueError if ``dY`` does not have the output's shape.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def learn_kernel(X, Y, kernel_shape, lr=0.03, steps=200, seed=0):
    """Learn a kernel ``K`` of ``kernel_shape`` with ``correlate2d(X, K) ≈ Y``.

    Gradient descent on ``sum((correlate2d(X, K) - Y) ** 2)`` from a kernel drawn with
    ``np.random.default_rng(seed)``, using :func:`correlate2d_backward` for the gradient.
    Returns the learned kernel as a float64 array.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")
