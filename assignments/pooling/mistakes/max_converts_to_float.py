"""Max pooling converts the input to float64 (to pad with -inf) and returns float64.

Where real code does this: ``np.pad(X, ..., constant_values=-np.inf)`` raises OverflowError
on integer arrays, so the student writes ``X.astype(float)`` first; every result is then
float64, so a uint8 image comes back as float64 and float32 activations are upcast.
"""

BREAKS = "pool2d"
LOSES = [
    "test_max_keeps_dtype",
    "test_max_integer_dtypes",
    "test_float32_stays_float32",
]
HINT = "keeps the input's dtype"


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
    fill = -np.inf if mode == "max" else 0.0
    Xp = np.pad(X.astype(float), widths, constant_values=fill)  # -inf needs floats
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
