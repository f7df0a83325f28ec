"""Strided sliding windows multiplied by K and summed: the most common student answer.

``(sliding_window_view(Xp, K.shape)[::s_h, ::s_w] * K).sum(axis=(2, 3))`` computes only the
kept outputs, but materialises an (o_h, o_w, k_h, k_w) temporary and reduces over two short
axes, so it is the slowest of the vectorised strided variants. It is vectorised: must pass.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["correlate2d", "correlate2d:pixels"]  # the same code, timed on both inputs
EXPECTED = "pass"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    windows = sliding_window_view(Xp, K.shape)[::s_h, ::s_w]
    return (windows * K).sum(axis=(2, 3))
