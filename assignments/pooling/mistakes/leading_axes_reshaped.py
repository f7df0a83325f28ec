"""Leading axes moved to the end for the pooling, then put back with reshape, not moveaxis.

Where real code does this: channels-last numpy code (``X.transpose(1, 2, 0)``, Keras's
``(H, W, C)`` habit) pools ``X`` laid out as ``(H, W, N*C)`` so every window slice covers all
images at once, then returns ``Y.reshape(N, C, o_h, o_w)``: the shape is right but the values
of different images and channels are interleaved. One 2-D image is not affected.
"""

BREAKS = "pool2d"
LOSES = [
    "test_leading_axes_kept",
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_leading_axes_kept_hidden",
    "test_strides_and_windows",
    "test_max_integer_dtypes",
    "test_avg_integer_dtypes",
    "test_float32_stays_float32",
    "test_non_contiguous_inputs",
    "test_backward_max_numerical",
    "test_backward_max_ties",
    "test_backward_leading_axes",
]
HINT = "np.moveaxis"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    if p_h > k_h // 2 or p_w > k_w // 2:
        raise ValueError("padding must be at most half the window")
    *lead, H, W = X.shape
    if k_h > H + 2 * p_h or k_w > W + 2 * p_w:
        raise ValueError("the window is larger than the padded input")
    o_h = (H + 2 * p_h - k_h) // s_h + 1
    o_w = (W + 2 * p_w - k_w) // s_w + 1
    Xc = np.moveaxis(X.reshape(-1, H, W), 0, -1)  # (H, W, images): channels last
    widths = [(p_h, p_h), (p_w, p_w), (0, 0)]
    if mode == "max":
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
        Xp = np.pad(Xc, widths, constant_values=fill)
    else:
        Xp = np.pad(Xc.astype(_float_dtype(X)), widths)
    Y = None
    for a in range(k_h):
        for b in range(k_w):
            cell = Xp[a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        Y /= k_h * k_w
    return Y.reshape(*lead, o_h, o_w)  # should move the image axis back to the front first
