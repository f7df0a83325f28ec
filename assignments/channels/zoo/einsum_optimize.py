"""Fully vectorised: the same einsum with ``optimize=True``, which hands the work to BLAS.

With ``optimize=True`` NumPy's einsum plans the contraction and calls ``tensordot``, which
copies the window view into a matrix (an implicit im2col) and multiplies by BLAS. Measured:
1.8-1.9× the reference, under the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.einsum("nchwkl,ockl->nohw", windows, W, optimize=True)
    return Y if bias is None else Y + bias[:, None, None]
