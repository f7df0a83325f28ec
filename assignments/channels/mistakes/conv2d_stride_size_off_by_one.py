"""conv2d computes the output size as (h + 2p - k + 1) // s: one row short at some strides.

Where real code does this: the book's ⌊(n_h - k_h + p_h + s_h) / s_h⌋ misremembered with 1
in place of s_h (right at stride 1, the case most tried); whenever h + 2p - k is a multiple
of the stride, the last window position is dropped.
"""

BREAKS = "conv2d"
LOSES = [
    "test_conv2d_output_shape",
    "test_conv2d_small_examples",
    "test_conv2d_random",
    "test_conv2d_dtype",
    "test_conv2d_geometry",
]
HINT = "(h + 2*p_h - k_h)//s_h + 1"


def conv2d(X, W, b=None, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), _ = _conv_args(X, W, stride, padding)
    if b is not None:
        b = _as_array("b", b, 1, "(out_channels,)")
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, b)
    n, c_i, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    o_h = (h + 2 * p_h - k_h + 1) // s_h
    o_w = (w + 2 * p_w - k_w + 1) // s_w
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    cols = np.empty((n, c_i, k_h, k_w, o_h, o_w), dtype)
    for a in range(k_h):
        for c in range(k_w):
            cols[:, :, a, c] = Xp[:, :, a : a + s_h * o_h : s_h, c : c + s_w * o_w : s_w]
    Y = W.astype(dtype).reshape(c_o, -1) @ cols.reshape(n, c_i * k_h * k_w, o_h * o_w)
    Y = Y.reshape(n, c_o, o_h, o_w)
    return Y if b is None else Y + b.astype(dtype)[:, None, None]
