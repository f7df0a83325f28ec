"""A loop over output pixels that reads each window from a precomputed sliding-window view.

``sliding_window_view`` builds the ``(..., o_h, o_w, k_h, k_w)`` view of every window
(no copy), but the student then visits the outputs one by one:
``Y[..., i, j] = windows[..., i, j, :, :].max(axis=(-2, -1))``, vectorised only over the
leading axes. Building the view is free; the per-pixel NumPy calls are not.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 1060-1400× the
reference (limit 55): EXPECTED = "fail", at least 19× over. On ``pool2d`` it is about 240×,
2.7-2.8× over, so it is timed on ``pool2d:pixels``.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "pool2d:pixels"
EXPECTED = "fail"


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
    windows = sliding_window_view(Xp, k, axis=(-2, -1))[..., :: s[0], :: s[1], :, :]
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    for i in range(o[0]):
        for j in range(o[1]):
            window = windows[..., i, j, :, :]
            Y[..., i, j] = window.max(axis=(-2, -1)) if mode == "max" else window.mean(axis=(-2, -1))
    return Y
