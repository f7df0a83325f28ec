"""No check that the padding is at most half the window: too much padding is accepted.

Where real code does this: numpy pooling layers that validate the window and the stride but
not the padding (PyTorch raises "pad should be at most half of effective kernel size"); a
window that then lies entirely in the padding returns -inf (max) or 0 (avg) silently.
"""

BREAKS = "pool2d"
LOSES = ["test_rejects_bad_arguments", "test_pool2d_errors"]
HINT = "more than half"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
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
