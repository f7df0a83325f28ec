"""Max backward keeps the last maximum of a tied window (>= where > is needed).

Where real code does this: a running argmax over the window written ``if v >= best`` (or
``np.where(cells >= best, ...)``): among equal values the last one, in row-major order,
wins, where PyTorch's max_pool2d (and the reference) keep the first.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_max_ties"]
HINT = "first of them"


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
    offsets = [(a, b) for a in range(k_h) for b in range(k_w)]

    def at(a, b):
        return (..., slice(a, a + s_h * (o_h - 1) + 1, s_h), slice(b, b + s_w * (o_w - 1) + 1, s_w))

    if mode == "avg":
        for a, b in offsets:
            dXp[at(a, b)] += dY / (k_h * k_w)
        return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
    Xp = np.pad(X.astype(float), widths, constant_values=-np.inf)
    best = np.full(Y.shape, -np.inf)
    where = np.zeros(Y.shape, int)  # which offset holds each window's maximum
    for index, (a, b) in enumerate(offsets):
        better = Xp[at(a, b)] >= best
        best = np.where(better, Xp[at(a, b)], best)
        where = np.where(better, index, where)
    for index, (a, b) in enumerate(offsets):
        dXp[at(a, b)] += np.where(where == index, dY, 0)
    return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
