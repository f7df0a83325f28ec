"""The input times its own mask, X * (X > 0): two array operations. Vectorised; it must pass."""

import numpy as np

EXPECTED = "pass"


def relu(X):
    X = np.asarray(X)
    X = X.astype(np.float64) if X.dtype.kind in "biu" else X
    return X * (X > 0)
