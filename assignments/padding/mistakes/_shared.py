"""What the padding mistakes share: a plain student's functions, split into small steps.

Graded after the reference and before each mistake (see ``autograder.authoring.mistakes``),
so that a mistake overrides only the step it gets wrong, or calls these steps and the
reference's helpers (``_pair``, ``_real_array``, ``_result_dtype``, ``_padding_sides``). No
name here is one of the reference's: its own functions keep calling its own helpers.
"""

import numpy as np

# The reference's functions, for mistakes that wrap one before replacing it.
_reference_pad2d = pad2d
_reference_correlate2d = correlate2d
_reference_output_shape = output_shape
_reference_apply_filter = apply_filter
_reference_padding_sides = _padding_sides


def _pad_args(X, padding, value):
    """pad2d's checks: X as an array of 2 or more axes, the sides, a value X's dtype holds."""
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError(f"X must be at least 2-D, got shape {X.shape}")
    sides = _padding_sides(padding)
    if X.dtype.kind in "iu" and (not np.isfinite(value) or value != int(value)):
        raise ValueError(f"value {value} does not fit an integer array")
    return X, sides


# --- output_shape ----------------------------------------------------------------------------


def _plain_output_shape(input_hw, kernel_hw, padding=0, stride=1):
    """output_shape from the total padding of each axis and the number of window positions."""
    n_h, n_w = _pair("input_hw", input_hw, 1)
    k_h, k_w = _pair("kernel_hw", kernel_hw, 1)
    p_h, p_w = _total_padding(padding, (k_h, k_w))
    s_h, s_w = _pair("stride", stride, 1)
    if k_h > n_h + p_h or k_w > n_w + p_w:
        raise ValueError("the kernel is larger than the padded input")
    return _positions(n_h + p_h, k_h, s_h), _positions(n_w + p_w, k_w, s_w)


def _total_padding(padding, kernel_hw):
    """Rows and columns added in all: both sides of each axis."""
    (top, bottom), (left, right) = _padding_sides(padding, kernel_hw)
    return top + bottom, left + right


def _positions(padded, k, s):
    """Window positions along an axis of ``padded`` cells: floor((padded - k) / s) + 1."""
    return (padded - k) // s + 1


# --- correlate2d -----------------------------------------------------------------------------


def _plain_correlate2d(X, K, padding=0, stride=1):
    """correlate2d as a loop over the kernel offsets, on the zero-padded input."""
    X, K, sides, s_hw, out_hw = _correlate_args(X, K, padding, stride)
    dtype = _result_dtype(X, K)
    return _taps_sum(pad2d(X.astype(dtype), sides), K, s_hw, out_hw, dtype)


def _correlate_args(X, K, padding, stride):
    """correlate2d's checks: X and K, the sides, the strides and the output's shape."""
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    sides = _padding_sides(padding, K.shape)
    s_hw = _strides(stride)
    return X, K, sides, s_hw, output_shape(X.shape, K.shape, sides, s_hw)


def _strides(stride):
    """``stride`` as (s_h, s_w): rows, then columns."""
    return _pair("stride", stride, 1)


def _taps_sum(Xp, K, stride, out_hw, dtype):
    """One strided multiply-add over the padded ``Xp`` per kernel offset (a, b)."""
    (s_h, s_w), (o_h, o_w) = stride, out_hw
    Y = np.zeros((o_h, o_w), dtype)
    for a in range(K.shape[0]):
        for b in range(K.shape[1]):
            Y += K[a, b] * Xp[a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
    return Y
