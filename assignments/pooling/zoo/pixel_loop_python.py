"""Pure Python: the image as nested lists (``tolist()``), four nested loops, no NumPy inside.

For each output pixel, loop over the k_h × k_w cells of its window and keep the largest (or
add them up), reading Python floats from lists. Each output costs k_h * k_w interpreter
steps, far fewer than the NumPy calls of a vectorised-over-leading-axes pixel loop, but
still hundreds of times the reference's per-output work.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 213-297× the
reference (limit 55): EXPECTED = "fail", at least 3.9× over. On ``pool2d`` (2×2 windows) it
was 126-320×, as little as 1.5× over the limit, so it is timed on ``pool2d:pixels`` only.
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
    images = Xp.reshape(-1, *Xp.shape[-2:]).tolist()
    out = []
    for image in images:
        rows = []
        for i in range(o[0]):
            row = []
            for j in range(o[1]):
                best = None
                total = 0.0
                for a in range(k[0]):
                    line = image[i * s[0] + a]
                    for b in range(k[1]):
                        v = line[j * s[1] + b]
                        total += v
                        if best is None or v > best:
                            best = v
                row.append(best if mode == "max" else total / (k[0] * k[1]))
            rows.append(row)
        out.append(rows)
    return np.array(out, dtype=dtype).reshape(*Xp.shape[:-2], *o)
