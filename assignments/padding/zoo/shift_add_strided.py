"""Shift-and-add over kernel offsets with strided slices: only the kept outputs are computed.

For each kernel offset (a, b) the samples that K[a, b] multiplies form one strided slice
X[a : a + s_h*(o_h-1) + 1 : s_h, b : b + s_w*(o_w-1) + 1 : s_w]; scale it and add it into
the output. k_h * k_w vectorised multiply-adds over the output: the intended solution.
"""


import numpy as np

TIMED = ["correlate2d", "correlate2d:pixels"]  # the same code, timed on both inputs
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    Y = np.zeros((o_h, o_w), K.dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * Xp[a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
    return Y
