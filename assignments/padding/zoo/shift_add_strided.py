"""Shift-and-add over kernel offsets with strided slices: only the kept outputs are computed.

For each kernel offset (a, b) the samples that K[a, b] multiplies form one strided slice
X[a : a + s_h*(o_h-1) + 1 : s_h, b : b + s_w*(o_w-1) + 1 : s_w]; scale it and add it into
the output. k_h * k_w vectorised multiply-adds over the output: the intended solution.
"""

from __future__ import annotations

import numpy as np

TIMED = ["correlate2d", "correlate2d:pixels"]  # the same code, timed on both inputs
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
    Y = np.zeros((o_h, o_w), K.dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * Xp[a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
    return Y
