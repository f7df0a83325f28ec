"""Every position then subsample: stage 1's fast shift-and-add at stride 1, then Y[::s_h, ::s_w].

The classic shortcut the stage warns about: correct, and fully vectorised, but it computes
all s_h * s_w times more outputs than it keeps. At the speed test's stride 32 that is 1024× the
multiply-adds: measured 25-42× the reference (limit 11), so it fails (the ``correlate2d`` speed
test exists to catch exactly this).
"""

from __future__ import annotations

import numpy as np

TIMED = "correlate2d"
EXPECTED = "fail"

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
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    f_h, f_w = Xp.shape[0] - k_h + 1, Xp.shape[1] - k_w + 1
    full = np.multiply(Xp[:f_h, :f_w], K[0, 0])
    term = np.empty_like(full)
    for a in range(k_h):
        for b in range(k_w):
            if a or b:
                np.multiply(Xp[a : a + f_h, b : b + f_w], K[a, b], out=term)
                full += term
    return full[::s_h, ::s_w].copy()
