"""No check of the arguments' dimensions: a 1-D or 3-D input is not refused with ValueError.

Where real code does this: conv helpers that start with ``h, w = X.shape[0], X.shape[1]``
and trust the caller; a 1-D input then dies with IndexError deep inside, and a 3-D one
silently returns a 3-D result.
"""

BREAKS = "correlate2d"
LOSES = ["test_rejects_bad_arguments", "test_errors"]
HINT = "ValueError"


def correlate2d(X, K):
    X, K = np.asarray(X), np.asarray(K)  # trusted to be 2-D
    if K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]:
        raise ValueError(f"kernel {K.shape} is larger than the input {X.shape}")
    return _offsets_sum(X, K, _output_size(X, K), _result_dtype(X, K))
