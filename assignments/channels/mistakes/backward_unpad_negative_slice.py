"""conv2d_backward cuts the padding off with dXp[:, :, p:-p, p:-p]: empty when p = 0.

Where real code does this: CS231n-style ``dx = dx_pad[:, :, pad:-pad, pad:-pad]``, right
for every padding but 0, where ``0:-0`` is ``0:0`` and dX comes back with no rows or columns.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "p = 0"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n = X.shape[0]
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]  # (n, c_i, o_h, o_w, k_h, k_w)
    dW = np.einsum("nohw,nchwkl->ockl", dY, windows)
    db = dY.sum(axis=(0, 2, 3))
    dXp = np.zeros_like(Xp)
    last_h, last_w = s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1
    for a in range(k_h):
        for c in range(k_w):
            dXp[:, :, a : a + last_h : s_h, c : c + last_w : s_w] += np.einsum(
                "nohw,oc->nchw", dY, W[:, :, a, c]
            )
    dX = dXp[:, :, p_h:-p_h, p_w:-p_w]
    return dX, dW, db
