"""sliding_window_view strided by [::s_h, ::s_w], contracted with K by np.tensordot.

tensordot copies the strided windows into a matrix and calls BLAS; a common student
variant of the einsum solution. Fully vectorised: must pass.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d"
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    return np.tensordot(sliding_window_view(Xp, K.shape)[::s_h, ::s_w], K, axes=2)
