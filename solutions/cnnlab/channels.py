"""Stage 3: convolutions with several input and output channels, batched.

Array layout follows PyTorch: a batch of images is ``(n, c, h, w)`` ("NCHW"), a bank of
kernels is ``(c_o, c_i, k_h, k_w)``. Every function takes NumPy arrays (or nested lists),
never modifies its inputs and returns new arrays that share no memory with them.

Result dtype: integer (or boolean) inputs give float64; float32 inputs stay float32 and
float64 stays float64; a mix follows NumPy's promotion (float32 with float64 gives float64).
"""

from __future__ import annotations

import numpy as np

# --- argument checking (shared by all functions; you may use these as they are) -----------


def _as_array(name, value, ndim, layout):
    """``value`` as an array of real numbers with ``ndim`` axes, or a clear ValueError."""
    array = np.asarray(value)
    if array.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if array.ndim != ndim:
        raise ValueError(
            f"{name} must be a {ndim}-D array {layout}, got {array.ndim}-D with shape {array.shape}"
        )
    return array


def _result_dtype(*arrays):
    """The dtype of the result: NumPy's promotion, with integers (and bools) → float64."""
    dtype = np.result_type(*arrays)
    return np.dtype(np.float64) if dtype.kind in "biu" else dtype


def _pair(name, value, minimum):
    """``stride`` / ``padding`` as ``(for height, for width)`` from an int or a pair of ints."""
    items = value if isinstance(value, tuple | list) and len(value) == 2 else (value, value)
    if not all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in items):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    pair = (int(items[0]), int(items[1]))
    if min(pair) < minimum:
        raise ValueError(f"{name} must be at least {minimum} on both axes, got {value!r}")
    return pair


def _check_multi(X, K, k_ndim, k_layout):
    """Check a (c_i, h, w) input against a kernel whose input-channel axis is ``k_ndim - 3``."""
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = _as_array("K", K, k_ndim, k_layout)
    c_axis = k_ndim - 3
    if K.shape[c_axis] != X.shape[0]:
        raise ValueError(
            f"X has {X.shape[0]} channels but K has {K.shape[c_axis]} input channels "
            f"(X shape {X.shape}, K shape {K.shape}): they must match"
        )
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    if K.shape[-2] > X.shape[1] or K.shape[-1] > X.shape[2]:
        raise ValueError(f"the kernel {K.shape[-2:]} is larger than the input {X.shape[1:]}")
    return X, K


def _conv_args(X, W, stride, padding):
    """Check conv2d's arguments; return ``X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w)``."""
    X = _as_array("X", X, 4, "(batch, channels, height, width)")
    W = _as_array("W", W, 4, "(out_channels, in_channels, k_h, k_w)")
    if W.shape[1] != X.shape[1]:
        raise ValueError(
            f"X has {X.shape[1]} channels but W expects {W.shape[1]} input channels "
            f"(X shape {X.shape}, W shape {W.shape}): W[o, c] must pair with X[:, c]"
        )
    if W.size == 0:
        raise ValueError(f"the kernel bank W must not be empty, got shape {W.shape}")
    s_h, s_w = _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    padded = (X.shape[2] + 2 * p_h, X.shape[3] + 2 * p_w)
    k_h, k_w = W.shape[2:]
    if k_h > padded[0] or k_w > padded[1]:
        raise ValueError(
            f"the kernel ({k_h}, {k_w}) is larger than the padded input {padded} "
            f"(input {X.shape[2:]}, padding {(p_h, p_w)} on each side)"
        )
    o_h, o_w = (padded[0] - k_h) // s_h + 1, (padded[1] - k_w) // s_w + 1
    return X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w)


# --- the stage's functions ------------------------------------------------------------------


def correlate2d_multi_in(X, K):
    """Cross-correlation of a multi-channel input with a multi-channel kernel.

    ``X`` is (c_i, h, w) and ``K`` is (c_i, k_h, k_w). Channel ``c`` of ``X`` is correlated
    with channel ``c`` of ``K`` and the c_i results are *added*, giving one
    (h - k_h + 1, w - k_w + 1) output. Raises ValueError for wrong numbers of axes, a
    channel mismatch, or a kernel larger than the input.
    """
    # BEGIN SOLUTION
    X, K = _check_multi(X, K, 3, "(channels, k_h, k_w)")
    return conv2d(X[None], K[None])[0, 0]
    # END SOLUTION


def correlate2d_multi_in_out(X, K):
    """One multi-input correlation per output channel, stacked.

    ``X`` is (c_i, h, w) and ``K`` is (c_o, c_i, k_h, k_w); output channel ``o`` is
    ``correlate2d_multi_in(X, K[o])``, so the result is (c_o, h - k_h + 1, w - k_w + 1).
    Same errors as :func:`correlate2d_multi_in`.
    """
    # BEGIN SOLUTION
    X, K = _check_multi(X, K, 4, "(out_channels, in_channels, k_h, k_w)")
    return conv2d(X[None], K)[0]
    # END SOLUTION


def correlate2d_1x1(X, K):
    """A 1×1 convolution as a single matrix product.

    ``X`` is (c_i, h, w); ``K`` is (c_o, c_i) or (c_o, c_i, 1, 1). Every pixel's channel
    vector is multiplied by the (c_o, c_i) matrix, giving (c_o, h, w); the result equals
    ``correlate2d_multi_in_out(X, K.reshape(c_o, c_i, 1, 1))`` up to rounding. Raises
    ValueError for a kernel of another shape or a channel mismatch.
    """
    # BEGIN SOLUTION
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    K = _as_array("K", K, 2, "(out_channels, in_channels) or (out_channels, in_channels, 1, 1)")
    c_i, h, w = X.shape
    if K.shape[1] != c_i:
        raise ValueError(
            f"X has {c_i} channels but K has {K.shape[1]} input channels "
            f"(X shape {X.shape}, K shape {K.shape}): they must match"
        )
    dtype = _result_dtype(X, K)
    # (c_o, c_i) @ (c_i, h*w): column j of the right-hand side is pixel j's channel vector
    Y = K.astype(dtype, copy=False) @ X.astype(dtype, copy=False).reshape(c_i, h * w)
    return Y.reshape(K.shape[0], h, w)
    # END SOLUTION


def conv2d(X, W, b=None, stride=1, padding=0):
    """Batched 2-D convolution layer (cross-correlation), like ``torch.nn.functional.conv2d``.

    ``X`` is (n, c_i, h, w), ``W`` is (c_o, c_i, k_h, k_w), ``b`` is None or (c_o,).
    ``stride`` and ``padding`` are an int or a pair ``(for height, for width)``; ``padding``
    adds that many zeros on *each* side. The result has shape (n, c_o, o_h, o_w) with
    ``o_h = (h + 2 * p_h - k_h) // s_h + 1`` (likewise ``o_w``) and
    ``Y[i, o] = sum over c of correlate(pad(X[i, c]), W[o, c])[::s_h, ::s_w] + b[o]``.
    Raises ValueError for wrong numbers of axes, a channel mismatch, a bias of the wrong
    shape, a stride below 1 or negative padding, or a kernel larger than the padded input.
    """
    # BEGIN SOLUTION
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    extra = ()
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(
                f"b must have one entry per output channel ({W.shape[0]}), got {b.shape}"
            )
        extra = (b,)
    dtype = _result_dtype(X, W, *extra)
    n, c_i, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    L = o_h * o_w

    def span(offset, stride, pad, size, count):
        """Outputs [lo, hi) whose input index stride*i + offset - pad is inside the image,
        and the input index of the first one (the others read padding zeros)."""
        lo = max(0, -((offset - pad) // stride))
        hi = max(lo, min(count, (size - 1 + pad - offset) // stride + 1))
        return lo, hi, stride * lo + offset - pad

    # im2col: copy the input windows into the columns of a (c_i*k_h*k_w, o_h*o_w) matrix per
    # image, so that one BLAS product with W as a (c_o, c_i*k_h*k_w) matrix does all the
    # multiply-adds. Output pixel (i, j) reads padded pixel (s_h*i + a, s_w*j + b) for kernel
    # offset (a, b), so one strided slice per offset copies that offset for every pixel.
    # Entries that fall into the padding are never written: the buffers start as zeros.
    # A few images at a time (about 512 KB of windows): the buffers stay in cache, are
    # reused, and the memory used stays small.
    chunk = max(1, min(n, (512 << 10) // (c_i * k_h * k_w * L * dtype.itemsize)))
    Y = np.empty((n, c_o, L), dtype)
    cols = np.zeros((chunk, c_i, k_h, k_w, o_h, o_w), dtype)
    matrix = cols.reshape(chunk, c_i * k_h * k_w, L)
    if s_h == 1:  # see below
        shifted = np.zeros((chunk, c_i, k_w, h + 2 * p_h, o_w), dtype)
    W = W.astype(dtype, copy=False).reshape(c_o, c_i * k_h * k_w)
    bias = None if b is None else b.astype(dtype, copy=False)[:, None]
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        images = X[start : start + m]
        if s_h == 1:
            # k_h*k_w slices of width o_w are slow to copy when the images are small. Copy
            # the k_w column shifts first (all padded rows): the rows of kernel row a are then
            # one contiguous block of o_h*o_w values, copied at memory speed.
            for bb in range(k_w):
                lo, hi, x0 = span(bb, s_w, p_w, w, o_w)
                shifted[:m, :, bb, p_h : p_h + h, lo:hi] = images[
                    ..., x0 : x0 + s_w * (hi - lo) : s_w
                ]
            for a in range(k_h):
                cols[:m, :, a] = shifted[:m, :, :, a : a + o_h]
        else:
            for a in range(k_h):
                top, bottom, y0 = span(a, s_h, p_h, h, o_h)
                for bb in range(k_w):
                    lo, hi, x0 = span(bb, s_w, p_w, w, o_w)
                    cols[:m, :, a, bb, top:bottom, lo:hi] = images[
                        :, :, y0 : y0 + s_h * (bottom - top) : s_h, x0 : x0 + s_w * (hi - lo) : s_w
                    ]
        out = Y[start : start + m]
        np.matmul(W, matrix[:m], out=out)
        if bias is not None:
            out += bias
    return Y.reshape(n, c_o, o_h, o_w)
    # END SOLUTION


def conv2d_backward(X, W, dY, stride=1, padding=0):
    """Gradients of ``L = sum(dY * conv2d(X, W, b, stride, padding))``.

    Returns ``(dX, dW, db)`` with the shapes of ``X`` (n, c_i, h, w), ``W``
    (c_o, c_i, k_h, k_w) and ``b`` (c_o,); ``dY`` has the output's shape (n, c_o, o_h, o_w).
    The bias does not change any gradient, so it is not an argument. Raises ValueError for
    the errors of :func:`conv2d` and for a ``dY`` of the wrong shape.
    """
    # BEGIN SOLUTION
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n, c_i, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    dY = dY.astype(dtype, copy=False)
    Xp = np.zeros((n, c_i, h + 2 * p_h, w + 2 * p_w), dtype)
    Xp[:, :, p_h : p_h + h, p_w : p_w + w] = X
    last_h, last_w = s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]  # (n, c_i, o_h, o_w, k_h, k_w)
    # dW[o, c, a, b] = sum over images and pixels of dY[i, o, y, x] * Xp[i, c, s*y + a, s*x + b]
    dW = np.tensordot(dY, windows, axes=([0, 2, 3], [0, 2, 3]))
    db = dY.sum(axis=(0, 2, 3))
    # Every output pixel sends dY * W back to the window it read: col2im of W^T dY.
    dcols = np.matmul(
        W.astype(dtype, copy=False).reshape(c_o, -1).T, dY.reshape(n, c_o, o_h * o_w)
    ).reshape(n, c_i, k_h, k_w, o_h, o_w)
    dXp = np.zeros_like(Xp)
    for a in range(k_h):
        for bb in range(k_w):
            dXp[:, :, a : a + last_h : s_h, bb : bb + last_w : s_w] += dcols[:, :, a, bb]
    dX = dXp[:, :, p_h : p_h + h, p_w : p_w + w].copy() if (p_h or p_w) else dXp
    return dX, dW, db
    # END SOLUTION
