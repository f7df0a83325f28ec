"""np.vectorize over the output indices: looks like one NumPy call, is a Python loop per pixel.

``np.vectorize(f)(*np.indices((o_h, o_w)))`` calls the Python function ``f(i, j)`` once
for every output pixel (NumPy's documentation says so: it is a convenience, not a speed-up).
Must fail the speed test.
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
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1

    def pixel(i: int, j: int) -> float:
        return float((X[i : i + k_h, j : j + k_w] * K).sum())

    return np.vectorize(pixel, otypes=[dtype])(*np.indices((o_h, o_w)))
