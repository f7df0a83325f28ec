"""CS231n-style naive loop: flatten the leading axes, loop over images and output pixels.

The shape of CS231n's ``max_pool_forward_naive``: every image of the batch (the leading
axes flattened into one), then every output row and column, each window reduced to a scalar
with ``.max()`` (or ``.mean()``). On the timing input (one image) that is one NumPy
slice and one reduction per output pixel.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 1000-1380× the
reference (limit 55): EXPECTED = "fail", at least 18× over. On ``pool2d`` it is 240-260×,
about 3× over, so it is timed on ``pool2d:pixels``.
"""

from __future__ import annotations

import numpy as np

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
    images = Xp.reshape(-1, *Xp.shape[-2:])
    Y = np.empty((images.shape[0], *o), dtype)
    for n in range(images.shape[0]):
        for i in range(o[0]):
            for j in range(o[1]):
                window = images[n, i * s[0] : i * s[0] + k[0], j * s[1] : j * s[1] + k[1]]
                Y[n, i, j] = window.max() if mode == "max" else window.mean()
    return Y.reshape(*Xp.shape[:-2], *o)
