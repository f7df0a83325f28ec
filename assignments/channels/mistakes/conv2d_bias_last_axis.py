"""conv2d adds the bias as ``Y + b``, which NumPy broadcasts along the last axis (width).

Where real code does this: NHWC code (Keras, TensorFlow ports) where ``out + b`` is right
because channels come last; in NCHW it adds b[j] to column j, or fails to broadcast when
o_w != c_o.
"""

BREAKS = "conv2d"
LOSES = [
    "test_conv2d_matches_channel_sums",
    "test_conv2d_random",
    "test_conv2d_bias",
    "test_conv2d_dtype",
    "test_inputs_unmodified",
    "test_conv2d_geometry",
    "test_conv2d_speed",
]
HINT = "b[None, :, None, None]"


def conv2d(X, W, b=None, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), _ = _conv_args(X, W, stride, padding)
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, np.asarray(b))
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    windows = np.lib.stride_tricks.sliding_window_view(Xp, W.shape[2:], axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]
    Y = np.tensordot(windows, W.astype(dtype), axes=([1, 4, 5], [1, 2, 3]))
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
        Y = Y + b.astype(dtype)
    return Y
