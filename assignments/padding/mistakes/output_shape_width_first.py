"""output_shape returns (o_w, o_h): the width first, as image libraries write sizes.

Where real code does this: PIL's ``Image.size`` is ``(width, height)`` and OpenCV's
``cv2.resize`` takes ``(w, h)``; code that computes both sizes right and returns them in
that order swaps every non-square answer (NumPy shapes, and this function, are (o_h, o_w)).
"""

BREAKS = "output_shape"
LOSES = [
    # correlate2d and apply_filter take their shapes from output_shape (the speed tests check
    # the timed results too)
    "test_correlate2d_same_even_kernel",
    "test_correlate2d_same",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_non_contiguous",
    "test_correlate2d_speed",
    "test_correlate2d_speed_pixels",
    "test_apply_filter",
    "test_apply_filter_grayscale",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
    # and output_shape itself
    "test_output_shape",
    "test_output_shape_formula",
    "test_output_shape_same_and_valid",
    "test_output_shape_random",
]
HINT = "(o_h, o_w)"


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    height, width = _reference_output_shape(input_hw, kernel_hw, padding, stride)
    return width, height  # (w, h), as PIL and OpenCV write sizes
