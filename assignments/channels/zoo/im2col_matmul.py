"""Fully vectorised: an explicit im2col gathered by fancy indexing, then one matmul.

Integer index grids pick, for every image, the (c_i*k_h*k_w, o_h*o_w) matrix whose
columns are the flattened windows (the CS231n-style im2col); ``W.reshape(c_o, -1) @ cols``
gives every output channel of every pixel. The gather is the expensive part.

Measured through the grading workers (cnngrade calibrate channels, three runs: one
1×192×192 image, two 3×3 kernels, padding 1; limit 16; the machine busy with other work):
2.1-2.7× the reference, at least 3× under the limit: EXPECTED = "pass".
"""

from __future__ import annotations

import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def _prepare(X, W, b, stride, padding):
    """Shared set-up: dtypes, int-or-pair arguments, zero padding, output size."""
    X, W = np.asarray(X), np.asarray(W)
    if X.ndim != 4 or W.ndim != 4 or X.shape[1] != W.shape[1]:
        raise ValueError("X must be (n, c_i, h, w) and W (c_o, c_i, k_h, k_w)")
    arrays = [X, W] if b is None else [X, W, np.asarray(b)]
    dtype = np.result_type(*arrays)
    if dtype.kind in "biu":
        dtype = np.dtype(np.float64)
    s_h, s_w = (stride, stride) if np.ndim(stride) == 0 else stride
    p_h, p_w = (padding, padding) if np.ndim(padding) == 0 else padding
    if s_h < 1 or s_w < 1 or p_h < 0 or p_w < 0:
        raise ValueError("bad stride or padding")
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    k_h, k_w = W.shape[2:]
    if k_h > Xp.shape[2] or k_w > Xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    o_h = (Xp.shape[2] - k_h) // s_h + 1
    o_w = (Xp.shape[3] - k_w) // s_w + 1
    bias = None if b is None else np.asarray(b, dtype=dtype)
    return Xp, W.astype(dtype), bias, (s_h, s_w), (o_h, o_w)


def conv2d(X, W, b=None, stride=1, padding=0):
    """Batched convolution (cross-correlation), like torch.nn.functional.conv2d."""
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    n, c_i = Xp.shape[:2]
    c_o, _, k_h, k_w = W.shape
    channel = np.arange(c_i)[:, None, None, None, None]
    rows = np.arange(k_h)[None, :, None, None, None] + s_h * np.arange(o_h)[:, None]
    cols = np.arange(k_w)[None, None, :, None, None] + s_w * np.arange(o_w)
    patches = Xp[:, channel, rows, cols]  # (n, c_i, k_h, k_w, o_h, o_w)
    Y = W.reshape(c_o, -1) @ patches.reshape(n, c_i * k_h * k_w, o_h * o_w)
    Y = Y.reshape(n, c_o, o_h, o_w)
    return Y if bias is None else Y + bias[:, None, None]
