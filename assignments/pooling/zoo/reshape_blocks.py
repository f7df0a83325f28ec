"""Non-overlapping windows by reshaping: (..., o_h, k_h, o_w, k_w) blocks reduced over k axes.

When the stride equals the window and there is no padding (the default), cropping the
input to ``(o_h*k_h, o_w*k_w)`` and reshaping it to ``(..., o_h, k_h, o_w, k_w)`` puts each
window on two axes, reduced with ``.max(axis=(-3, -1))``. Other strides fall back to
shifted strided slices.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85; the reshape path):
13-17.5× the reference: NumPy reduces the two size-2 axes slowly, like a sliding window.
EXPECTED = "pass", 4.9-6.8× under the limit.
"""


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    reduce = np.max if mode == "max" else np.mean
    if s == k:
        blocks = Xp[..., : o[0] * k[0], : o[1] * k[1]]
        blocks = blocks.reshape(*Xp.shape[:-2], o[0], k[0], o[1], k[1])
        return reduce(blocks, axis=(-3, -1)).astype(dtype, copy=False)
    cells = [
        Xp[..., a : a + s[0] * (o[0] - 1) + 1 : s[0], b : b + s[1] * (o[1] - 1) + 1 : s[1]]
        for a in range(k[0])
        for b in range(k[1])
    ]
    return reduce(np.stack(cells), axis=0).astype(dtype, copy=False)
