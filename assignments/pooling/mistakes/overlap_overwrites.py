"""Backward writes each window's gradient with = instead of adding it (+=).

Where real code does this: naive loops ``dX[..., r:r+k, c:c+k] = mask * dY[..., i, j]``:
correct while the windows tile the input (stride = pool size, the default), but when they
overlap each window overwrites what the previous ones gave to the shared cells.
"""

BREAKS = "pool2d_backward"
LOSES = [
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_shared_maximum",
    "test_backward_max_ties",
]
HINT = "use +=, not ="


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    Y = pool2d(X, pool_size, stride, padding, mode)  # validates the arguments
    X, dY = np.asarray(X), np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have shape {Y.shape}, got {dY.shape}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    H, W = X.shape[-2:]
    o_h, o_w = Y.shape[-2:]
    widths = [(0, 0)] * (X.ndim - 2) + [(p_h, p_h), (p_w, p_w)]
    dXp = np.zeros((*X.shape[:-2], H + 2 * p_h, W + 2 * p_w), np.result_type(X, dY, 1.0))
    Xp = np.pad(X.astype(float), widths, constant_values=-np.inf)
    for i in range(o_h):
        for j in range(o_w):
            r, c = i * s_h, j * s_w
            window = Xp[..., r : r + k_h, c : c + k_w]
            if mode == "max":
                first = window.reshape(*window.shape[:-2], -1).argmax(axis=-1)
                mask = (np.arange(k_h * k_w) == first[..., None]).reshape(window.shape)
                dXp[..., r : r + k_h, c : c + k_w] = mask * dY[..., i, j, None, None]
            else:
                dXp[..., r : r + k_h, c : c + k_w] = dY[..., i, j, None, None] / (k_h * k_w)
    return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
