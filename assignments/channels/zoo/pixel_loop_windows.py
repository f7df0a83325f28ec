"""A loop over output pixels of a sliding-window view, each pixel one tensordot.

``sliding_window_view`` gives every window without copying; the loop then visits the output
positions and contracts ``windows[:, :, y, x]`` (batch × channels × kernel) with the kernel
bank by ``np.tensordot``. The view does not vectorise anything by itself: one Python
iteration per pixel, so it must fail the speed test. Measured: 263-311× the reference, over
the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    windows = _windows(Xp, W.shape[2:], s_h, s_w)  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.empty((Xp.shape[0], W.shape[0], o_h, o_w), Xp.dtype)
    for y in range(o_h):
        for x in range(o_w):
            Y[:, :, y, x] = np.tensordot(windows[:, :, y, x], W, axes=([1, 2, 3], [1, 2, 3]))
    return Y if bias is None else Y + bias[:, None, None]
