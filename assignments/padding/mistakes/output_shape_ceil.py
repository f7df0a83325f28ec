"""output_shape rounds up: ceil((n - k + p) / s) + 1 instead of floor.

Where real code does this: PyTorch's pooling ``ceil_mode=True`` formula (and Caffe's
pooling, which always rounds up) used for a correlation: a last window that hangs over the
edge is counted.
"""

import math

BREAKS = "output_shape"
LOSES = [
    "test_output_shape",
    "test_output_shape_formula",
    "test_output_shape_same_and_valid",
    "test_output_shape_random",
    # correlate2d takes its shape from output_shape (the speed tests check the timed results too)
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_correlate2d_geometry",
    "test_correlate2d_non_contiguous",
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_random",
    "test_correlate2d_same",
    "test_correlate2d_speed",
]
HINT = "round down"


def _positions(padded, k, s):
    return math.ceil((padded - k) / s) + 1  # a last window that hangs over the edge counts


output_shape = _plain_output_shape
