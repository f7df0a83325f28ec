"""Non-overlapping windows by reshaping: (..., o_h, k_h, o_w, k_w) blocks reduced over k axes.

When the stride equals the window and there is no padding (the default), cropping the
input to ``(o_h*k_h, o_w*k_w)`` and reshaping it to ``(..., o_h, k_h, o_w, k_w)`` puts each
window on two axes, reduced with ``.max(axis=(-3, -1))``. Other strides fall back to
shifted strided slices.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85; the reshape path):
13-17.5× the reference: NumPy reduces the two size-2 axes slowly, like a sliding window.
EXPECTED = "pass", 4.9-6.8× under the limit.
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
    reduce = np.max if mode == "max" else np.mean
    if s == k:
        blocks = Xp[..., : o[0] * k[0], : o[1] * k[1]]
        blocks = blocks.reshape(*Xp.shape[:-2], o[0], k[0], o[1], k[1])
        return reduce(blocks, axis=(-3, -1)).astype(dtype, copy=False)
    cells = [
        Xp[..., a : a + s[0] * (o[0] - 1) + 1 : s[0], b : b + s[1] * (o[1] - 1) + 1 : s[1]]
        for a in range(k[0])
        for b in range(k[1])
    ]
    return reduce(np.stack(cells), axis=0).astype(dtype, copy=False)
