"""The library call: scipy.signal.correlate2d in "valid" mode (skipped where SciPy is absent).

Not allowed in submissions, and not installed on the stage's Gradescope image; it is here to
show where the reference stands against a compiled library.
"""


import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import signal

EXPECTED = "pass"
REQUIRES = "scipy"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    """Valid 2-D cross-correlation of ``X`` with ``K``."""
    X = np.asarray(X)
    K = np.asarray(K)
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    return signal.correlate2d(X.astype(dtype), K.astype(dtype), mode="valid")
