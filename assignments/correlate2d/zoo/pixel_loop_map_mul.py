"""Pure Python on lists, tuned: per pixel, ``sum(map(operator.mul, row_slice, kernel_row))``.

A faster cousin of ``pure_python_loop``: the kernel rows are multiplied with slices of the
input rows by ``map`` (C-level iteration), so the interpreter runs k_h small sums per output
pixel instead of a k_h * k_w generator. Still a loop over output pixels: must fail.
"""


import operator

import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    rows, kernel = X.tolist(), K.tolist()
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    mul = operator.mul
    out = []
    for i in range(o_h):
        band = list(zip(rows[i : i + k_h], kernel))
        out.append(
            [sum(sum(map(mul, r[j : j + k_w], k)) for r, k in band) for j in range(o_w)]
        )
    return np.array(out, dtype=dtype)
