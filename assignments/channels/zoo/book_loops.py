"""The book's functions nested: a per-pixel corr2d, summed over channels, stacked over outputs.

``corr2d`` is the double loop over output pixels from the 2-D chapter (here computing only
the strided positions); ``corr2d_multi_in`` adds it up over input channels and
``corr2d_multi_in_out`` stacks one result per output channel; ``conv2d`` applies that to
each image. Five Python loops deep (image, output channel, input channel, row, column): it
must fail the speed test. Measured: 169-181× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "conv2d"
EXPECTED = "fail"


def corr2d(X, K, s_h, s_w, o_h, o_w):
    k_h, k_w = K.shape
    Y = np.zeros((o_h, o_w), X.dtype)
    for y in range(o_h):
        for x in range(o_w):
            Y[y, x] = (X[s_h * y : s_h * y + k_h, s_w * x : s_w * x + k_w] * K).sum()
    return Y


def corr2d_multi_in(X, K, *geometry):
    return sum(corr2d(x, k, *geometry) for x, k in zip(X, K))


def corr2d_multi_in_out(X, K, *geometry):
    return np.stack([corr2d_multi_in(X, k, *geometry) for k in K], 0)


def conv2d(X, W, b=None, stride=1, padding=0):
    Xp, W, bias, (s_h, s_w), (o_h, o_w) = _prepare(X, W, b, stride, padding)
    Y = np.stack([corr2d_multi_in_out(x, W, s_h, s_w, o_h, o_w) for x in Xp], 0)
    Y = Y.reshape(Xp.shape[0], W.shape[0], o_h, o_w).astype(Xp.dtype)
    return Y if bias is None else Y + bias[:, None, None]
