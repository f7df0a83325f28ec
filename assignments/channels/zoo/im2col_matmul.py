"""Fully vectorised: an explicit im2col gathered by fancy indexing, then one matmul.

Integer index grids pick, for every image, the (c_i*k_h*k_w, o_h*o_w) matrix whose columns
are the flattened windows (the CS231n-style im2col); ``W.reshape(c_o, -1) @ cols`` gives
every output channel of every pixel. The gather is the expensive part. Measured: 2.1-2.7×
the reference, under the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
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
