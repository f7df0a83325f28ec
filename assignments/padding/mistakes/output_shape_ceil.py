"""output_shape rounds up: ceil((n - k + p) / s) + 1 instead of floor.

Where real code does this: PyTorch's pooling ``ceil_mode=True`` formula (and Caffe's
pooling, which always rounds up) used for a correlation: a last window that hangs over the
edge is counted.
"""

BREAKS = "output_shape"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_output_shape",
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_output_shape_formula",
    "test_output_shape_same_and_valid",
    "test_output_shape_random",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_same",
    "test_correlate2d_non_contiguous",
    "test_correlate2d_speed",
]
HINT = "round down"


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    import math

    n_hw = _pair("input_hw", input_hw, 1)
    k_hw = _pair("kernel_hw", kernel_hw, 1)
    sides = _padding_sides(padding, k_hw)
    s_hw = _pair("stride", stride, 1)
    out = []
    for n, k, (before, after), s in zip(n_hw, k_hw, sides, s_hw, strict=True):
        if k > n + before + after:
            raise ValueError(f"kernel {k} is larger than the padded input {n + before + after}")
        out.append(math.ceil((n + before + after - k) / s) + 1)
    return out[0], out[1]
