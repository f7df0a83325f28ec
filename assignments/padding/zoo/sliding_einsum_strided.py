"""sliding_window_view strided by [::s_h, ::s_w] (no copy), contracted with K by np.einsum.

The windows view of the padded input is subsampled before any arithmetic, so einsum only
visits the kept outputs. Fully vectorised: must pass.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["correlate2d", "correlate2d:pixels"]  # the same code, timed on both inputs
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    windows = sliding_window_view(Xp, K.shape)[::s_h, ::s_w]
    return np.einsum("ijkl,kl->ij", windows, K)
