"""Average pooling sums in the input's dtype: uint8 sums wrap around past 255.

Where real code does this: an accumulator made with ``np.zeros_like(...)`` or
``np.zeros(shape, X.dtype)`` and only the final division in floating point; on 8-bit images
a 2x2 window of values near 250 sums to more than 255 and wraps (1000 becomes 232).
"""

BREAKS = "pool2d"
LOSES = ["test_avg_integer_dtypes"]
HINT = "wraps around past 255"


_student_pad_for_floats = _student_pad


def _student_pad(X, sides, mode):
    if mode == "max":
        return _student_pad_for_floats(X, sides, mode)
    # no X.astype(np.float64): the padded X, and so the sums of its windows, stay in X's
    # dtype, as with an accumulator np.zeros(shape, X.dtype); only the division gives floats
    return np.pad(X, [(0, 0)] * (X.ndim - 2) + list(sides))


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the padding above
