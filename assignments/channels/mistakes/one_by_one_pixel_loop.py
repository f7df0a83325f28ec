"""correlate2d_1x1 loops over the pixels, one small matrix-vector product each.

Where real code does this: the textbook definition "at every pixel the c_o outputs are
K @ (the pixel's channel vector)" typed as two loops over i and j; right values, but one
interpreter round trip per pixel where one (c_o, c_i) @ (c_i, h*w) product would do.
"""

BREAKS = "correlate2d_1x1"
LOSES = ["test_1x1_speed"]
HINT = "no loop over pixels"


def correlate2d_1x1(X, K):
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    K = _as_array("K", K, 2, "(out_channels, in_channels) or (out_channels, in_channels, 1, 1)")
    c_i, h, w = X.shape
    if K.shape[1] != c_i:
        raise ValueError(f"X has {c_i} channels but K has {K.shape[1]} input channels")
    dtype = _result_dtype(X, K)
    X, K = X.astype(dtype, copy=False), K.astype(dtype, copy=False)
    Y = np.empty((K.shape[0], h, w), dtype)
    for i in range(h):
        for j in range(w):
            Y[:, i, j] = K @ X[:, i, j]
    return Y
