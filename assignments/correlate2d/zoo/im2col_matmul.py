"""Fully vectorised: explicit im2col matrix built by fancy indexing, then one matmul.

Integer index grids ``rows[i, j, a, b] = i + a`` and ``cols[i, j, a, b] = j + b``
gather every receptive field into a freshly allocated
``(o_h*o_w, k_h*k_w)`` matrix (the classic CS231n-style ``im2col``); the output
is that matrix times ``K.ravel()``, reshaped to ``(o_h, o_w)``.  The gather
touches ``k_h*k_w`` times more memory than the output, so it is the slowest of
the vectorised variants, but it has no Python-level loop.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)
    X, K = X.astype(dtype, copy=False), K.astype(dtype, copy=False)

    o_h = X.shape[0] - k_h + 1
    o_w = X.shape[1] - k_w + 1
    rows = np.arange(o_h)[:, None, None, None] + np.arange(k_h)[None, None, :, None]
    cols = np.arange(o_w)[None, :, None, None] + np.arange(k_w)[None, None, None, :]
    patches = X[rows, cols].reshape(o_h * o_w, k_h * k_w)  # gather => copy
    Y: NDArray[np.inexact] = (patches @ K.ravel()).reshape(o_h, o_w)
    return Y
