"""Right values, too slow: a double Python loop over the output pixels.

Where real code does this: the d2l book's own ``corr2d`` (``for i in range(Y.shape[0]):
for j in range(Y.shape[1]): Y[i, j] = (X[i:i + h, j:j + w] * K).sum()``) and CS231n's
``conv_forward_naive``, used as they are.
"""

BREAKS = "correlate2d"
LOSES = ["test_correlate2d_speed"]
HINT = "loop over the k_h × k_w kernel offsets instead of the output pixels"


def correlate2d(X, K):
    X, K = _check_pair(X, K)
    h, w = K.shape
    Y = np.zeros(_output_size(X, K), _result_dtype(X, K))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y
