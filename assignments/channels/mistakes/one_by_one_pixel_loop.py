"""correlate2d_1x1 loops over the pixels, one small matrix-vector product each.

Where real code does this: the textbook definition "at every pixel the c_o outputs are
K @ (the pixel's channel vector)" typed as two loops over i and j; right values, but one
interpreter round trip per pixel where one (c_o, c_i) @ (c_i, h*w) product would do.
"""

BREAKS = "correlate2d_1x1"
LOSES = ["test_1x1_speed"]
HINT = "no loop over pixels"


def _mix_channels(K, X):
    Y = np.empty((K.shape[0], *X.shape[1:]), X.dtype)
    for i in range(X.shape[1]):
        for j in range(X.shape[2]):
            Y[:, i, j] = K @ X[:, i, j]  # one pixel's channel vector at a time
    return Y


correlate2d_1x1 = _plain_1x1
