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
    # BEGIN SOLUTION
    X = _as_array(X)
    if mode not in MODES:
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k = _pair("pool_size", pool_size, 1)
    s = k if stride is None else _pair("stride", stride, 1)
    p = _pair("padding", padding, 0)
    if p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise ValueError(
            f"padding {p} is more than half the window {k}: "
            "each side may be padded by at most pool_size // 2"
        )
    H, W = X.shape[-2:]
    if k[0] > H + 2 * p[0] or k[1] > W + 2 * p[1]:
        raise ValueError(
            f"the window {k} is larger than the padded input "
            f"{(H + 2 * p[0], W + 2 * p[1])} (input {(H, W)}, padding {p})"
        )
    o_h, o_w = (H + 2 * p[0] - k[0]) // s[0] + 1, (W + 2 * p[1] - k[1]) // s[1] + 1

    if mode == "max":
        dtype = work = X.dtype
        combine = np.maximum
        # What padding holds: a value no input cell is below, so padding never wins.
        if X.dtype.kind == "f":
            fill = -np.inf
        elif X.dtype.kind == "b":
            fill = False
        else:
            fill = np.iinfo(X.dtype).min
    else:
        dtype = _float_dtype(X)
        work = np.dtype(np.float32) if dtype == np.float16 else dtype  # sum halves in single
        combine, fill = np.add, 0  # summing in a float dtype: no overflow, no truncation

    def reduce_axis(src, dst, axis, k, s, p):
        """dst[i] = combine over a < k of src[i*s + a - p] along ``axis`` (-2 or -1).

        Each window offset ``a`` is one whole-array operation. Padding is never built:
        offset ``a`` only touches the outputs whose cell ``a`` lies inside ``src``.
        """
        n_in, n_out = src.shape[axis], dst.shape[axis]
        at = (slice(None),) * (src.ndim + axis)  # index prefix that reaches ``axis``
        spans = []  # (first, last, a): outputs first..last-1 have their cell a inside src
        for a in range(k):
            first = max(0, -(-(p - a) // s))
            last = min(n_out, (n_in - 1 + p - a) // s + 1)
            if last > first:
                spans.append((first, last, a))
        # An offset inside the input for every output initialises dst by copying; without
        # one (only when padding is exactly half an even window), start from the padding.
        full = [span for span in spans if span[:2] == (0, n_out)]
        started = not full
        if full:
            spans.remove(full[0])
            spans.insert(0, full[0])
        else:
            dst[...] = fill
        for first, last, a in spans:
            start = first * s + a - p
            part = src[(*at, slice(start, start + (last - first - 1) * s + 1, s))]
            out = dst[(*at, slice(first, last))]
            if started:
                combine(out, part, out=out)
            else:
                np.copyto(out, part)  # the first offset initialises (and copies)
                started = True

    # Pooling is separable: a k_h × k_w window's max (or sum) is the max (sum) over k_w
    # columns of the max (sum) over k_h rows. Rows first: those passes read whole rows.
    X3 = X.reshape(-1, H, W)
    n = X3.shape[0]
    Y3 = np.empty((n, o_h, o_w), work)
    # Work on a few MiB of images at a time so the intermediate stays in the cache.
    chunk = max(1, (1 << 21) // (H * W * X.itemsize))
    T = np.empty((min(chunk, n), o_h, W), work)
    for start in range(0, n, chunk):
        Xc = X3[start : start + chunk]
        Tc = T[: Xc.shape[0]]
        reduce_axis(Xc, Tc, -2, k[0], s[0], p[0])
        reduce_axis(Tc, Y3[start : start + chunk], -1, k[1], s[1], p[1])
    if mode == "avg":
        Y3 *= 1.0 / (k[0] * k[1])
    return Y3.reshape(*X.shape[:-2], o_h, o_w).astype(dtype, copy=False)
    # END SOLUTION


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
    # BEGIN SOLUTION
    Y = pool2d(X, pool_size, stride, padding, mode)  # also validates every argument
    X = np.asarray(X)
    k = _pair("pool_size", pool_size, 1)
    s = k if stride is None else _pair("stride", stride, 1)
    p = _pair("padding", padding, 0)
    dY = np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have the output's shape {Y.shape}, got {dY.shape}")
    if dY.dtype.kind not in "biuf":
        raise ValueError(f"dY must hold real numbers, got dtype {dY.dtype}")
    H, W = X.shape[-2:]
    o_h, o_w = Y.shape[-2:]
    padded_shape = (*X.shape[:-2], H + 2 * p[0], W + 2 * p[1])

    def window(A, a, b):
        """The cells at offset (a, b) of every window of padded ``A``: shape (..., o_h, o_w)."""
        return A[..., a : a + s[0] * (o_h - 1) + 1 : s[0], b : b + s[1] * (o_w - 1) + 1 : s[1]]

    dA = np.zeros(padded_shape, _float_dtype(X, dY))
    if mode == "avg":
        share = dY / (k[0] * k[1])
        for a in range(k[0]):
            for b in range(k[1]):
                window(dA, a, b)[...] += share  # within one offset no cell repeats
    else:
        A = np.zeros(padded_shape, X.dtype)
        A[..., p[0] : p[0] + H, p[1] : p[1] + W] = X
        inside = np.zeros(padded_shape[-2:], bool)  # input cells, not padding
        inside[p[0] : p[0] + H, p[1] : p[1] + W] = True
        nan_max = np.isnan(Y) if X.dtype.kind == "f" else np.zeros(Y.shape, bool)
        unclaimed = np.ones(Y.shape, bool)  # outputs whose maximum is not found yet
        for a in range(k[0]):  # row-major over the window: the first maximum wins
            for b in range(k[1]):
                cells = window(A, a, b)
                hit = (cells == Y) | (nan_max & (cells != cells))  # a NaN is the max
                hit &= window(inside, a, b) & unclaimed
                unclaimed &= ~hit
                window(dA, a, b)[...] += np.where(hit, dY, 0)
    return dA[..., p[0] : p[0] + H, p[1] : p[1] + W].copy()
    # END SOLUTION
