"""Half-vectorised: a Python loop over output pixels, each pixel one tensordot over the batch.

For every output position (y, x) the window ``Xp[:, :, rows, cols]`` of all images is
contracted with the whole kernel bank (``np.tensordot`` over channels and kernel offsets),
giving ``Y[:, :, y, x]`` for every image and output channel at once. The loop runs o_h * o_w
times, each iteration a BLAS product. On the former timing input (64 images of 28×28: 784
pixels, the batch spreading the per-pixel cost) it ran at 6× the reference and passed; on
one 192×192 image it pays 4-5 µs for each of 36,864 pixels, and it must fail. Measured:
276-309× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    Y = _each_pixel(Xp, W, (s_h, s_w), (o_h, o_w),
                    lambda window: np.tensordot(window, W, axes=([1, 2, 3], [1, 2, 3])))  # fmt: skip
    return Y if bias is None else Y + bias[:, None, None]
