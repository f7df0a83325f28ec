"""Shift-and-add over kernel offsets: k_h*k_w whole-image multiply-accumulates (reference).

For every kernel offset ``(a, b)`` the shifted input view
``X[a:a+o_h, b:b+o_w]`` is scaled by ``K[a, b]`` and accumulated into the
output.  The Python loop runs only ``k_h * k_w`` times and each iteration is a
fully vectorised operation over the whole output, so for the small kernels of
stage 1 this is fast and simple.  The timing probe uses it as the reference.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)

    Y = np.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1), dtype=dtype)
    o_h, o_w = Y.shape
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * X[a : a + o_h, b : b + o_w]
    return Y
