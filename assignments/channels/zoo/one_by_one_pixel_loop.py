"""1×1 convolution as a loop over pixels: Y[:, i, j] = K @ X[:, i, j].

Measured through the grading workers (cnngrade calibrate channels, three runs: a 3×192×192
image, K (4, 3); limit 16; the machine busy with other work): 101-192× the reference, at
least 3× over the limit: EXPECTED = "fail".
"""

from __future__ import annotations

import numpy as np

TIMED = "correlate2d_1x1"
EXPECTED = "fail"


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
    Y = np.empty((K.shape[0],) + X.shape[1:], X.dtype)
    for i in range(X.shape[1]):
        for j in range(X.shape[2]):
            Y[:, i, j] = K @ X[:, i, j]
    return Y
