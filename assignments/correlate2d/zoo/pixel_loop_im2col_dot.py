"""A loop over output pixels with no interpreter work inside: im2col, then one dot per pixel.

The windows are gathered into an (o_h*o_w, k_h*k_w) matrix in one vectorised step, but the
product with the kernel is taken row by row, ``np.fromiter(map(k.dot, P))``: one NumPy call
per output pixel, driven by ``map`` so the loop itself costs almost nothing. It is the
fastest loop over output pixels we know of (about 0.3 µs per pixel), so it is the member that
sets how fast a loop can get; it still makes o_h * o_w calls and must fail the speed test.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    dtype = _result_dtype(X, K)
    X = X.astype(dtype, copy=False)
    kernel = K.astype(dtype, copy=False).ravel()
    o_h, o_w = X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1
    rows = sliding_window_view(X, K.shape).reshape(o_h * o_w, K.size)  # copies: im2col
    out = np.fromiter(map(kernel.dot, rows), dtype=dtype, count=o_h * o_w)
    return out.reshape(o_h, o_w)
