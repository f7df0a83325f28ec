"""Fully vectorised: sliding_window_view and one np.tensordot (implicit im2col + BLAS).

``tensordot`` over the channel and kernel axes reshapes the window view into an (n*o_h*o_w,
c_i*k_h*k_w) matrix (a copy: im2col) and multiplies it with the kernel bank by BLAS; the (n,
o_h, o_w, c_o) result is moved back to NCHW. Measured: 2.0-2.3× the reference, under the
limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.tensordot(windows, W, axes=([1, 4, 5], [1, 2, 3]))  # (n, o_h, o_w, c_o)
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    return Y if bias is None else Y + bias[:, None, None]
