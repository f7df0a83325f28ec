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
    # BEGIN SOLUTION
    if isinstance(padding, str):
        if padding == "valid":
            return (0, 0), (0, 0)
        if padding == "same":
            if kernel_hw is None:
                raise ValueError('padding="same" needs a kernel; give the sizes explicitly')
            # total k - 1 per axis; an even kernel's extra row/column goes bottom/right
            k_h, k_w = kernel_hw
            return ((k_h - 1) // 2, k_h // 2), ((k_w - 1) // 2, k_w // 2)
        raise ValueError(f'padding must be an int, a pair, "valid" or "same", got {padding!r}')
    sequence = tuple | list | np.ndarray
    nested = isinstance(padding, sequence) and any(isinstance(p, sequence) for p in padding)
    if nested:  # ((top, bottom), (left, right))
        if len(padding) != 2 or not all(isinstance(p, sequence) and len(p) == 2 for p in padding):
            raise ValueError(f"padding must be ((top, bottom), (left, right)), got {padding!r}")
        return _pair("padding[0]", padding[0], 0), _pair("padding[1]", padding[1], 0)
    p_h, p_w = _pair("padding", padding, 0)
    return (p_h, p_h), (p_w, p_w)
    # END SOLUTION


def pad2d(X, padding, value=0.0):
    """Pad the LAST TWO axes of ``X`` (shape ``(..., H, W)``) with ``value``.

    ``padding`` is an int, ``(p_h, p_w)`` per side, or ``((top, bottom), (left, right))``.
    Returns a new array of shape ``(..., top + H + bottom, left + W + right)`` with ``X``'s
    dtype (padding 0 still returns a copy); leading axes are left alone.
    Raises ValueError if ``X`` has fewer than 2 dimensions, a padding is negative or not an
    integer, or ``value`` cannot be stored in ``X``'s dtype (e.g. -inf or 0.5 for an integer
    ``X``).
    """
    # BEGIN SOLUTION
    X = _real_array("X", X, 2)
    (top, bottom), (left, right) = _padding_sides(padding)
    fill = np.asarray(value)
    if fill.ndim != 0 or fill.dtype.kind not in "biuf":
        raise ValueError(f"value must be a real number, got {value!r}")
    with np.errstate(invalid="ignore", over="ignore"):
        cast = fill.astype(X.dtype)
    if X.dtype.kind in "biu" and not (np.isfinite(fill) and cast == fill):
        raise ValueError(f"value {value!r} cannot be stored in an array of dtype {X.dtype}")
    H, W = X.shape[-2:]
    out = np.empty((*X.shape[:-2], top + H + bottom, left + W + right), X.dtype)
    out[..., :top, :] = cast
    out[..., top + H :, :] = cast
    if W < 32 and (left or right):  # short rows: one contiguous fill beats two thin strips
        out[..., top : top + H, :] = cast
    else:  # long rows: fill only the side strips, so every element is written once
        out[..., top : top + H, :left] = cast
        out[..., top : top + H, left + W :] = cast
    out[..., top : top + H, left : left + W] = X
    return out
    # END SOLUTION


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    """Output shape ``(o_h, o_w)`` of a strided, padded correlation.

    ``input_hw = (n_h, n_w)`` and ``kernel_hw = (k_h, k_w)`` (an int means a square);
    ``padding`` as in :func:`pad2d` or ``"valid"`` / ``"same"``; ``stride`` an int or
    ``(s_h, s_w)``. Along each axis ``o = floor((n - k + p + s) / s)`` with ``p`` the TOTAL
    padding of that axis (both sides). Returns a tuple of two Python ints.
    Raises ValueError for sizes below 1, negative padding, a stride below 1, or a kernel
    larger than the padded input.
    """
    # BEGIN SOLUTION
    n_hw = _pair("input_hw", input_hw, 1)
    k_hw = _pair("kernel_hw", kernel_hw, 1)
    sides = _padding_sides(padding, k_hw)
    s_hw = _pair("stride", stride, 1)
    out = []
    for axis, n, k, (before, after), s in zip(
        ("height", "width"), n_hw, k_hw, sides, s_hw, strict=True
    ):
        padded = n + before + after
        if k > padded:
            raise ValueError(
                f"the kernel is larger than the padded input along the {axis}: "
                f"kernel {k}, input {n} + padding {before + after} = {padded}"
            )
        out.append((padded - k) // s + 1)  # = floor((n - k + p + s) / s)
    return out[0], out[1]
    # END SOLUTION


def correlate2d(X, K, padding=0, stride=1):
    """2-D cross-correlation of ``X`` (n_h, n_w) with ``K`` (k_h, k_w), zero padding, stride.

    ``Y[i, j] = sum(Xpad[i*s_h : i*s_h + k_h, j*s_w : j*s_w + k_w] * K)`` where ``Xpad`` is
    ``X`` zero-padded as ``padding`` says; the shape is :func:`output_shape`'s. Only the
    strided outputs are computed. ``padding=0, stride=1`` is stage 1's valid correlation.
    Integer inputs give float64; float32 inputs keep float32.
    Raises ValueError if ``X`` or ``K`` is not 2-D, ``K`` is empty, the padding or stride is
    invalid, or the kernel is larger than the padded input.
    """
    # BEGIN SOLUTION
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    sides = _padding_sides(padding, K.shape)
    (top, _), (left, _) = sides
    (s_h, s_w) = _pair("stride", stride, 1)
    o_h, o_w = output_shape(X.shape, K.shape, sides, (s_h, s_w))
    (H, W), dtype = X.shape, _result_dtype(X, K)
    # Xpad (X with the padding) is never built. Each kernel offset (a, b) with a non-zero
    # weight is a "tap": output (i, j) reads Xpad[i*s_h + a, j*s_w + b]. For a block of
    # output rows, every tap's samples (one strided slice of X, zeros where it reads padding)
    # are gathered into one row of a matrix; the block is then one matrix-vector product.
    # Zero weights add nothing to finite inputs and are skipped (apply_filter relies on it).
    taps = [(a, b) for a in range(K.shape[0]) for b in range(K.shape[1]) if K[a, b] != 0]
    Y = np.zeros((o_h, o_w), dtype)
    if not taps:
        return Y
    weights = np.array([K[a, b] for a, b in taps], dtype)

    def inside(offset, step, before, size, n_out):
        """Outputs [lo, hi) whose sample offset + i*step - before lies inside [0, size)."""
        lo = max(0, -((offset - before) // step))
        hi = min(n_out, (size - 1 - offset + before) // step + 1)
        return min(lo, n_out), max(hi, 0)

    columns = {}
    for _, b in taps:
        lo, hi = inside(b, s_w, left, W, o_w)
        start = lo * s_w + b - left
        columns[b] = (lo, hi, slice(start, start + s_w * (hi - lo - 1) + 1, s_w))
    # Blocks of about 256 KiB per tap (at most 32 MiB in all) stay cache-friendly; the 24
    # spare elements per gathered row keep the rows off power-of-two strides, whose cache-set
    # conflicts made the matrix-vector product several times slower.
    per_tap = min(1 << 18, (1 << 25) // len(taps)) // dtype.itemsize
    block_rows = min(o_h, max(1, per_tap // o_w))
    gathered = np.empty((len(taps), block_rows * o_w + 24), dtype)
    for i0 in range(0, o_h, block_rows):
        n = min(o_h, i0 + block_rows) - i0
        block = gathered[:, : n * o_w]
        for t, (a, b) in enumerate(taps):
            row = block[t].reshape(n, o_w)
            lo, hi = inside(a, s_h, top, H, o_h)
            lo, hi = max(lo, i0) - i0, min(hi, i0 + n) - i0
            c_lo, c_hi, cols = columns[b]
            if lo >= hi or c_lo >= c_hi:
                row.fill(0)
                continue
            row[:lo].fill(0)
            row[hi:].fill(0)
            row[lo:hi, :c_lo].fill(0)
            row[lo:hi, c_hi:].fill(0)
            start = (i0 + lo) * s_h + a - top
            rows = X[start : start + s_h * (hi - lo - 1) + 1 : s_h]
            np.copyto(row[lo:hi, c_lo:c_hi], rows[:, cols], casting="unsafe")
        np.matmul(weights, block, out=Y[i0 : i0 + n].reshape(n * o_w))
    return Y
    # END SOLUTION


def apply_filter(image, name):
    """Filter ``image`` with the lecture's 3×3 kernel ``FILTERS[name]``, "same" zero padding.

    ``image`` is grayscale ``(H, W)`` or colour ``(H, W, C)``; a colour image is filtered
    channel by channel. The result has the image's shape, is not clipped, and is float64 for
    integer images (e.g. uint8) while float32 images stay float32.
    Raises ValueError for an unknown ``name`` or an image that is not 2-D or 3-D or is empty.
    """
    # BEGIN SOLUTION
    if not isinstance(name, str) or name not in FILTERS:
        known = ", ".join(sorted(FILTERS))
        raise ValueError(f"unknown filter {name!r}; the filters are: {known}")
    image = _real_array("image", image, 2, 3)
    if image.size == 0:
        raise ValueError(f"the image must not be empty, got shape {image.shape}")
    dtype = _result_dtype(image)
    H, W = image.shape[:2]
    C = image.shape[2] if image.ndim == 3 else 1
    # A colour image is an (H, W*C) grayscale one whose horizontal neighbours are C columns
    # apart: spread the kernel's columns C apart (zeros between, which correlate2d skips)
    # and pad C columns per side, and all channels go through one correlation.
    spread = np.zeros((3, 2 * C + 1), dtype)
    spread[:, ::C] = FILTERS[name]
    Y = correlate2d(image.reshape(H, W * C), spread, ((1, 1), (C, C)), 1)
    return Y.reshape(image.shape)
    # END SOLUTION


def receptive_field(layers):
    """Receptive-field width (in input pixels) of one output of a stack of layers.

    ``layers`` is a sequence of ``(kernel, stride)`` pairs of positive ints, first layer
    first. The width is ``r = 1 + sum_i (k_i - 1) * prod_{j<i} s_j``: ``l`` stride-1 layers
    of width ``k`` see ``1 + l*(k - 1)`` pixels. An empty stack sees 1 pixel. Padding does
    not change it. Returns a Python int; raises ValueError for a malformed layer.
    """
    # BEGIN SOLUTION
    if isinstance(layers, str | bytes) or not hasattr(layers, "__iter__"):
        raise ValueError(f"layers must be a sequence of (kernel, stride) pairs, got {layers!r}")
    width, jump = 1, 1  # jump: input pixels between neighbouring units of the current layer
    for index, layer in enumerate(layers):
        if not isinstance(layer, tuple | list | np.ndarray) or len(layer) != 2:
            raise ValueError(f"layers[{index}] must be a (kernel, stride) pair, got {layer!r}")
        kernel = _int(f"the kernel of layers[{index}]", layer[0], 1)
        stride = _int(f"the stride of layers[{index}]", layer[1], 1)
        width += (kernel - 1) * jump
        jump *= stride
    return width
    # END SOLUTION
