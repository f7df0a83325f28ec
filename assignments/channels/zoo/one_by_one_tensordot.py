"""1×1 convolution as one np.tensordot of the (c_o, c_i) matrix with the image.

Measured through the grading workers (cnngrade calibrate channels, three runs: a 3×192×192
image, K (4, 3); limit 16; the machine busy with other work): 1.0-1.2× the reference, at
least 3× under the limit: EXPECTED = "pass".
"""

from __future__ import annotations

import numpy as np

TIMED = "correlate2d_1x1"
EXPECTED = "pass"


def _prepare(X, K):
    """Shared set-up: (c_i, h, w) input, (c_o, c_i) kernel matrix, one result dtype."""
    X, K = np.asarray(X), np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    if X.ndim != 3 or K.ndim != 2 or K.shape[1] != X.shape[0]:
        raise ValueError("X must be (c_i, h, w) and K (c_o, c_i) or (c_o, c_i, 1, 1)")
    dtype = np.result_type(X, K)
    if dtype.kind in "biu":
        dtype = np.dtype(np.float64)
    return X.astype(dtype, copy=False), K.astype(dtype, copy=False)


def correlate2d_1x1(X, K):
    X, K = _prepare(X, K)
    return np.tensordot(K, X, axes=1)
