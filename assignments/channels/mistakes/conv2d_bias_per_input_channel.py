"""conv2d adds b[o] once per input channel, inside the sum over channels.

Where real code does this: a loop over input channels that accumulates
``correlate(X[:, c], W[:, c]) + b`` because "every correlation gets its bias"; output
channel o then carries c_i * b[o]. One-channel inputs (grayscale, the book's examples) hide it.
"""

BREAKS = "conv2d"
LOSES = [
    "test_conv2d_matches_channel_sums",
    "test_conv2d_random",
    "test_conv2d_bias",
    "test_conv2d_dtype",
    "test_conv2d_geometry",
]
HINT = "b[o] is added to every pixel of output channel o"


def conv2d(X, W, b=None, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, b)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    windows = np.lib.stride_tricks.sliding_window_view(Xp, W.shape[2:], axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]  # (n, c_i, o_h, o_w, k_h, k_w)
    Y = np.zeros((X.shape[0], W.shape[0], o_h, o_w), dtype)
    for c in range(X.shape[1]):
        part = np.einsum("nhwkl,okl->nohw", windows[:, c], W[:, c].astype(dtype))
        if b is not None:
            part = part + b.astype(dtype)[:, None, None]
        Y += part
    return Y
