"""A loop over output pixels of the padded batch, each pixel one matmul with W as a matrix.

The padded batch is cut at every output position (y, x) into an (n, c_i*k_h*k_w) matrix of
windows and multiplied by W as a (c_i*k_h*k_w, c_o) matrix with ``@``: one BLAS call per
pixel for all images and channels. The cheapest pixel loop in the zoo (about 1.3 µs an
iteration), and it must still fail: the reference spends about 10 ns per output value.
Measured: 89-96× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    n, Wt = Xp.shape[0], W.reshape(W.shape[0], -1).T  # W as a (c_i*k_h*k_w, c_o) matrix
    Y = _each_pixel(Xp, W, (s_h, s_w), (o_h, o_w), lambda window: window.reshape(n, -1) @ Wt)
    return Y if bias is None else Y + bias[:, None, None]
