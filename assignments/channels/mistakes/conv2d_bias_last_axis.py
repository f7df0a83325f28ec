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


def _add_bias(Y, b):
    return Y + b  # NumPy lines b up with the last axis: the width


conv2d = _plain_conv2d
