"""A Python loop over every entry, indexing the array: the loop the speed test must reject."""

import numpy as np

EXPECTED = "fail"


def relu(X):
    X = np.asarray(X)
    Y = np.zeros(X.shape, np.float64 if X.dtype.kind in "biu" else X.dtype)
    for index in np.ndindex(X.shape):
        if X[index] > 0:
            Y[index] = X[index]
    return Y
