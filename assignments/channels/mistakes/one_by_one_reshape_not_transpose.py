"""correlate2d_1x1 multiplies pixels-by-channels by K.T and reshapes instead of transposing.

Where real code does this: NHWC-minded code computes ``X.reshape(c_i, -1).T @ K.T``, an
(h*w, c_o) matrix with one row per pixel, then ``reshape(c_o, h, w)`` it: the shape is right
but each output channel gets values from several channels and pixels.
"""

BREAKS = "correlate2d_1x1"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_1x1_mixes_channels_per_pixel",
    "test_1x1_matches_general",
    "test_1x1_speed",
]
HINT = "(c_o, c_i) @ (c_i, h*w)"


def _mix_channels(K, X):
    c_i, h, w = X.shape
    pixels = X.reshape(c_i, h * w).T  # (h*w, c_i): one row per pixel
    return (pixels @ K.T).reshape(K.shape[0], h, w)


correlate2d_1x1 = _plain_1x1
