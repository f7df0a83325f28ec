"""Half-vectorised: loops over images and output channels, each a multi-input correlation.

``Y[i, o]`` is computed as one ``np.einsum`` of the image's window view with ``W[o]``
(the stage's ``correlate2d_multi_in``), so the Python loops run n * c_o times and each
iteration covers every pixel and input channel.

Measured through the grading workers (cnngrade calibrate channels, three runs: one
1×192×192 image, two 3×3 kernels, padding 1; limit 16; the machine busy with other work):
2.4-2.9× the reference, at least 3× under the limit: EXPECTED = "pass".
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
    windows = np.lib.stride_tricks.sliding_window_view(Xp, W.shape[2:], axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.empty((Xp.shape[0], W.shape[0], o_h, o_w), Xp.dtype)
    for i in range(Xp.shape[0]):
        for o in range(W.shape[0]):
            Y[i, o] = np.einsum("chwkl,ckl->hw", windows[i], W[o])
    return Y if bias is None else Y + bias[:, None, None]
