"""Four nested Python loops: image, output channel, output row, output column.

Each output value is one window product-sum over all input channels, ``(Xp[i, :, window] *
W[o]).sum()``. This is what a direct translation of the formula gives; it is correct but
pays the interpreter's overhead once per output value, so it must fail the speed test.
Measured: 191-208× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    n, c_o, k_h, k_w = Xp.shape[0], W.shape[0], W.shape[2], W.shape[3]
    Y = np.zeros((n, c_o, o_h, o_w), Xp.dtype)
    for i in range(n):
        for o in range(c_o):
            for y in range(o_h):
                for x in range(o_w):
                    window = _pixel_window(Xp[i], (k_h, k_w), s_h * y, s_w * x)
                    Y[i, o, y, x] = (window * W[o]).sum()
            if bias is not None:
                Y[i, o] += bias[o]
    return Y
