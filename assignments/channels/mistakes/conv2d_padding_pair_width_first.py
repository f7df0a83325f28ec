"""conv2d reads a padding pair in torch.nn.functional.pad's order: width first.

Where real code does this: ``F.pad(x, (p_w, p_w, p_h, p_h))`` lists the *last* axis first,
and code that translates a conv layer's ``padding=(p_h, p_w)`` through it, or copies that
order into ``np.pad``, pads the rows by p_w and the columns by p_h. Square paddings hide it.
"""

BREAKS = "conv2d"
LOSES = ["test_conv2d_output_shape", "test_conv2d_random", "test_conv2d_geometry"]
HINT = "(for height, for width)"


def conv2d(X, W, b=None, stride=1, padding=0):
    X = _as_array("X", X, 4, "(batch, channels, height, width)")
    W = _as_array("W", W, 4, "(out_channels, in_channels, k_h, k_w)")
    if X.shape[1] != W.shape[1]:
        raise ValueError(f"X has {X.shape[1]} channels but W expects {W.shape[1]}")
    s_h, s_w = _pair("stride", stride, 1)
    p_w, p_h = _pair("padding", padding, 0)  # (left/right, top/bottom), as F.pad lists them
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, b)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    k_h, k_w = W.shape[2:]
    if k_h > Xp.shape[2] or k_w > Xp.shape[3]:
        raise ValueError(f"the kernel {(k_h, k_w)} is larger than the padded input")
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    Y = np.einsum("nchwkl,ockl->nohw", windows[:, :, ::s_h, ::s_w], W.astype(dtype))
    return Y if b is None else Y + b.astype(dtype)[:, None, None]
