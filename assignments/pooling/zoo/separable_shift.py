"""Separable shifts: reduce each column window over k_h rows, then over k_w columns.

A max (or sum) over a k_h × k_w window is the max (sum) over k_w neighbouring columns of
the max (sum) over k_h neighbouring rows, so the work is k_h + k_w whole-array passes
instead of k_h * k_w (the reference's idea, written the short way with np.pad).

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 1.4-2.4× the
reference (np.pad's full copy costs more than the reference's padding-free passes):
EXPECTED = "pass".
"""

from __future__ import annotations

import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def _pair(value):
    if np.ndim(value) == 0:
        return int(value), int(value)
    return int(value[0]), int(value[1])


def _prepare(X, pool_size, stride, padding, mode):
    """Validate; return (padded X, window, stride, output size, result dtype)."""
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError("X must have at least 2 dimensions")
    if mode not in ("max", "avg"):
        raise ValueError(f"unknown mode {mode!r}")
    k = _pair(pool_size)
    s = k if stride is None else _pair(stride)
    p = _pair(padding)
    if min(k) < 1 or min(s) < 1 or min(p) < 0 or p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise ValueError("bad pool_size, stride or padding")
    H, W = X.shape[-2:]
    o = ((H + 2 * p[0] - k[0]) // s[0] + 1, (W + 2 * p[1] - k[1]) // s[1] + 1)
    if k[0] > H + 2 * p[0] or k[1] > W + 2 * p[1]:
        raise ValueError("window larger than the padded input")
    if mode == "max":
        dtype = X.dtype
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
    else:
        dtype = np.dtype(np.float64) if X.dtype.kind in "biu" else X.dtype
        X = X.astype(dtype)
        fill = 0
    widths = [(0, 0)] * (X.ndim - 2) + [(p[0], p[0]), (p[1], p[1])]
    return np.pad(X, widths, constant_values=fill), k, s, o, dtype


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    combine = np.maximum if mode == "max" else np.add
    T = Xp[..., 0 : s[0] * (o[0] - 1) + 1 : s[0], :].copy()  # rows first
    for a in range(1, k[0]):
        combine(T, Xp[..., a : a + s[0] * (o[0] - 1) + 1 : s[0], :], out=T)
    Y = T[..., 0 : s[1] * (o[1] - 1) + 1 : s[1]].copy()  # then columns
    for b in range(1, k[1]):
        combine(Y, T[..., b : b + s[1] * (o[1] - 1) + 1 : s[1]], out=Y)
    if mode == "avg":
        Y /= k[0] * k[1]
    return Y.astype(dtype, copy=False)
