"""Average pooling sums in the input's dtype: uint8 sums wrap around past 255.

Where real code does this: an accumulator made with ``np.zeros_like(...)`` or
``np.zeros(shape, X.dtype)`` and only the final division in floating point; on 8-bit images
a 2x2 window of values near 250 sums to more than 255 and wraps (1000 becomes 232).
"""

BREAKS = "pool2d"
LOSES = ["test_avg_integer_dtypes"]
HINT = "wraps around past 255"


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
    fill = 0
    if mode == "max":
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
    Xp = np.pad(X, widths, constant_values=fill)
    if mode == "max":
        Y = np.full((*X.shape[:-2], o_h, o_w), fill, dtype=X.dtype)
    else:
        Y = np.zeros((*X.shape[:-2], o_h, o_w), dtype=X.dtype)  # the sum, in X's dtype
    for a in range(k_h):
        for b in range(k_w):
            cell = Xp[..., a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
            if mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        return Y / (k_h * k_w)
    return Y
