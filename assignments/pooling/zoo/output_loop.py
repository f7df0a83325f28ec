"""Loop over output pixels, each window reduced with NumPy over all leading axes at once.

The direct translation of the definition: for every output position (i, j) take the
window ``Xp[..., i*s_h:i*s_h+k_h, j*s_w:j*s_w+k_w]`` of the padded input and reduce it
with ``.max(axis=(-2, -1))`` (or ``.mean``). The leading axes are vectorised, so on a
big batch of small images it is quick, but on one large image it makes a few NumPy calls
per output pixel and must fail the speed test.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 465-650× the
reference, about 0.83 s per call, on one VM; 276-570× on another: EXPECTED = "fail" with a
margin of at least 3.2×.
"""

from __future__ import annotations

import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
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
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    reduce = np.max if mode == "max" else np.mean
    for i in range(o[0]):
        for j in range(o[1]):
            window = Xp[..., i * s[0] : i * s[0] + k[0], j * s[1] : j * s[1] + k[1]]
            Y[..., i, j] = reduce(window, axis=(-2, -1))
    return Y
