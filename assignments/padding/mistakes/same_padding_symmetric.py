""" "same" padding as k // 2 on every side: right for odd kernels, one too many for even ones.

Where real code does this: ``pad = k // 2`` is the usual "same" rule in hand-written conv
layers (and ``padding=k//2`` in many PyTorch models); with an even kernel it pads k in
total, so the output grows by one row and column instead of keeping the input's shape.
"""

BREAKS = "correlate2d"  # through the helper _padding_sides, which output_shape uses too
LOSES = [
    "test_output_shape",
    "test_correlate2d_same_even_kernel",
    "test_output_shape_same_and_valid",
    "test_correlate2d_same",
]
HINT = "k - 1"


def _padding_sides(padding, kernel_hw=None):
    if isinstance(padding, str) and padding == "same" and kernel_hw is not None:
        k_h, k_w = kernel_hw
        return (k_h // 2, k_h // 2), (k_w // 2, k_w // 2)  # k // 2 on every side
    return _reference_padding_sides(padding, kernel_hw)
