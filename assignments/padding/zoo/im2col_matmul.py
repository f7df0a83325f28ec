"""im2col: the strided windows copied into an (o_h*o_w, k_h*k_w) matrix, times K.ravel().

One reshape copy of the strided window view and one BLAS matrix-vector product; how
libraries lower convolutions to GEMM. Fully vectorised: must pass.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["correlate2d", "correlate2d:pixels"]  # the same code, timed on both inputs
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    windows = sliding_window_view(Xp, K.shape)[::s_h, ::s_w]
    return (windows.reshape(o_h * o_w, K.size) @ K.ravel()).reshape(o_h, o_w)
