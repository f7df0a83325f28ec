"""Stride applied to the input: X is subsampled first (Xp[::s_h, ::s_w]), then correlated.

Where real code does this: "stride s means every s-th pixel" implemented as downsampling the
padded image and running the stride-1 correlation on what is left; the windows then skip
pixels inside each window too, so both the values and (usually) the shape are wrong.
"""

BREAKS = "correlate2d"
LOSES = [
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_same",
    "test_correlate2d_result_dtype",
    "test_correlate2d_non_contiguous",
    "test_correlate2d_speed",  # the 7×7 kernel does not fit the subsampled timing input: it raises
]
HINT = "starting at (i*s_h, j*s_w)"


def correlate2d(X, K, padding=0, stride=1):
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    sides = _padding_sides(padding, K.shape)
    s_h, s_w = _pair("stride", stride, 1)
    output_shape(X.shape, K.shape, sides, (s_h, s_w))  # checks that the kernel fits
    dtype = _result_dtype(X, K)
    small = pad2d(X.astype(dtype), sides)[::s_h, ::s_w]
    k_h, k_w = K.shape
    if k_h > small.shape[0] or k_w > small.shape[1]:
        raise ValueError("the kernel is larger than the strided input")
    o_h, o_w = small.shape[0] - k_h + 1, small.shape[1] - k_w + 1
    Y = np.zeros((o_h, o_w), dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * small[a : a + o_h, b : b + o_w]
    return Y
