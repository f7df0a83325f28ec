"""Loop over the k_h * k_w kernel offsets, each a channel-mixing product for every pixel.

Stage 1's shift-and-add, with channels: for offset (a, b) the shifted slice
``Xp[:, :, a::s_h, b::s_w]`` of every image is multiplied by the (c_o, c_i) matrix
``W[:, :, a, b]`` (``np.tensordot`` over channels) and accumulated. The loop runs k_h*k_w
times, each iteration fully vectorised.

Measured through the grading workers (cnngrade calibrate channels, three runs: one
1×192×192 image, two 3×3 kernels, padding 1; limit 16; the machine busy with other work):
1.6-1.8× the reference, at least 3× under the limit: EXPECTED = "pass".
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
    Y = np.zeros((Xp.shape[0], o_h, o_w, W.shape[0]), Xp.dtype)
    for a in range(W.shape[2]):
        for c in range(W.shape[3]):
            part = Xp[:, :, a : a + s_h * (o_h - 1) + 1 : s_h, c : c + s_w * (o_w - 1) + 1 : s_w]
            Y += np.tensordot(part, W[:, :, a, c], axes=([1], [1]))  # (n, o_h, o_w, c_o)
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    return Y if bias is None else Y + bias[:, None, None]
