"""Half-vectorised: a Python loop over output rows, each row one einsum over strided windows.

The loop runs o_h times (not o_h * o_w); each iteration builds the row's (k_h, o_w, k_w)
window view with a column stride and contracts it with K. Measured on the speed test's
``correlate2d`` inputs (4 output rows of 256): 2.5-3.7× the reference (limit 11), so it passes;
with many short output rows its per-row overhead would dominate (not timed on the pixels variant).
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d"
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    Y = np.empty((o_h, o_w), K.dtype)
    for i in range(o_h):
        band = Xp[i * s_h : i * s_h + k_h]
        windows = sliding_window_view(band, k_w, axis=1)[:, ::s_w][:, :o_w]
        Y[i] = np.einsum("ajb,ab->j", windows, K)
    return Y
