"""A double loop over output pixels on a sliding-window view, one np.vdot per pixel.

``sliding_window_view`` makes every window available without copying, which looks
vectorised, but the loops still visit each output pixel and call ``np.vdot(window, K)``
there: o_h * o_w NumPy calls. Must fail the speed test.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

EXPECTED = "fail"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    dtype = _result_dtype(X, K)
    windows = sliding_window_view(X.astype(dtype, copy=False), K.shape)
    K = K.astype(dtype, copy=False)
    Y = np.empty(windows.shape[:2], dtype=dtype)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = np.vdot(windows[i, j], K)
    return Y
