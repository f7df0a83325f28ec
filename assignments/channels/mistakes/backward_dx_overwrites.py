"""conv2d_backward writes each window's gradient into dX with = instead of +=.

Where real code does this: CS231n ``conv_backward_naive`` ports with
``dx_pad[i, :, y0:y1, x0:x1] = w[f] * dout[i, f, y, x]``: every input pixel that several
windows (or several output channels) share keeps only the last contribution.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "+="


def conv2d_backward(X, W, dY, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n, c_i, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    dXp = np.zeros_like(Xp)
    dW = np.zeros((c_o, c_i, k_h, k_w), dtype)
    db = np.zeros(c_o, dtype)
    for i in range(n):
        for f in range(c_o):
            db[f] += dY[i, f].sum()
            for y in range(o_h):
                for x in range(o_w):
                    y0, x0 = y * s_h, x * s_w
                    window = Xp[i, :, y0 : y0 + k_h, x0 : x0 + k_w]
                    dW[f] += window * dY[i, f, y, x]
                    dXp[i, :, y0 : y0 + k_h, x0 : x0 + k_w] = W[f] * dY[i, f, y, x]
    return dXp[:, :, p_h : p_h + h, p_w : p_w + w].copy(), dW, db
