"""Three Python loops: image, output row, output column; channels vectorised per pixel.

For every image and output position one ``np.tensordot`` contracts the (c_i, k_h, k_w)
window with the whole kernel bank, giving all c_o outputs of that pixel. Vectorising only
over channels still leaves one interpreter round trip per image and pixel, so it must fail
the speed test. Measured: 313-363× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    k_h, k_w = W.shape[2:]
    Y = np.empty((Xp.shape[0], W.shape[0], o_h, o_w), Xp.dtype)
    for i in range(Xp.shape[0]):
        for y in range(o_h):
            for x in range(o_w):
                window = _pixel_window(Xp[i], (k_h, k_w), s_h * y, s_w * x)
                Y[i, :, y, x] = np.tensordot(W, window, axes=3)
    return Y if bias is None else Y + bias[:, None, None]
