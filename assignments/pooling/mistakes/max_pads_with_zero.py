"""Max pooling pads with zeros: np.pad's default constant is used for both modes.

Where real code does this: numpy pooling layers that share one ``np.pad(X, ...)`` call
between max and average pooling (the default ``constant_values=0``); on inputs that are all
negative near the border, a padded 0 becomes the window's maximum.
"""

from numpy.lib.stride_tricks import sliding_window_view

BREAKS = "pool2d"
LOSES = [
    "test_max_padding_negative_inputs",
    "test_max_integer_dtypes",
    "test_strides_and_windows",
    "test_argument_types",
    "test_non_contiguous_inputs",
]
HINT = "pads with -inf"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    if p_h > k_h // 2 or p_w > k_w // 2:
        raise ValueError("padding must be at most half the window")
    H, W = X.shape[-2:]
    if k_h > H + 2 * p_h or k_w > W + 2 * p_w:
        raise ValueError("the window is larger than the padded input")
    o_h = (H + 2 * p_h - k_h) // s_h + 1
    o_w = (W + 2 * p_w - k_w) // s_w + 1
    if mode == "avg" and X.dtype.kind != "f":
        X = X.astype(np.float64)
    Xp = np.pad(X, [(0, 0)] * (X.ndim - 2) + [(p_h, p_h), (p_w, p_w)])
    windows = sliding_window_view(Xp, (k_h, k_w), axis=(-2, -1))
    windows = windows[..., ::s_h, ::s_w, :, :][..., :o_h, :o_w, :, :]
    if mode == "max":
        return windows.max(axis=(-2, -1))
    return windows.mean(axis=(-2, -1))
