"""Textbook double Python loop over output pixels (one window product-sum per pixel).

Computes ``Y[i, j] = (X[i:i+k_h, j:j+k_w] * K).sum()`` for every output pixel
with two nested Python ``for`` loops.  Correct, but the per-pixel interpreter
overhead makes it orders of magnitude slower than any vectorised variant, so it
is the canonical implementation the timing test must reject.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    """Valid 2-D cross-correlation of ``X`` with ``K``."""
    X = np.asarray(X)
    K = np.asarray(K)
    if X.ndim != 2 or K.ndim != 2:
        raise ValueError("X and K must be 2-D arrays")
    k_h, k_w = K.shape
    if k_h > X.shape[0] or k_w > X.shape[1]:
        raise ValueError("kernel larger than input")
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    X = X.astype(dtype, copy=False)
    K = K.astype(dtype, copy=False)

    Y = np.empty((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1), dtype=dtype)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + k_h, j : j + k_w] * K).sum()
    return Y
