"""The fastest loop over output pixels we know of: strided im2col, then one dot per pixel.

The kept windows, ``sliding_window_view(Xp, K.shape)[::s_h, ::s_w]``, are copied into an
(o_h*o_w, k_h*k_w) matrix in one vectorised step (no wasted work), but the product with the
kernel is taken row by row with ``np.fromiter(map(k.dot, rows))``: one NumPy call per output
pixel, with almost no interpreter work around it. It sets how fast a pixel loop can get and
must fail the ``correlate2d:pixels`` speed test: measured 72-96× the reference (limit 14).
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d:pixels"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    rows = sliding_window_view(Xp, K.shape)[::s_h, ::s_w].reshape(o_h * o_w, K.size)
    out = np.fromiter(map(K.ravel().dot, rows), dtype=K.dtype, count=o_h * o_w)
    return out.reshape(o_h, o_w)
