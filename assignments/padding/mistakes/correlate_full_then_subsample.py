"""Right values, too slow: every stride-1 position is computed, then Y[::s_h, ::s_w] is kept.

Where real code does this: a stage-1 ``corr2d`` reused for strides (``corr2d(pad(X),
K)[::s, ::s]``), common in numpy CNN projects and in answers that "add stride" to the d2l
function; at stride s it does s_h * s_w times the work.
"""

BREAKS = "correlate2d"
LOSES = ["test_correlate2d_speed"]
HINT = "compute only the outputs you keep"


def correlate2d(X, K, padding=0, stride=1):
    X, K = _real_array("X", X, 2, 2), _real_array("K", K, 2, 2)
    if K.size == 0:
        raise ValueError(f"the kernel K must not be empty, got shape {K.shape}")
    sides = _padding_sides(padding, K.shape)
    s_h, s_w = _pair("stride", stride, 1)
    output_shape(X.shape, K.shape, sides, (s_h, s_w))  # checks that the kernel fits
    dtype = _result_dtype(X, K)
    Xp = pad2d(X.astype(dtype), sides)
    k_h, k_w = K.shape
    f_h, f_w = Xp.shape[0] - k_h + 1, Xp.shape[1] - k_w + 1
    full = np.zeros((f_h, f_w), dtype)
    for a in range(k_h):
        for b in range(k_w):
            full += K[a, b] * Xp[a : a + f_h, b : b + f_w]
    return full[::s_h, ::s_w].copy()
