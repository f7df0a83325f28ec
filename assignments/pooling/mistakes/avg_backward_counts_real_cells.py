"""Average backward divides each window's gradient by its number of real cells.

Where real code does this: "padded cells are not data, so only the real cells share the
gradient": ``dX += dY / count`` with ``count`` the number of input cells in the window (the
gradient of TensorFlow-style ``count_include_pad=False`` averaging), while the forward pass
divides by ``k_h * k_w``. Border cells then get too much gradient.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_avg_numerical"]
HINT = "padded cells included in the count"

_pool2d_backward_max = pool2d_backward  # the max part is right


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    if mode == "max":
        return _pool2d_backward_max(X, dY, pool_size, stride, padding, mode)
    Y = pool2d(X, pool_size, stride, padding, mode)  # validates the arguments
    X, dY = np.asarray(X), np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have shape {Y.shape}, got {dY.shape}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    H, W = X.shape[-2:]
    o_h, o_w = Y.shape[-2:]
    real = np.pad(np.ones((H, W)), ((p_h, p_h), (p_w, p_w)))  # 1 on input cells
    dXp = np.zeros((*X.shape[:-2], H + 2 * p_h, W + 2 * p_w), np.result_type(X, dY, 1.0))
    offsets = [(a, b) for a in range(k_h) for b in range(k_w)]

    def at(a, b):
        return (..., slice(a, a + s_h * (o_h - 1) + 1, s_h), slice(b, b + s_w * (o_w - 1) + 1, s_w))

    count = sum(real[at(a, b)] for a, b in offsets)  # input cells in each window
    for a, b in offsets:
        dXp[at(a, b)] += dY / count
    return dXp[..., p_h : p_h + H, p_w : p_w + W].copy()
