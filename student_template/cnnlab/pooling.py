"""Stage 4: max and average pooling over the last two axes, and their gradients.

Both functions take a NumPy array (or nested lists) ``X`` of shape ``(..., H, W)``: every
leading axis (batch, channels, ...) is kept, and the window slides over the last two axes
with PyTorch's semantics (``ceil_mode=False``, ``count_include_pad=True``). Inputs are never
modified and results never share memory with them.

Arguments:

- ``pool_size``: the window ``(k_h, k_w)``, an int (square window) or a pair of ints ≥ 1;
- ``stride``: an int or a pair ≥ 1; ``None`` (the default) means the window size, so the
  windows tile the input without overlapping;
- ``padding``: an int or a pair ``(p_h, p_w)`` ≥ 0, added on *each* side; at most half the
  window (``p_h <= k_h // 2``, PyTorch's rule), so every window covers some of the input;
- ``mode``: ``"max"`` or ``"avg"``.

The output has shape ``(..., o_h, o_w)`` with ``o_h = (H + 2 p_h - k_h) // s_h + 1`` (same
for the width).
"""

from __future__ import annotations

import numpy as np

MODES = ("max", "avg")


def _as_array(X):
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError(
            f"X must have at least 2 dimensions (..., H, W), got {X.ndim}-D with shape {X.shape}"
        )
    if X.dtype.kind not in "biuf":
        raise ValueError(f"X must hold real numbers, got dtype {X.dtype}")
    if X.shape[-2] == 0 or X.shape[-1] == 0:
        raise ValueError(f"X must have at least one row and one column, got shape {X.shape}")
    return X


def _pair(name, value, minimum):
    """An int or a pair of ints, each at least ``minimum``, as a tuple of two Python ints."""
    items = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(items) != 2:
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    for item in items:
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
        if item < minimum:
            raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(items[0]), int(items[1])


def _float_dtype(*arrays):
    """NumPy's promotion of the arrays' dtypes, integers and booleans becoming float64."""
    dtype = np.result_type(*arrays)
    return np.dtype(np.float64) if dtype.kind in "biu" else dtype


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling of ``X`` (..., H, W) over its last two axes.

    Returns a new array of shape ``(..., o_h, o_w)``:

    - ``mode="max"``: the largest value in each window; the result keeps ``X``'s dtype
      (uint8 in, uint8 out). Padding never wins: floats are padded with ``-inf`` and
      integers with their dtype's minimum, and every window holds at least one input cell.
    - ``mode="avg"``: the sum of each window divided by ``k_h * k_w``, padded cells counted
      as zeros (PyTorch's ``count_include_pad=True``). Integer and boolean inputs give
      float64 (no truncation, no overflow while summing); float inputs keep their dtype.

    Raises ValueError for an unknown mode, a pool size or stride below 1, negative padding
    or padding above ``pool_size // 2``, a window larger than the padded input, or an ``X``
    with fewer than 2 dimensions (or no rows or columns).
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    """Gradient of ``L = sum(dY * pool2d(X, pool_size, stride, padding, mode))`` w.r.t. ``X``.

    ``dY`` has the output's shape ``(..., o_h, o_w)``; returns a new array ``dX`` with
    ``X``'s shape and a floating dtype (NumPy's promotion of ``X`` and ``dY``, integers
    giving float64).

    - ``mode="max"``: each output's gradient goes to the one input cell that produced its
      maximum. Ties go to the *first* maximum of the window in row-major order (top row
      first, left to right), as in PyTorch; padded cells never receive gradient. When
      overlapping windows (stride < pool_size) share a maximum, their gradients add up.
    - ``mode="avg"``: each output's gradient is spread evenly over its window, every cell
      receiving ``dY / (k_h * k_w)`` (padded cells take their share, which is dropped).

    Raises ValueError for the arguments :func:`pool2d` rejects and for a ``dY`` whose shape
    is not the output's.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")
