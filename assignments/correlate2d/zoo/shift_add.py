"""Shift-and-add over kernel offsets: k_h*k_w whole-image multiply-accumulates (reference).

For every kernel offset ``(a, b)`` the shifted input view
``X[a:a+o_h, b:b+o_w]`` is scaled by ``K[a, b]`` and accumulated into the
output.  The Python loop runs only ``k_h * k_w`` times and each iteration is a
fully vectorised operation over the whole output, so for the small kernels of
stage 1 this is fast and simple.  The timing probe uses it as the reference.
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
    k_h, k_w = K.shape
    if k_h > X.shape[0] or k_w > X.shape[1]:
        raise ValueError("kernel larger than input")
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    X = X.astype(dtype, copy=False)
    K = K.astype(dtype, copy=False)

    o_h = X.shape[0] - k_h + 1
    o_w = X.shape[1] - k_w + 1
    Y = np.zeros((o_h, o_w), dtype=dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * X[a : a + o_h, b : b + o_w]
    return Y
