"""Max pooling pads with zeros: np.pad's default constant is used for both modes.

Where real code does this: numpy pooling layers that share one ``np.pad(X, ...)`` call
between max and average pooling (the default ``constant_values=0``); on inputs that are all
negative near the border, a padded 0 becomes the window's maximum.
"""

BREAKS = "pool2d"
LOSES = [
    "test_max_padding_negative_inputs",
    "test_max_integer_dtypes",
    "test_strides_and_windows",
    "test_argument_types",
    "test_non_contiguous_inputs",
]
HINT = "pads with -inf"


def _student_pad(X, sides, mode):
    if mode == "avg":
        X = X.astype(_float_dtype(X))
    return np.pad(X, [(0, 0)] * (X.ndim - 2) + list(sides))  # one call for both modes: zeros


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the padding above
