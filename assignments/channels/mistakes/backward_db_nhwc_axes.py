"""conv2d_backward sums dY over axes (0, 1, 2) for db: right in NHWC, wrong in NCHW.

Where real code does this: layers ported from TensorFlow/Keras (channels last), where
``db = dout.sum(axis=(0, 1, 2))`` keeps the channel axis; in NCHW it keeps the width
instead, giving o_w values (or wrong values when o_w == c_o).
"""

BREAKS = "conv2d_backward"
LOSES = ["test_backward_shapes", "test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "dY.sum(axis=(0, 2, 3))"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n, _, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]
    dW = np.tensordot(dY, windows, axes=([0, 2, 3], [0, 2, 3]))
    db = dY.sum(axis=(0, 1, 2))
    dXp = np.zeros_like(Xp)
    last_h, last_w = s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1
    for a in range(k_h):
        for c in range(k_w):
            dXp[:, :, a : a + last_h : s_h, c : c + last_w : s_w] += np.tensordot(
                dY, W[:, :, a, c], axes=([1], [0])
            ).transpose(0, 3, 1, 2)
    return dXp[:, :, p_h : p_h + h, p_w : p_w + w].copy(), dW, db
