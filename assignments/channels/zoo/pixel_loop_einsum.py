"""A loop over output pixels, each pixel one np.einsum over the batch and all channels.

For every output position (y, x) the window ``Xp[:, :, rows, cols]`` of all images is
contracted with the whole kernel bank by ``np.einsum("nckl,ockl->no")``, giving ``Y[:, :, y,
x]`` for every image and output channel at once. Vectorised over the batch and both channel
axes, but still one Python iteration (and one einsum set-up) per pixel: it must fail the
speed test. Measured: 114-119× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    Y = _each_pixel(Xp, W, (s_h, s_w), (o_h, o_w),
                    lambda window: np.einsum("nckl,ockl->no", window, W))  # fmt: skip
    return Y if bias is None else Y + bias[:, None, None]
