"""Half-vectorised: a loop over input channels, each a tensordot of its windows with W[:, c].

For each input channel c the windows of that channel (a sliding-window view) are contracted
with ``W[:, c]`` by ``np.tensordot`` and accumulated: the loop runs c_i times, each
iteration a BLAS product over every image and pixel. Measured: 2.3-2.6× the reference, under
the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.zeros((Xp.shape[0], o_h, o_w, W.shape[0]), Xp.dtype)
    for c in range(W.shape[1]):
        Y += np.tensordot(windows[:, c], W[:, c], axes=([3, 4], [1, 2]))  # (n, o_h, o_w, c_o)
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    return Y if bias is None else Y + bias[:, None, None]
