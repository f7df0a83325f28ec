"""Output size rounded up (ceil) instead of down: a last, partial window is kept.

Where real code does this: ``o_h = math.ceil((H + 2p - k) / s) + 1``, Caffe's pooling rule
(and PyTorch's ``ceil_mode=True``), or ``int(np.ceil(...))`` copied from a blog; the extra
row and column of windows hang over the bottom and right edges of the padded input.
"""

import math

BREAKS = "pool2d"
LOSES = [
    "test_output_shape",
    "test_padding_example",
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_default_stride",
    "test_strides_and_windows",
    "test_max_integer_dtypes",
    "test_float32_stays_float32",
    "test_non_contiguous_inputs",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
]
HINT = "rounded down"


def _student_size_and_padding(H, W, k, s, p):
    o_h = math.ceil((H + 2 * p[0] - k[0]) / s[0]) + 1
    o_w = math.ceil((W + 2 * p[1] - k[1]) / s[1]) + 1
    # pad the bottom and right a little more, so that the last window fits
    extra_h = (o_h - 1) * s[0] + k[0] - (H + 2 * p[0])
    extra_w = (o_w - 1) * s[1] + k[1] - (W + 2 * p[1])
    return (o_h, o_w), [(p[0], p[0] + extra_h), (p[1], p[1] + extra_w)]


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the size and padding above
