"""Fully vectorised: sliding_window_view of the batch and one np.einsum with the kernel bank.

``einsum("nchwkl,ockl->nohw")`` over the zero-copy window view. Without ``optimize`` this is
NumPy's own multiply-add loop rather than BLAS, so it is several times slower than an im2col
+ matrix product, but it has no Python loop and must pass. Measured: 2.4-2.6× the reference,
under the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.einsum("nchwkl,ockl->nohw", windows, W)
    return Y if bias is None else Y + bias[:, None, None]
