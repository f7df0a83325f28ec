"""Half-vectorised: a Python loop over output rows, each row one einsum over strided windows.

The loop runs o_h times (not o_h * o_w); each iteration builds the row's (k_h, o_w, k_w)
window view with a column stride and contracts it with K. Measured on the speed test's
``correlate2d`` inputs (4 output rows of 256): 2.5-3.7× the reference (limit 11), so it passes;
with many short output rows its per-row overhead would dominate (not timed on the pixels variant).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "correlate2d"
EXPECTED = "pass"

def _prepare(X, K, padding, stride):
    """Zero-pad X as `padding` says; return (Xp, K, (s_h, s_w), (o_h, o_w)) in the result dtype."""
    X, K = np.asarray(X), np.asarray(K)
    if X.ndim != 2 or K.ndim != 2:
        raise ValueError("X and K must be 2-D arrays")
    k_h, k_w = K.shape
    if padding == "same":
        pads = ((k_h - 1) // 2, k_h // 2), ((k_w - 1) // 2, k_w // 2)
    elif padding == "valid":
        pads = (0, 0), (0, 0)
    elif np.ndim(padding) == 0:
        pads = (padding, padding), (padding, padding)
    elif np.ndim(padding) == 1:
        pads = (padding[0], padding[0]), (padding[1], padding[1])
    else:
        pads = tuple(tuple(p) for p in padding)
    s_h, s_w = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    if min(min(pads)) < 0 or min(s_h, s_w) < 1:
        raise ValueError("negative padding or stride below 1")
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    Xp = np.pad(X.astype(dtype, copy=False), pads)
    if k_h > Xp.shape[0] or k_w > Xp.shape[1]:
        raise ValueError("kernel larger than the padded input")
    o_h = (Xp.shape[0] - k_h) // s_h + 1
    o_w = (Xp.shape[1] - k_w) // s_w + 1
    return Xp, K.astype(dtype, copy=False), (s_h, s_w), (o_h, o_w)


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), (o_h, o_w) = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    Y = np.empty((o_h, o_w), K.dtype)
    for i in range(o_h):
        band = Xp[i * s_h : i * s_h + k_h]
        windows = sliding_window_view(band, k_w, axis=1)[:, ::s_w][:, :o_w]
        Y[i] = np.einsum("ajb,ab->j", windows, K)
    return Y
