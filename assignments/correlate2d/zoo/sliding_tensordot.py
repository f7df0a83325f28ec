"""Fully vectorised: sliding_window_view over X, contracted with K by np.tensordot.

``np.tensordot`` over the last two axes of the ``(o_h, o_w, k_h, k_w)`` window
view reshapes it into an ``(o_h*o_w, k_h*k_w)`` matrix (which forces a copy,
i.e. an implicit im2col) and hands the product with ``K.ravel()`` to BLAS.
"""


import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

EXPECTED = "pass"


def correlate2d(X: ArrayLike, K: ArrayLike) -> NDArray[np.inexact]:
    X, K = _check_pair(X, K)  # the stub's argument checks
    dtype = _result_dtype(X, K)
    X, K = X.astype(dtype, copy=False), K.astype(dtype, copy=False)

    return np.tensordot(sliding_window_view(X, K.shape), K, axes=2)
