"""Three Python loops: image, output row, output column; channels vectorised per pixel.

For every image and output position one ``np.tensordot`` contracts the (c_i, k_h, k_w)
window with the whole kernel bank, giving all c_o outputs of that pixel. Vectorising
only over channels still leaves one interpreter round trip per image and pixel, so it
must fail the speed test.

Measured through the grading workers (cnngrade calibrate channels, three runs: one
1×192×192 image, two 3×3 kernels, padding 1; limit 16; the machine busy with other work):
313-363× the reference, at least 3× over the limit: EXPECTED = "fail".
"""

from __future__ import annotations

import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


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
    k_h, k_w = W.shape[2:]
    Y = np.empty((Xp.shape[0], W.shape[0], o_h, o_w), Xp.dtype)
    for i in range(Xp.shape[0]):
        for y in range(o_h):
            for x in range(o_w):
                window = Xp[i, :, s_h * y : s_h * y + k_h, s_w * x : s_w * x + k_w]
                Y[i, :, y, x] = np.tensordot(W, window, axes=3)
    return Y if bias is None else Y + bias[:, None, None]
