"""dX written with = instead of +=: overlapping windows overwrite each other's gradient.

Where real code does this: CS231n ``conv_backward_naive`` ports with
``dx_pad[:, :, h1:h2, w1:w2] = w * dout[...]`` in place of ``+=``; every input pixel that
several windows share keeps only the last window's contribution.
"""

BREAKS = "correlate2d_backward"
LOSES = ["test_backward_numerical", "test_backward_geometry"]
HINT = "+="


def correlate2d_backward(X, K, dY):
    X, K = _check_pair(X, K)
    dY = _as_2d("dY", dY)
    k_h, k_w = K.shape
    o_h, o_w = dY.shape
    dX = np.zeros(X.shape)
    dK = np.zeros(K.shape)
    for a in range(k_h):
        for b in range(k_w):
            dK[a, b] = np.sum(dY * X[a : a + o_h, b : b + o_w])
            dX[a : a + o_h, b : b + o_w] = K[a, b] * dY
    return dX, dK
