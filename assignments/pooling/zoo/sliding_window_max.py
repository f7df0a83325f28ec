"""sliding_window_view over both axes, subsampled by the stride, reduced over the window.

``sliding_window_view(Xp, (k_h, k_w), axis=(-2, -1))[..., ::s_h, ::s_w, :, :]`` is a
no-copy ``(..., o_h, o_w, k_h, k_w)`` view; ``.max(axis=(-2, -1))`` reduces it. No Python
loop at all, but NumPy reduces over two tiny, strided trailing axes with its generic
reduction machinery, which is slow per element.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 12-20× the
reference (about 21 ms per call): EXPECTED = "pass", 4.3-7× under the limit. On a batch
of small images (e.g. (256, 6, 28, 28)) it is even slower than a loop over output pixels
vectorised over the leading axes, which is why the speed test uses one large image.
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
    windows = sliding_window_view(Xp, k, axis=(-2, -1))[..., :: s[0], :: s[1], :, :]
    windows = windows[..., : o[0], : o[1], :, :]
    Y = windows.max(axis=(-2, -1)) if mode == "max" else windows.mean(axis=(-2, -1))
    return Y.astype(dtype, copy=False)
