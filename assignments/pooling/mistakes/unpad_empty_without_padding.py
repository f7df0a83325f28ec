"""Backward strips the padding with dX[..., p:-p, p:-p], which is empty when p = 0.

Where real code does this: CS231n-style ``dx = dx_pad[:, :, pad:-pad, pad:-pad]``; with
``pad = 0`` the slice ``0:-0`` is ``0:0`` and the gradient has no rows or columns.
"""

BREAKS = "pool2d_backward"
LOSES = [
    "test_backward_example",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_shared_maximum",
    "test_backward_max_ties",
    "test_backward_leading_axes",
    "test_backward_integer_input",
]
HINT = "p:-p"


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    Y = pool2d(X, pool_size, stride, padding, mode)  # validates the arguments
    X, dY = np.asarray(X), np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have shape {Y.shape}, got {dY.shape}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    o_h, o_w = Y.shape[-2:]
    widths = [(0, 0)] * (X.ndim - 2) + [(p_h, p_h), (p_w, p_w)]
    Xp = np.pad(X.astype(float), widths, constant_values=-np.inf)
    dXp = np.zeros(Xp.shape, np.result_type(X, dY, 1.0))
    free = np.ones(Y.shape, bool)  # windows whose maximum is not found yet
    for a in range(k_h):
        for b in range(k_w):
            at = (
                ...,
                slice(a, a + s_h * (o_h - 1) + 1, s_h),
                slice(b, b + s_w * (o_w - 1) + 1, s_w),
            )
            if mode == "max":
                hit = (Xp[at] == Y) & free
                free &= ~hit
                dXp[at] += np.where(hit, dY, 0)
            else:
                dXp[at] += dY / (k_h * k_w)
    return dXp[..., p_h:-p_h, p_w:-p_w]
