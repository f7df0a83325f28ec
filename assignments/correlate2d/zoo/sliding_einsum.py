"""Fully vectorised: sliding_window_view over X, contracted with K by np.einsum.

``sliding_window_view(X, K.shape)`` is a zero-copy ``(o_h, o_w, k_h, k_w)``
view with ``windows[i, j] == X[i:i+k_h, j:j+k_w]``; ``einsum('ijkl,kl->ij')``
sums the elementwise products of every window with ``K`` in a single C loop.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    dtype = _result_dtype(X, K)
    X, K = X.astype(dtype, copy=False), K.astype(dtype, copy=False)

    windows = sliding_window_view(X, K.shape)
    Y: NDArray[np.inexact] = np.einsum("ijkl,kl->ij", windows, K)
    return Y
