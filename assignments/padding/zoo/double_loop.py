"""Double Python loop over the strided outputs (one window product-sum per output pixel).

Computes only the outputs it keeps, but pays the interpreter once per output pixel; the
textbook loop the speed test must reject.
"""


import numpy as np

TIMED = "correlate2d:pixels"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    Y = np.empty((o_h, o_w), K.dtype)
    for i in range(o_h):
        for j in range(o_w):
            Y[i, j] = (Xp[i * s_h : i * s_h + k_h, j * s_w : j * s_w + k_w] * K).sum()
    return Y
