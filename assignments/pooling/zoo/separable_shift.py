"""Separable shifts: reduce each column window over k_h rows, then over k_w columns.

A max (or sum) over a k_h × k_w window is the max (sum) over k_w neighbouring columns of
the max (sum) over k_h neighbouring rows, so the work is k_h + k_w whole-array passes
instead of k_h * k_w (the reference's idea, written the short way with np.pad).

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 1.4-2.4× the
reference (np.pad's full copy costs more than the reference's padding-free passes):
EXPECTED = "pass".
"""


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


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
