"""np.vectorize over the output indices: one Python call per strided output pixel.

``np.vectorize(f)(*np.indices((o_h, o_w)))`` looks like a single NumPy call but runs the
Python function once per output (NumPy's documentation says it is not a speed-up). Must fail.
"""


import numpy as np

TIMED = "correlate2d:pixels"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape

    def pixel(i, j):
        return float((Xp[i * s_h : i * s_h + k_h, j * s_w : j * s_w + k_w] * K).sum())

    return np.vectorize(pixel, otypes=[K.dtype])(*np.indices((o_h, o_w)))
