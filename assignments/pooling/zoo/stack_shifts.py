"""Stack the k_h * k_w shifted strided slices into one array, then reduce over the stack.

``np.stack([Xp[..., a::s_h, b::s_w] (cut to size) for every offset (a, b)]).max(axis=0)``:
vectorised, but it materialises a ``(k_h*k_w, ..., o_h, o_w)`` temporary first.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 1.5-2.1× the
reference: EXPECTED = "pass".
"""


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    cells = np.stack(
        [
            Xp[..., a : a + s[0] * (o[0] - 1) + 1 : s[0], b : b + s[1] * (o[1] - 1) + 1 : s[1]]
            for a in range(k[0])
            for b in range(k[1])
        ]
    )
    Y = cells.max(axis=0) if mode == "max" else cells.mean(axis=0)
    return Y.astype(dtype, copy=False)
