"""CS231n-style naive loop: flatten the leading axes, loop over images and output pixels.

The shape of CS231n's ``max_pool_forward_naive``: every image of the batch (the leading
axes flattened into one), then every output row and column, each window reduced to a scalar
with ``.max()`` (or ``.mean()``). On the timing input (one image) that is one NumPy
slice and one reduction per output pixel.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 1000-1380× the
reference (limit 55): EXPECTED = "fail", at least 18× over. On ``pool2d`` it is 240-260×,
about 3× over, so it is timed on ``pool2d:pixels``.
"""


import numpy as np

TIMED = "pool2d:pixels"
EXPECTED = "fail"


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
