"""Half-vectorised: a Python loop over output rows, each row from a sliding-window view.

For output row ``i`` the band ``Xp[..., i*s_h : i*s_h+k_h, :]`` becomes a
``(..., k_h, o_w, k_w)`` window view with ``sliding_window_view`` (no copy), reduced over
its window axes. The loop runs ``o_h`` times instead of ``o_h * o_w``.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 20-27× the
reference; the per-row overhead is small next to the slow window reduction, so it is
about as fast as sliding_window_max: EXPECTED = "pass", 3.1-4.2× under the limit (the
member closest to it; re-check if the timing input changes).
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    for i in range(o[0]):
        band = Xp[..., i * s[0] : i * s[0] + k[0], :]
        windows = sliding_window_view(band, k[1], axis=-1)[..., :: s[1], :][..., : o[1], :]
        if mode == "max":
            Y[..., i, :] = windows.max(axis=(-3, -1))
        else:
            Y[..., i, :] = windows.mean(axis=(-3, -1))
    return Y
