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
    Y = np.zeros(_output_size(X, K), dtype=X.dtype)  # the output array is made like X
    Y[...] = _reference_correlate2d(X, K)
    return Y
