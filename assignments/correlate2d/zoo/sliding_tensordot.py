"""Fully vectorised: sliding_window_view over X, contracted with K by np.tensordot.

``np.tensordot`` over the last two axes of the ``(o_h, o_w, k_h, k_w)`` window
view reshapes it into an ``(o_h*o_w, k_h*k_w)`` matrix (which forces a copy,
i.e. an implicit im2col) and hands the product with ``K.ravel()`` to BLAS.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
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
    X = X.astype(dtype, copy=False)
    K = K.astype(dtype, copy=False)

    windows = sliding_window_view(X, K.shape)
    return np.tensordot(windows, K, axes=2)
