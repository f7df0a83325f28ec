"""Half-vectorised: a Python loop over output rows, each row from a sliding-window view.

For output row ``i`` the band ``Xp[..., i*s_h : i*s_h+k_h, :]`` becomes a
``(..., k_h, o_w, k_w)`` window view with ``sliding_window_view`` (no copy), reduced over
its window axes. The loop runs ``o_h`` times instead of ``o_h * o_w``.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 20-27× the
reference; the per-row overhead is small next to the slow window reduction, so it is
about as fast as sliding_window_max: EXPECTED = "pass", 3.1-4.2× under the limit (the
member closest to it; re-check if the timing input changes).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    for i in range(o[0]):
        band = Xp[..., i * s[0] : i * s[0] + k[0], :]
        windows = sliding_window_view(band, k[1], axis=-1)[..., :: s[1], :][..., : o[1], :]
        if mode == "max":
            Y[..., i, :] = windows.max(axis=(-3, -1))
        else:
            Y[..., i, :] = windows.mean(axis=(-3, -1))
    return Y
