"""Half-vectorised: a Python loop over output columns, each column from a sliding-window view.

The transpose of row_loop: for output column ``j`` the band
``Xp[..., :, j*s_w : j*s_w+k_w]`` becomes a ``(..., o_h, k_h, k_w)`` window view with
``sliding_window_view`` along the rows, reduced over its window axes. The loop runs
``o_w`` times instead of ``o_h * o_w``, but each column reads memory across rows.

Measured through the worker (four calibrations, 2026-12): ``pool2d`` 15.6-18.6× the reference
(limit 85), ``pool2d:pixels`` 10.2-11.8× (limit 55): EXPECTED = "pass", at least 4.6× under.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    for j in range(o[1]):
        band = Xp[..., :, j * s[1] : j * s[1] + k[1]]
        windows = sliding_window_view(band, k[0], axis=-2)[..., :: s[0], :, :][..., : o[0], :, :]
        if mode == "max":
            Y[..., :, j] = windows.max(axis=(-2, -1))
        else:
            Y[..., :, j] = windows.mean(axis=(-2, -1))
    return Y
