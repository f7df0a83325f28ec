"""sliding_window_view over both axes, subsampled by the stride, reduced over the window.

``sliding_window_view(Xp, (k_h, k_w), axis=(-2, -1))[..., ::s_h, ::s_w, :, :]`` is a
no-copy ``(..., o_h, o_w, k_h, k_w)`` view; ``.max(axis=(-2, -1))`` reduces it. No Python
loop at all, but NumPy reduces over two tiny, strided trailing axes with its generic
reduction machinery, which is slow per element.

Measured through the worker (1024×1024 float64, pool_size 2, limit 85): 12-20× the
reference (about 21 ms per call): EXPECTED = "pass", 4.3-7× under the limit. On a batch
of small images (e.g. (256, 6, 28, 28)) it is even slower than a loop over output pixels
vectorised over the leading axes, which is why the speed test uses one large image.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

TIMED = ["pool2d", "pool2d:pixels"]
EXPECTED = "pass"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    windows = sliding_window_view(Xp, k, axis=(-2, -1))[..., :: s[0], :: s[1], :, :]
    windows = windows[..., : o[0], : o[1], :, :]
    Y = windows.max(axis=(-2, -1)) if mode == "max" else windows.mean(axis=(-2, -1))
    return Y.astype(dtype, copy=False)
