"""conv2d treats padding as the total number of rows and columns added, split over two sides.

Where real code does this: the book's p_h is the *total* padding ((n_h - k_h + p_h + 1)
output rows), and stage 2's output formula uses it that way; carried over to a layer with
PyTorch's ``padding=p`` (p zeros on *each* side), it pads p // 2 above and p - p // 2 below,
so padding=1 adds one row instead of two.
"""

BREAKS = "conv2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_conv2d_output_shape",
    "test_conv2d_small_examples",
    "test_conv2d_random",
    "test_conv2d_dtype",
    "test_conv2d_non_contiguous",
    "test_conv2d_geometry",
    "test_conv2d_speed",
]
HINT = "each side"


def conv2d(X, W, b=None, stride=1, padding=0):
    X = _as_array("X", X, 4, "(batch, channels, height, width)")
    W = _as_array("W", W, 4, "(out_channels, in_channels, k_h, k_w)")
    if X.shape[1] != W.shape[1]:
        raise ValueError(f"X has {X.shape[1]} channels but W expects {W.shape[1]}")
    s_h, s_w = _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)  # total padding on each axis
    arrays = (X, W) if b is None else (X, W, _as_array("b", b, 1, "(out_channels,)"))
    if b is not None and arrays[2].shape[0] != W.shape[0]:
        raise ValueError(f"b must have {W.shape[0]} entries, got {arrays[2].shape}")
    dtype = _result_dtype(*arrays)
    pad = ((0, 0), (0, 0), (p_h // 2, p_h - p_h // 2), (p_w // 2, p_w - p_w // 2))
    Xp = np.pad(X.astype(dtype), pad)
    k_h, k_w = W.shape[2:]
    if k_h > Xp.shape[2] or k_w > Xp.shape[3]:
        raise ValueError(f"the kernel {(k_h, k_w)} is larger than the padded input")
    windows = np.lib.stride_tricks.sliding_window_view(Xp, (k_h, k_w), axis=(2, 3))
    windows = windows[:, :, ::s_h, ::s_w]
    Y = np.tensordot(windows, W.astype(dtype), axes=([1, 4, 5], [1, 2, 3]))
    Y = np.ascontiguousarray(Y.transpose(0, 3, 1, 2))
    if b is not None:
        Y += arrays[2].astype(dtype)[None, :, None, None]
    return Y
