"""A list comprehension over the entries as Python floats: the fastest pure-Python loop, and
still one interpreted step per entry. It must fail."""

import numpy as np

EXPECTED = "fail"


def relu(X):
    X = np.asarray(X)
    dtype = np.float64 if X.dtype.kind in "biu" else X.dtype
    values = [v if v > 0 else 0.0 for v in X.ravel().tolist()]
    return np.array(values, dtype=dtype).reshape(X.shape)
