"""correlate2d reads a stride pair as (s_x, s_y), horizontal first: the strides are swapped.

Where real code does this: stride written ``(sx, sy)`` as in image coordinates (OpenCV's
points and sizes put x first); ``stride=(2, 3)`` then steps 3 rows down and 2 columns across
instead of 2 rows and 3 columns. Square strides hide it.
"""

BREAKS = "correlate2d"
LOSES = [
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
]
HINT = "(s_h, s_w)"


def correlate2d(X, K, padding=0, stride=1):
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    sides = _padding_sides(padding, K.shape)
    s_x, s_y = _pair("stride", stride, 1)  # x goes across, y goes down
    o_h, o_w = output_shape(X.shape, K.shape, sides, (s_y, s_x))
    dtype = _result_dtype(X, K)
    Xp = pad2d(X.astype(dtype), sides)
    k_h, k_w = K.shape
    Y = np.zeros((o_h, o_w), dtype)
    for a in range(k_h):
        for b in range(k_w):
            rows = slice(a, a + s_y * (o_h - 1) + 1, s_y)
            cols = slice(b, b + s_x * (o_w - 1) + 1, s_x)
            Y += K[a, b] * Xp[rows, cols]
    return Y
