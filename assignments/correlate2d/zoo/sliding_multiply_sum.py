"""sliding_window_view, then an elementwise product with K and a sum over the window axes.

The most common "vectorised" student answer: ``(windows * K).sum(axis=(2, 3))``. It
materialises an (o_h, o_w, k_h, k_w) temporary, so it is several times slower than the
reference (about 5.5× at the timing test's size, 7× with the earlier 2×7 kernel), but it
is vectorised and must pass.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    """Valid 2-D cross-correlation of ``X`` with ``K``."""
    X = np.asarray(X)
    K = np.asarray(K)
    if X.ndim != 2 or K.ndim != 2:
        raise ValueError("X and K must be 2-D arrays")
    if K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]:
        raise ValueError("kernel larger than input")
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    windows = np.lib.stride_tricks.sliding_window_view(X.astype(dtype, copy=False), K.shape)
    return (windows * K.astype(dtype, copy=False)).sum(axis=(2, 3))
