"""conv2d_backward gets dX as a full correlation of the dilated dY, through an as_strided
view that assumes (h + 2p - k) is a multiple of the stride, and reads past its buffer.

Where real code does this: "the gradient of a strided convolution is a full convolution of
the dilated gradient with the flipped kernel", implemented with
``np.lib.stride_tricks.as_strided`` and a view shaped like the padded input; when the last
window positions leave rows or columns of the input unread (stride > kernel, or sizes that
do not divide), the dilated dY is shorter than the view, which then reads the next
channel's memory, or beyond the array.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "no window"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n, _, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    W = W.astype(dtype)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    dW = np.einsum("nohw,nchwkl->ockl", dY, windows[:, :, ::s_h, ::s_w])
    db = dY.sum(axis=(0, 2, 3))
    # dilate dY (s - 1 zeros between entries), pad it by k - 1, correlate with the flipped W
    dilated = np.zeros((n, c_o, s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1), dtype)
    dilated[:, :, ::s_h, ::s_w] = dY
    full = np.pad(dilated, ((0, 0), (0, 0), (k_h - 1, k_h - 1), (k_w - 1, k_w - 1)))
    s0, s1, s2, s3 = full.strides
    view = np.lib.stride_tricks.as_strided(
        full, shape=(n, c_o, h + 2 * p_h, w + 2 * p_w, k_h, k_w), strides=(s0, s1, s2, s3, s2, s3)
    )
    dXp = np.einsum("nohwkl,ockl->nchw", view, W[:, :, ::-1, ::-1])
    return dXp[:, :, p_h : p_h + h, p_w : p_w + w].copy(), dW, db
