"""stride=None is read as stride 1 (a convolution's default), not as the window size.

Where real code does this: pooling written by adapting a convolution layer, which slides one
pixel at a time by default (``nn.Conv2d(stride=1)``); the windows then overlap and the output
is almost as large as the input, where ``nn.MaxPool2d(2)`` halves it.
"""

BREAKS = "pool2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_max_pool_example",
    "test_avg_pool_example",
    "test_output_shape",
    "test_leading_axes_kept",
    "test_max_keeps_dtype",
    "test_hidden_examples",
    "test_default_stride",
    "test_avg_integer_dtypes",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_max_ties",
    "test_backward_leading_axes",
    "test_backward_integer_input",
    "test_pool2d_speed",
]
HINT = "stride = pool_size"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    if stride is None:
        stride = 1  # slide one pixel at a time, as a convolution does
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
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
    cells = [
        Xp[..., a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
        for a in range(k_h)
        for b in range(k_w)
    ]
    if mode == "max":
        return np.max(np.stack(cells), axis=0)
    return np.mean(np.stack(cells), axis=0)
