"""Max pooling converts the input to float64 (to pad with -inf) and returns float64.

Where real code does this: ``np.pad(X, ..., constant_values=-np.inf)`` raises OverflowError
on integer arrays, so the student writes ``X.astype(float)`` first; every result is then
float64, so a uint8 image comes back as float64 and float32 activations are upcast.
"""

BREAKS = "pool2d"
LOSES = [
    "test_max_keeps_dtype",
    "test_max_integer_dtypes",
    "test_float32_stays_float32",
]
HINT = "keeps the input's dtype"


def _student_pad(X, sides, mode):
    fill = -np.inf if mode == "max" else 0.0
    Xf = X.astype(float)  # -inf needs floats
    return np.pad(Xf, [(0, 0)] * (X.ndim - 2) + list(sides), constant_values=fill)


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the padding above
