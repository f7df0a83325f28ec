"""A loop over the strided output pixels in pure Python, on lists from ``tolist()``.

Avoids NumPy's per-call overhead by working on Python lists (each output is k_h sums of
``map(operator.mul, ...)`` over row slices), the fastest pure-Python form; it still visits
every output pixel in the interpreter and must fail the speed test.
"""


import operator

import numpy as np

TIMED = "correlate2d:pixels"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    rows, kernel = Xp.tolist(), K.tolist()
    mul = operator.mul
    out = []
    for i in range(o_h):
        band = list(zip(rows[i * s_h : i * s_h + k_h], kernel))
        out.append(
            [sum(sum(map(mul, r[j * s_w : j * s_w + k_w], k)) for r, k in band) for j in range(o_w)]
        )
    return np.array(out, dtype=K.dtype).reshape(o_h, o_w)
