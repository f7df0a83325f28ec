"""Half-vectorised: a Python loop over output channels, each one einsum over all windows.

``sliding_window_view`` gives every window of every image without copying; for each output
channel ``o`` one ``np.einsum`` contracts them with ``W[o]`` (channels and kernel offsets),
and the c_o results are stacked. The loop runs only c_o times, but each einsum is NumPy's
own multiply-add loop, not BLAS. Measured: 2.4-3.3× the reference, under the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "pass"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.stack([np.einsum("nchwkl,ckl->nhw", windows, W[o]) for o in range(W.shape[0])], 1)
    return Y if bias is None else Y + bias[:, None, None]
