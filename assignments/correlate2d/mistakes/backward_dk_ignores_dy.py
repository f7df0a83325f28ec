"""dK sums the input windows and forgets to weight them by dY.

Where real code does this: a gradient derived for ``L = sum(Y)`` (dY all ones), the case a
first derivation usually works out by hand, then used for any dY: ``dK[a, b] =
X[a:a+o_h, b:b+o_w].sum()``. It passes a check with dY = ones and cannot learn anything.
"""

BREAKS = "correlate2d_backward"
LOSES = [
    "test_learn_edge_kernel",
    "test_backward_numerical",
    "test_backward_geometry",
    "test_learn_kernel",
]
HINT = "dK is the correlation of X with dY"


def correlate2d_backward(X, K, dY):
    X, K = _check_pair(X, K)
    dY = _as_2d("dY", dY)
    k_h, k_w = K.shape
    o_h, o_w = dY.shape
    dX = np.zeros(X.shape)
    dK = np.zeros(K.shape)
    for a in range(k_h):
        for b in range(k_w):
            dK[a, b] = X[a : a + o_h, b : b + o_w].sum()
            dX[a : a + o_h, b : b + o_w] += K[a, b] * dY
    return dX, dK
