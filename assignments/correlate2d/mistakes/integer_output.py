"""Integer inputs give an integer result: the output array is created with X's dtype.

Where real code does this: ``out = np.zeros_like(X[:oh, :ow])`` or
``np.empty(shape, dtype=X.dtype)`` in hand-written conv layers: an image of ints (uint8
pixels) gives an int result, and with a float kernel the values are truncated on assignment.
"""

BREAKS = "correlate2d"
LOSES = ["test_result_dtype"]
HINT = "integer inputs give float64"


def correlate2d(X, K):
    X, K = _check_pair(X, K)
    k_h, k_w = K.shape
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    Y = np.zeros((o_h, o_w), dtype=X.dtype)
    Y[...] = sum(K[a, b] * X[a : a + o_h, b : b + o_w] for a in range(k_h) for b in range(k_w))
    return Y
