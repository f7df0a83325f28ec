"""sliding_window_view, then an elementwise product with K and a sum over the window axes.

The most common "vectorised" student answer: ``(windows * K).sum(axis=(2, 3))``. It
materialises an (o_h, o_w, k_h, k_w) temporary, so it is several times slower than the
reference (about 5.5× at the timing test's size, 7× with the earlier 2×7 kernel), but it
is vectorised and must pass.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    dtype = _result_dtype(X, K)
    windows = np.lib.stride_tricks.sliding_window_view(X.astype(dtype, copy=False), K.shape)
    return (windows * K.astype(dtype, copy=False)).sum(axis=(2, 3))
