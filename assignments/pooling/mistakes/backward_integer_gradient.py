"""Backward builds dX with np.zeros_like(X): integer images get an integer gradient.

Where real code does this: ``dx = np.zeros_like(x)`` is the usual first line of a CS231n
backward pass; with uint8 or int64 pixels every share of the gradient is truncated (0.5
becomes 0) or wraps around.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_integer_input"]
HINT = "np.zeros_like(X)"


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    Y = pool2d(X, pool_size, stride, padding, mode)  # validates the arguments
    X, dY = np.asarray(X), np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have shape {Y.shape}, got {dY.shape}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    o_h, o_w = Y.shape[-2:]
    dX = np.zeros_like(X)
    for i in range(o_h):
        for j in range(o_w):
            r0, c0 = i * s_h - p_h, j * s_w - p_w
            r, c = max(r0, 0), max(c0, 0)  # the window, cut to the input
            window = X[..., r : r0 + k_h, c : c0 + k_w]
            if mode == "avg":
                dX[..., r : r0 + k_h, c : c0 + k_w] += (dY[..., i, j] / (k_h * k_w))[
                    ..., None, None
                ]
                continue
            flat = window.reshape(*window.shape[:-2], -1)
            first = flat.argmax(axis=-1)  # the first maximum
            mask = (np.arange(flat.shape[-1]) == first[..., None]).reshape(window.shape)
            dX[..., r : r0 + k_h, c : c0 + k_w] += mask * dY[..., i, j, None, None]
    return dX
