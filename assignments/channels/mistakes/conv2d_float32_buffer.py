"""conv2d builds its im2col matrix as float32, so float64 inputs get float32 arithmetic.

Where real code does this: ``np.zeros(shape, dtype=np.float32)`` for the column buffer
"to save memory, as PyTorch does", then a cast back to the input's dtype at the end: the
dtype looks right, but every value carries float32 rounding (about 1e-7 relative).
"""

BREAKS = "conv2d"
LOSES = [
    "test_multi_in_adds_channel_results",
    "test_conv2d_matches_channel_sums",
    "test_multi_in_random",
    "test_multi_in_out_random",
    "test_conv2d_random",
    "test_conv2d_non_contiguous",
    "test_conv2d_geometry",
]
HINT = "rounding"


def conv2d(X, W, b=None, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, b)
    n, c_i = X.shape[:2]
    c_o, _, k_h, k_w = W.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    cols = np.zeros((n, c_i, k_h, k_w, o_h, o_w), dtype=np.float32)
    for a in range(k_h):
        for c in range(k_w):
            cols[:, :, a, c] = Xp[
                :, :, a : a + s_h * (o_h - 1) + 1 : s_h, c : c + s_w * (o_w - 1) + 1 : s_w
            ]
    weights = W.reshape(c_o, -1).astype(np.float32)
    Y = (weights @ cols.reshape(n, -1, o_h * o_w)).reshape(n, c_o, o_h, o_w)
    if b is not None:
        Y += b.astype(np.float32)[:, None, None]
    return Y.astype(dtype)
