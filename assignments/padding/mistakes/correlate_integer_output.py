"""correlate2d keeps NumPy's promotion of the input dtypes: integer inputs give an int result.

Where real code does this: ``Y = np.zeros(shape, dtype=np.result_type(X, K))`` (or padding
with ``np.pad``, which keeps the dtype, and accumulating in it): right for float inputs, but a
uint8 image with an int kernel comes back as integers instead of float64.
"""

BREAKS = "correlate2d"
LOSES = ["test_correlate2d_result_dtype"]
HINT = "integer inputs give float64"


def correlate2d(X, K, padding=0, stride=1):
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    sides = _padding_sides(padding, K.shape)
    s_h, s_w = _pair("stride", stride, 1)
    o_h, o_w = output_shape(X.shape, K.shape, sides, (s_h, s_w))
    Xp = np.pad(X, sides)
    k_h, k_w = K.shape
    Y = np.zeros((o_h, o_w), dtype=np.result_type(X, K))
    for a in range(k_h):
        for b in range(k_w):
            Y += K[a, b] * Xp[a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
    return Y
