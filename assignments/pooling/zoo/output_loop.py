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


import numpy as np

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "fail"


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
