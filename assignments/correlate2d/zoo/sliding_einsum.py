"""Fully vectorised: sliding_window_view over X, contracted with K by np.einsum.

``sliding_window_view(X, K.shape)`` is a zero-copy ``(o_h, o_w, k_h, k_w)``
view with ``windows[i, j] == X[i:i+k_h, j:j+k_w]``; ``einsum('ijkl,kl->ij')``
sums the elementwise products of every window with ``K`` in a single C loop.
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
    Y: NDArray[np.inexact] = np.einsum("ijkl,kl->ij", windows, K)
    return Y
