"""Half-vectorised: Python loop over output rows, each row computed with one einsum.

For output row ``i`` the input band ``X[i:i+k_h]`` is turned into a
``(k_h, o_w, k_w)`` window view with ``sliding_window_view`` (no copy) and
contracted against ``K`` with ``np.einsum``.  The Python loop therefore runs
``o_h`` times instead of ``o_h * o_w``: each iteration pays a fixed
interpreter/dispatch overhead plus ``o_w * k_h * k_w`` multiply-adds.

Measured verdict (benchmarks/stage1_timing_probe.py, one thread, float64):
the ratio to the shift-and-add reference is dominated by the per-row overhead
(~15-20 us for building the window view and dispatching einsum), so it falls
with the input size: ~18-24x at 64x64, ~9-16x at 256x256, ~5-10x at 384x384.
At the test configuration (240x960 input, 1x3 kernel, threshold T = 28) it
measured 4.3-5.2x through the worker (four runs, 2026-12-02), below T/3 ~= 9.3
and over 100x faster than the double loop, so it counts as a vectorised
solution: EXPECTED = "pass". (At 480x480 it measured 5.6-9.4x: twice the rows,
twice the per-row overhead; at 320x320 with a 2x7 kernel 3.1-7.2x.)  Re-check
it if the test size changes.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)

    o_h = X.shape[0] - k_h + 1
    o_w = X.shape[1] - k_w + 1
    Y = np.empty((o_h, o_w), dtype=dtype)
    for i in range(o_h):
        # band: (k_h, n_w) -> windows: (k_h, o_w, k_w); windows[a, j, b] = X[i+a, j+b]
        windows = sliding_window_view(X[i : i + k_h], k_w, axis=1)
        Y[i] = np.einsum("ajb,ab->j", windows, K)
    return Y
