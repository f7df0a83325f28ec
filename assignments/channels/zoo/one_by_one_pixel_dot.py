"""1×1 convolution as one loop over the h*w pixel columns of a (c_i, h*w) matrix, np.dot each.
Measured: 94-112× the reference, over the limit of 16.
"""


import numpy as np

TIMED = "correlate2d_1x1"
EXPECTED = "fail"


def correlate2d_1x1(X, K):
    X, K = _prepare_1x1(X, K)
    c_i, h, w = X.shape
    columns = X.reshape(c_i, h * w)
    Y = np.empty((K.shape[0], h * w), X.dtype)
    for j in range(h * w):
        Y[:, j] = np.dot(K, columns[:, j])
    return Y.reshape(K.shape[0], h, w)
