"""Max backward splits the gradient equally between tied maxima.

Where real code does this: the "fair" subgradient, ``mask = (window == window.max());
dX += mask * dY / mask.sum()``, seen in numpy CNN tutorials; PyTorch (and the reference)
give the whole gradient to the first maximum of the window in row-major order.
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

    def at(a, b):
        return (..., slice(a, a + s_h * (o_h - 1) + 1, s_h), slice(b, b + s_w * (o_w - 1) + 1, s_w))

    if mode == "avg":
        for a in range(k_h):
            for b in range(k_w):
                dXp[at(a, b)] += dY / (k_h * k_w)
    else:
        Xp = np.pad(X.astype(float), widths, constant_values=-np.inf)
        ties = np.zeros(Y.shape)
        for a in range(k_h):
            for b in range(k_w):
                ties += Xp[at(a, b)] == Y
        for a in range(k_h):
            for b in range(k_w):
                dXp[at(a, b)] += (Xp[at(a, b)] == Y) * dY / ties  # share between the maxima
    return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
