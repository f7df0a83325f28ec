"""Max backward gives the full gradient to every cell equal to the window's maximum.

Where real code does this: the mask trick ``mask = (X == np.repeat(np.repeat(Y, 2, -2), 2,
-1))`` of numpy CNN blog posts, and ``dX += (window == window.max()) * dY`` in naive loops:
with tied maxima the gradient is counted several times (PyTorch gives it to the first).
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_max_ties"]
HINT = "never to all of them"


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
    for a in range(k_h):
        for b in range(k_w):
            at = (
                ...,
                slice(a, a + s_h * (o_h - 1) + 1, s_h),
                slice(b, b + s_w * (o_w - 1) + 1, s_w),
            )
            if mode == "max":
                dXp[at] += (Xp[at] == Y) * dY  # every cell holding the maximum
            else:
                dXp[at] += dY / (k_h * k_w)
    return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
