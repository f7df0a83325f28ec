"""im2col by fancy indexing: gather every window into a contiguous array, reduce its last axis.

Integer index grids ``rows[i, a] = i*s_h + a`` and ``cols[j, b] = j*s_w + b`` gather
``Xp[..., rows, cols]`` into a fresh ``(..., o_h, o_w, k_h*k_w)`` array, reduced with
``.max(axis=-1)``. No Python loop; the gather copies k_h*k_w values per output.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 14-19× the
reference: EXPECTED = "pass", 4.5-6× under the limit.
"""


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    rows = np.arange(o[0])[:, None] * s[0] + np.arange(k[0])  # (o_h, k_h)
    cols = np.arange(o[1])[:, None] * s[1] + np.arange(k[1])  # (o_w, k_w)
    R = rows[:, None, :, None]  # (o_h, 1, k_h, 1)
    C = cols[None, :, None, :]  # (1, o_w, 1, k_w)
    cells = Xp[..., R, C].reshape(*Xp.shape[:-2], o[0], o[1], k[0] * k[1])
    Y = cells.max(axis=-1) if mode == "max" else cells.mean(axis=-1)
    return Y.astype(dtype, copy=False)
