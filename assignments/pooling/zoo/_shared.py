"""What the pooling zoo's members share: the argument set-up a plain student writes once.

Graded after the reference and before each member (see ``autograder.authoring.mistakes``),
so that a member states only how it computes; the set-up's cost is part of every member's
time, as it is of a student's.
"""

import numpy as np


def _int_pair(value):
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
    k = _int_pair(pool_size)
    s = k if stride is None else _int_pair(stride)
    p = _int_pair(padding)
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
