"""Textbook double Python loop over output pixels (one window product-sum per pixel).

Computes ``Y[i, j] = (X[i:i+k_h, j:j+k_w] * K).sum()`` for every output pixel
with two nested Python ``for`` loops.  Correct, but the per-pixel interpreter
overhead makes it orders of magnitude slower than any vectorised variant, so it
is the canonical implementation the timing test must reject.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)

    Y = np.empty((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1), dtype=dtype)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + k_h, j : j + k_w] * K).sum()
    return Y
