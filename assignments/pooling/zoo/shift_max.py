"""Shift over window offsets: k_h * k_w whole-array np.maximum (or +=) on strided slices.

Pads once (``-inf`` for max, zeros for avg), then for each offset ``(a, b)`` of the window
takes the strided slice ``Xp[..., a::s_h, b::s_w]`` cut to the output size, which holds
that window cell for every output at once, and folds it into the result. The Python loop
runs only ``k_h * k_w`` times.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 1.0-1.5× the
reference: EXPECTED = "pass".
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
    Y = None
    for a in range(k[0]):
        for b in range(k[1]):
            cell = Xp[..., a : a + s[0] * (o[0] - 1) + 1 : s[0], b : b + s[1] * (o[1] - 1) + 1 : s[1]]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        Y /= k[0] * k[1]
    return Y.astype(dtype, copy=False)
