"""Every position then subsample: stage 1's sliding_window_view + einsum, then Y[::s_h, ::s_w].

What a student gets by reusing a stage-1 sliding-window solution unchanged and slicing the
result: vectorised, but s_h * s_w times too much work at stride s. Must fail.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    full = np.einsum("ijkl,kl->ij", sliding_window_view(Xp, K.shape), K)
    return full[::s_h, ::s_w].copy()
