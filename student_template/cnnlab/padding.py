"""Stage 2: padding, stride, output shapes, a filter bank and receptive fields.

All functions take NumPy arrays (or nested lists), never modify their inputs, and return
new arrays. Correlations follow stage 1's dtype rule: integer inputs give float64 results;
float inputs keep their precision.

Conventions used throughout:

* ``padding`` is an int ``p`` (p rows/columns on every side), a pair ``(p_h, p_w)`` (p_h rows
  on top AND bottom, p_w columns on the left AND right), or a pair of pairs
  ``((top, bottom), (left, right))``. Where a kernel is known, ``"valid"`` (no padding) and
  ``"same"`` are accepted too.
* ``"same"`` pads a total of ``k - 1`` rows (columns) per axis, ``(k - 1) // 2`` on the top
  (left) and the rest on the bottom (right): an even kernel gets its extra row at the bottom
  and its extra column on the right, as in PyTorch (``padding="same"``) and TensorFlow. With
  stride 1 the output has the input's shape. With stride ``s`` the padding stays the same, so
  the result is the stride-1 "same" result with every s-th row and column kept and has
  ``ceil(n / s)`` rows (columns).
* ``stride`` is an int or a pair ``(s_h, s_w)`` of positive ints.
* Output size along one axis with total padding ``p`` and stride ``s``:
  ``floor((n - k + p + s) / s)`` (which is ``(n - k + p) // s + 1``).
"""

from __future__ import annotations

import numbers

import numpy as np

# The lecture's filter bank: 3×3 kernels, rows top to bottom.
FILTERS = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float64),
    "edge1": np.array([[1, 0, -1], [0, 0, 0], [-1, 0, 1]], dtype=np.float64),
    "edge2": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float64),
    "edge3": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], dtype=np.float64),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float64),
    "box_blur": np.ones((3, 3)) / 9.0,
    "gaussian_blur": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.float64) / 16.0,
}


# --- argument checking (shared by the functions below) -------------------------------------


def _int(name, value, minimum):
    """``value`` as a Python int of at least ``minimum`` (bools and floats are refused)."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def _pair(name, value, minimum):
    """An int or a pair of ints → ``(h, w)``."""
    if isinstance(value, tuple | list | np.ndarray) and len(value) == 2:
        return _int(f"{name}[0]", value[0], minimum), _int(f"{name}[1]", value[1], minimum)
    if isinstance(value, tuple | list | np.ndarray):
        raise ValueError(f"{name} must be an int or a pair (h, w), got {value!r}")
    v = _int(name, value, minimum)
    return v, v


def _real_array(name, value, min_ndim, max_ndim=None):
    """``value`` as an array of real numbers with ``min_ndim`` to ``max_ndim`` dimensions."""
    array = np.asarray(value)
    if max_ndim is None:
        want, ok = f"at least {min_ndim}-D", array.ndim >= min_ndim
    else:
        want = " or ".join(f"{d}-D" for d in range(min_ndim, max_ndim + 1))
        ok = min_ndim <= array.ndim <= max_ndim
    if not ok:
        raise ValueError(f"{name} must be {want}, got {array.ndim}-D with shape {array.shape}")
    if array.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold real numbers, got dtype {array.dtype}")
    return array


def _result_dtype(*arrays):
    """Stage 1's rule: NumPy's promotion, but integers (and bools) give float64."""
    dtype = np.result_type(*arrays)
    return np.dtype(np.float64) if dtype.kind in "biu" else dtype


# --- the stage's functions -----------------------------------------------------------------


def _padding_sides(padding, kernel_hw=None):
    """Any padding spec → ``((top, bottom), (left, right))``: a helper for the functions below.

    (Suggested, not graded on its own: the tests call only the five public functions.)

    ``padding`` is an int, a pair ``(p_h, p_w)`` (per side), a pair of pairs
    ``((top, bottom), (left, right))``, or, when ``kernel_hw = (k_h, k_w)`` is given,
    ``"valid"`` or ``"same"``. Raises ValueError for anything else or a negative size.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def pad2d(X, padding, value=0.0):
    """Pad the LAST TWO axes of ``X`` (shape ``(..., H, W)``) with ``value``.

    ``padding`` is an int, ``(p_h, p_w)`` per side, or ``((top, bottom), (left, right))``.
    Returns a new array of shape ``(..., top + H + bottom, left + W + right)`` with ``X``'s
    dtype (padding 0 still returns a copy); leading axes are left alone.
    Raises ValueError if ``X`` has fewer than 2 dimensions, a padding is negative or not an
    integer, or ``value`` cannot be stored in ``X``'s dtype (e.g. -inf or 0.5 for an integer
    ``X``).
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    """Output shape ``(o_h, o_w)`` of a strided, padded correlation.

    ``input_hw = (n_h, n_w)`` and ``kernel_hw = (k_h, k_w)`` (an int means a square);
    ``padding`` as in :func:`pad2d` or ``"valid"`` / ``"same"``; ``stride`` an int or
    ``(s_h, s_w)``. Along each axis ``o = floor((n - k + p + s) / s)`` with ``p`` the TOTAL
    padding of that axis (both sides). Returns a tuple of two Python ints.
    Raises ValueError for sizes below 1, negative padding, a stride below 1, or a kernel
    larger than the padded input.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def correlate2d(X, K, padding=0, stride=1):
    """2-D cross-correlation of ``X`` (n_h, n_w) with ``K`` (k_h, k_w), zero padding, stride.

    ``Y[i, j] = sum(Xpad[i*s_h : i*s_h + k_h, j*s_w : j*s_w + k_w] * K)`` where ``Xpad`` is
    ``X`` zero-padded as ``padding`` says; the shape is :func:`output_shape`'s. Only the
    strided outputs are computed. ``padding=0, stride=1`` is stage 1's valid correlation.
    Integer inputs give float64; float32 inputs keep float32.
    Raises ValueError if ``X`` or ``K`` is not 2-D, ``K`` is empty, the padding or stride is
    invalid, or the kernel is larger than the padded input.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def apply_filter(image, name):
    """Filter ``image`` with the lecture's 3×3 kernel ``FILTERS[name]``, "same" zero padding.

    ``image`` is grayscale ``(H, W)`` or colour ``(H, W, C)``; a colour image is filtered
    channel by channel. The result has the image's shape, is not clipped, and is float64 for
    integer images (e.g. uint8) while float32 images stay float32.
    Raises ValueError for an unknown ``name`` or an image that is not 2-D or 3-D or is empty.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")


def receptive_field(layers):
    """Receptive-field width (in input pixels) of one output of a stack of layers.

    ``layers`` is a sequence of ``(kernel, stride)`` pairs of positive ints, first layer
    first. The width is ``r = 1 + sum_i (k_i - 1) * prod_{j<i} s_j``: ``l`` stride-1 layers
    of width ``k`` see ``1 + l*(k - 1)`` pixels. An empty stack sees 1 pixel. Padding does
    not change it. Returns a Python int; raises ValueError for a malformed layer.
    """
    raise NotImplementedError("TODO: implement this function (see the handout)")
