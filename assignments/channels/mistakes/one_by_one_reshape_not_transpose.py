"""correlate2d_1x1 multiplies pixels-by-channels by K.T and reshapes instead of transposing.

Where real code does this: NHWC-minded code computes ``X.reshape(c_i, -1).T @ K.T``, an
(h*w, c_o) matrix with one row per pixel, then ``reshape(c_o, h, w)`` it: the shape is right
but each output channel is filled with values of several channels and pixels.
"""

BREAKS = "correlate2d_1x1"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_1x1_mixes_channels_per_pixel",
    "test_1x1_matches_general",
    "test_1x1_speed",
]
HINT = "(c_o, c_i) @ (c_i, h*w)"


def correlate2d_1x1(X, K):
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    K = _as_array("K", K, 2, "(out_channels, in_channels) or (out_channels, in_channels, 1, 1)")
    c_i, h, w = X.shape
    if K.shape[1] != c_i:
        raise ValueError(f"X has {c_i} channels but K has {K.shape[1]} input channels")
    dtype = _result_dtype(X, K)
    pixels = X.astype(dtype).reshape(c_i, h * w).T  # (h*w, c_i): one row per pixel
    return (pixels @ K.astype(dtype).T).reshape(K.shape[0], h, w)
