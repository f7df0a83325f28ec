"""Pairs read as (width, height): pool_size, stride and padding are applied to the wrong axes.

Where real code does this: OpenCV and PIL give sizes as (width, height) (``cv2.resize(img,
(w, h))``, ``Image.size``); a student used to them unpacks ``k_w, k_h = pool_size`` while
NumPy's shape (and PyTorch's ``kernel_size``) is (rows, columns). Square windows hide it.
"""

BREAKS = "pool2d"
LOSES = [
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_default_stride",
    "test_strides_and_windows",
    "test_argument_types",
    "test_pool2d_errors",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
]
HINT = "(rows, columns)"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k_w, k_h = _pair("pool_size", pool_size, 1)  # (width, height)
    s_w, s_h = (k_w, k_h) if stride is None else _pair("stride", stride, 1)
    p_w, p_h = _pair("padding", padding, 0)
    if p_h > k_h // 2 or p_w > k_w // 2:
        raise ValueError("padding must be at most half the window")
    H, W = X.shape[-2:]
    if k_h > H + 2 * p_h or k_w > W + 2 * p_w:
        raise ValueError("the window is larger than the padded input")
    o_h = (H + 2 * p_h - k_h) // s_h + 1
    o_w = (W + 2 * p_w - k_w) // s_w + 1
    widths = [(0, 0)] * (X.ndim - 2) + [(p_h, p_h), (p_w, p_w)]
    if mode == "max":
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
        Xp = np.pad(X, widths, constant_values=fill)
    else:
        Xp = np.pad(X.astype(_float_dtype(X)), widths)
    Y = None
    for a in range(k_h):
        for b in range(k_w):
            cell = Xp[..., a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        Y /= k_h * k_w
    return Y
