"""A double loop over the strided outputs of a sliding-window view, one np.vdot per pixel.

The strided window view ``sliding_window_view(Xp, K.shape)[::s_h, ::s_w]`` computes
nothing it throws away, but the loops still make one NumPy call per output pixel. Must fail.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d:pixels"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    windows = sliding_window_view(Xp, K.shape)[::s_h, ::s_w]
    Y = np.empty((o_h, o_w), K.dtype)
    for i in range(o_h):
        for j in range(o_w):
            Y[i, j] = np.vdot(windows[i, j], K)
    return Y
