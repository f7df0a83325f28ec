"""No check of the arguments' dimensions: a 1-D or 3-D input is not refused with ValueError.

Where real code does this: conv helpers that start with ``h, w = X.shape[0], X.shape[1]``
and trust the caller; a 1-D input then dies with IndexError deep inside, and a 3-D one
silently returns a 3-D result.
"""

BREAKS = "correlate2d"
LOSES = ["test_rejects_bad_arguments", "test_errors"]
HINT = "ValueError"


def correlate2d(X, K):
    X, K = np.asarray(X), np.asarray(K)
    k_h, k_w = K.shape[0], K.shape[1]
    if k_h > X.shape[0] or k_w > X.shape[1]:
        raise ValueError(f"kernel {K.shape} is larger than the input {X.shape}")
    dtype = _result_dtype(X, K)
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    Y = np.zeros((o_h, o_w, *X.shape[2:]), dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * X[a : a + o_h, b : b + o_w]
    return Y
