""" "same" with an even kernel puts the extra row on top and the extra column on the left.

Where real code does this: ``top = k // 2; bottom = k - 1 - top``, the opposite split to
PyTorch's and TensorFlow's (which put the extra padding at the bottom/right); the shape is
right, but every value is taken from a window shifted by one pixel.
"""

BREAKS = "correlate2d"  # through the helper _padding_sides, which output_shape uses too
LOSES = ["test_correlate2d_same_even_kernel", "test_correlate2d_same"]
HINT = "bottom/right"


def _padding_sides(padding, kernel_hw=None):
    if isinstance(padding, str):
        if padding == "valid":
            return (0, 0), (0, 0)
        if padding == "same":
            if kernel_hw is None:
                raise ValueError('padding="same" needs the kernel size')
            k_h, k_w = kernel_hw
            top, left = k_h // 2, k_w // 2
            return (top, k_h - 1 - top), (left, k_w - 1 - left)
        raise ValueError(f"unknown padding {padding!r}")
    if isinstance(padding, int):
        if padding < 0:
            raise ValueError(f"padding must not be negative, got {padding}")
        return (padding, padding), (padding, padding)
    first, second = padding
    if isinstance(first, int):
        first, second = (first, first), (second, second)
    if min(*first, *second) < 0:
        raise ValueError(f"padding must not be negative, got {padding}")
    return tuple(first), tuple(second)
