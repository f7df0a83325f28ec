"""correlate2d keeps NumPy's promotion of the input dtypes: integer inputs give an int result.

Where real code does this: ``Y = np.zeros(shape, dtype=np.result_type(X, K))`` (or padding
with ``np.pad``, which keeps the dtype, and accumulating in it): right for float inputs, but a
uint8 image with an int kernel comes back as integers instead of float64.
"""

BREAKS = "correlate2d"
LOSES = ["test_correlate2d_result_dtype"]
HINT = "integer inputs give float64"


def correlate2d(X, K, padding=0, stride=1):
    X, K, sides, stride, out_hw = _correlate_args(X, K, padding, stride)
    dtype = np.result_type(X, K)  # NumPy's promotion: an int image and kernel give ints
    return _taps_sum(np.pad(X, sides), K, stride, out_hw, dtype)
