"""Shift over window offsets: k_h * k_w whole-array np.maximum (or +=) on strided slices.

Pads once (``-inf`` for max, zeros for avg), then for each offset ``(a, b)`` of the window
takes the strided slice ``Xp[..., a::s_h, b::s_w]`` cut to the output size, which holds
that window cell for every output at once, and folds it into the result. The Python loop
runs only ``k_h * k_w`` times.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 1.0-1.5× the
reference: EXPECTED = "pass".
"""


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    Y = None
    for a in range(k[0]):
        for b in range(k[1]):
            cell = Xp[
                ..., a : a + s[0] * (o[0] - 1) + 1 : s[0], b : b + s[1] * (o[1] - 1) + 1 : s[1]
            ]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        Y /= k[0] * k[1]
    return Y.astype(dtype, copy=False)
