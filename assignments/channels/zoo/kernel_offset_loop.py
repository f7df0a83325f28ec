"""Loop over the k_h * k_w kernel offsets, each a channel-mixing product for every pixel.

Stage 1's shift-and-add, with channels: for offset (a, b) the shifted slice
``Xp[:, :, a::s_h, b::s_w]`` of every image is multiplied by the (c_o, c_i) matrix
``W[:, :, a, b]`` (``np.tensordot`` over channels) and accumulated. The loop runs k_h*k_w
times, each iteration fully vectorised.

Measured: 1.6-1.8× the reference, under the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    Y = np.zeros((Xp.shape[0], o_h, o_w, W.shape[0]), Xp.dtype)
    for a in range(W.shape[2]):
        for c in range(W.shape[3]):
            part = Xp[:, :, a : a + s_h * (o_h - 1) + 1 : s_h, c : c + s_w * (o_w - 1) + 1 : s_w]
            Y += np.tensordot(part, W[:, :, a, c], axes=([1], [1]))  # (n, o_h, o_w, c_o)
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    return Y if bias is None else Y + bias[:, None, None]
