"""np.vectorize over the output indices: looks like one NumPy call, is a Python loop per pixel.

``np.vectorize(f)(*np.indices((o_h, o_w)))`` calls the Python function ``f(i, j)`` once
for every output pixel (NumPy's documentation says so: it is a convenience, not a speed-up).
Must fail the speed test.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1

    def pixel(i: int, j: int) -> float:
        return float((X[i : i + k_h, j : j + k_w] * K).sum())

    return np.vectorize(pixel, otypes=[dtype])(*np.indices((o_h, o_w)))
