"""Stage @NUMBER@: @TITLE@.

A small working example written by ``cnngrade new``: the rectified linear unit and its
gradient. Replace it with your stage's functions, then their tests, speed inputs, zoo and
mistakes beside ``assignments/@ID@/assignment.toml``.

All functions take NumPy arrays (or nested lists) of any shape, never modify their inputs,
and return new arrays. Integer inputs give float64 results; float inputs keep their
precision.
"""

from __future__ import annotations

import numpy as np


def _as_real(name: str, value: object) -> np.ndarray:
    array = np.asarray(value)
    if array.dtype.kind not in "biuf":  # bool, integers, floats
        raise ValueError(f"{name} must hold real numbers, got dtype {array.dtype}")
    return array.astype(np.float64) if array.dtype.kind in "biu" else array


def relu(X):
    """The rectified linear unit, elementwise: ``Y = max(X, 0)``, of X's shape and dtype.

    Raises ValueError if X does not hold real numbers.
    """
    # BEGIN SOLUTION: keep the positive entries and set the others to 0, in one NumPy call
    X = _as_real("X", X)
    return np.maximum(X, 0)
    # END SOLUTION


def relu_backward(X, dY):
    """The gradient of ``L = sum(relu(X) * dY)`` with respect to X: ``dY`` where ``X > 0``,
    else 0 (the gradient at exactly 0 is taken to be 0).

    Raises ValueError if X and dY differ in shape, or do not hold real numbers.
    """
    # BEGIN SOLUTION
    X, dY = _as_real("X", X), _as_real("dY", dY)
    if X.shape != dY.shape:
        raise ValueError(f"dY must have X's shape {X.shape}, got {dY.shape}")
    return np.where(X > 0, dY, 0).astype(np.result_type(X, dY))
    # END SOLUTION
