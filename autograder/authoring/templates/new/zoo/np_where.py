"""One NumPy call that selects: np.where(X > 0, X, 0). Vectorised; it must pass.

A zoo member states the timed function (it is graded after the reference, so it may use
the stub's helpers and only its own definitions differ) and declares the verdict the speed
test must give it: ``EXPECTED = "pass"`` or ``"fail"``. With several
timed keys, ``TIMED = "function"`` (or a list) says which it is timed on.
``cnngrade calibrate @ID@`` prints each member's ratio and its margin to the limit.
"""

import numpy as np

EXPECTED = "pass"


def relu(X):
    X = np.asarray(X)
    X = X.astype(np.float64) if X.dtype.kind in "biu" else X
    return np.where(X > 0, X, 0)  # 0 is a Python int: the result keeps X's float dtype
