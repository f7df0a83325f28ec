"""output_shape returns (o_w, o_h): the width first, as image libraries write sizes.

Where real code does this: PIL's ``Image.size`` is ``(width, height)`` and OpenCV's
``cv2.resize`` takes ``(w, h)``; code that computes both sizes right and returns them in
that order swaps every non-square answer (NumPy shapes, and this function, are (o_h, o_w)).
"""

BREAKS = "output_shape"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_output_shape",
    "test_correlate2d_same_even_kernel",
    "test_apply_filter",
    "test_output_shape_formula",
    "test_output_shape_same_and_valid",
    "test_output_shape_random",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_same",
    "test_correlate2d_non_contiguous",
    "test_apply_filter_grayscale",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
    "test_correlate2d_speed",
    "test_correlate2d_speed_pixels",
]
HINT = "(o_h, o_w)"


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    n_h, n_w = _pair("input_hw", input_hw, 1)
    k_h, k_w = _pair("kernel_hw", kernel_hw, 1)
    (top, bottom), (left, right) = _padding_sides(padding, (k_h, k_w))
    s_h, s_w = _pair("stride", stride, 1)
    if k_h > n_h + top + bottom or k_w > n_w + left + right:
        raise ValueError("the kernel is larger than the padded input")
    height = (n_h + top + bottom - k_h) // s_h + 1
    width = (n_w + left + right - k_w) // s_w + 1
    return width, height
