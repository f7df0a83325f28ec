"""Average pooling divides by the number of real cells, not by k_h * k_w.

Where real code does this: TensorFlow's ``tf.nn.avg_pool`` / Keras ``AveragePooling2D`` with
``padding="same"`` leave padded cells out of the count (PyTorch's ``count_include_pad=False``);
ports of TF code, and students who reason that "padding is not data", divide by the count of
real cells.
"""

BREAKS = "pool2d"
LOSES = [
    "test_avg_counts_padding",
    "test_strides_and_windows",
    "test_avg_integer_dtypes",
    "test_float32_stays_float32",
]
HINT = "count_include_pad"


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
    widths = [(0, 0)] * (X.ndim - 2) + [(p_h, p_h), (p_w, p_w)]
    if mode == "max":
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
        Xp = np.pad(X, widths, constant_values=fill)
    else:
        Xp = np.pad(X.astype(_float_dtype(X)), widths)
        real = np.pad(np.ones((H, W), Xp.dtype), widths[-2:])  # 1 on input cells, 0 on padding
    Y = count = None
    for a in range(k_h):
        for b in range(k_w):
            rows = slice(a, a + s_h * (o_h - 1) + 1, s_h)
            cols = slice(b, b + s_w * (o_w - 1) + 1, s_w)
            cell = Xp[..., rows, cols]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
            if mode == "avg":
                count = real[rows, cols].copy() if count is None else count + real[rows, cols]
    if mode == "avg":
        Y /= count  # only the cells of the input are averaged
    return Y
