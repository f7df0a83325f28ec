""" "same" with an even kernel puts the extra row on top and the extra column on the left.

Where real code does this: ``top = k // 2; bottom = k - 1 - top``, the opposite split to
PyTorch's and TensorFlow's (which put the extra padding at the bottom/right); the shape is
right, but every value is taken from a window shifted by one pixel.
"""

BREAKS = "correlate2d"  # through the helper _padding_sides, which output_shape uses too
LOSES = ["test_correlate2d_same_even_kernel", "test_correlate2d_same"]
HINT = "bottom/right"


def _padding_sides(padding, kernel_hw=None):
    if isinstance(padding, str) and padding == "same" and kernel_hw is not None:
        k_h, k_w = kernel_hw
        top, left = k_h // 2, k_w // 2  # the extra row on top, the extra column on the left
        return (top, k_h - 1 - top), (left, k_w - 1 - left)
    return _reference_padding_sides(padding, kernel_hw)
