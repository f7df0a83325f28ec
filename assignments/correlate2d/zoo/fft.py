"""FFT-based correlation with numpy.fft: convolution of X with the flipped kernel.

Cross-correlation with ``K`` equals convolution with ``K`` flipped on both
axes.  The flipped kernel is zero-padded to ``X.shape`` and multiplied with
``X`` in the frequency domain (``rfft2``/``irfft2`` for real data, ``fft2`` for
complex data), giving the *circular* convolution ``C``.  Entries
``C[k_h-1:, k_w-1:]`` never wrap around, and they are exactly the valid
cross-correlation.  Results agree with the direct sum up to floating-point
rounding (~1e-13 relative for float64).

Measured verdict (benchmarks/stage1_timing_probe.py, one thread, float64):
the FFT cost does not depend on the kernel size, so relative to the
shift-and-add reference it is ~0.6-0.8x for 5x5 kernels, ~1.1-1.3x for 2x7
and ~1.5-2.6x for 3x3.  At the test configuration (240x960 input, 1x3
kernel, threshold T = 28) it measured 3.7-4.7x through the worker: EXPECTED = "pass".
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    k_h, k_w = K.shape
    dtype = _result_dtype(X, K)

    shape = X.shape
    flipped = K[::-1, ::-1]
    C: NDArray[np.inexact]
    if np.issubdtype(dtype, np.complexfloating):
        C = np.fft.ifft2(np.fft.fft2(X) * np.fft.fft2(flipped, s=shape))
    else:
        C = np.fft.irfft2(np.fft.rfft2(X) * np.fft.rfft2(flipped, s=shape), s=shape)
    return np.ascontiguousarray(C[k_h - 1 :, k_w - 1 :], dtype=dtype)
