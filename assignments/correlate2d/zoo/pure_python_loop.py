"""A double loop over output pixels in pure Python, on lists from ``tolist()``.

Avoids NumPy's per-call overhead by working on Python lists, which makes it the fastest
of the pure-Python loops (about 118-255× the reference at the timing test's size, limit 25;
``pixel_loop_im2col_dot`` is the fastest loop over outputs). It still loops over every
output pixel in the interpreter and must fail the speed test.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)
    rows, kernel = X.tolist(), K.tolist()
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    out = [
        [
            sum(rows[i + a][j + b] * kernel[a][b] for a in range(k_h) for b in range(k_w))
            for j in range(o_w)
        ]
        for i in range(o_h)
    ]
    return np.array(out, dtype=dtype)
