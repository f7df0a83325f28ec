"""A loop over output pixels that reads each window from a precomputed sliding-window view.

``sliding_window_view`` builds the ``(..., o_h, o_w, k_h, k_w)`` view of every window
(no copy), but the student then visits the outputs one by one:
``Y[..., i, j] = windows[..., i, j, :, :].max(axis=(-2, -1))``, vectorised only over the
leading axes. Building the view is free; the per-pixel NumPy calls are not.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 1060-1400× the
reference (limit 55): EXPECTED = "fail", at least 19× over. On ``pool2d`` it is about 240×,
2.7-2.8× over, so it is timed on ``pool2d:pixels``.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = "pool2d:pixels"
EXPECTED = "fail"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    windows = sliding_window_view(Xp, k, axis=(-2, -1))[..., :: s[0], :: s[1], :, :]
    Y = np.empty((*Xp.shape[:-2], *o), dtype)
    for i in range(o[0]):
        for j in range(o[1]):
            window = windows[..., i, j, :, :]
            Y[..., i, j] = (
                window.max(axis=(-2, -1)) if mode == "max" else window.mean(axis=(-2, -1))
            )
    return Y
