"""output_shape puts an int or (p_h, p_w) padding into the formula as the TOTAL padding.

Where real code does this: o = (n - k + p) // s + 1 copied from d2l, whose ``p_h`` is the
total of both sides, then called with PyTorch-style ``padding=1`` (one per side): the
classic "7×7 input, 3×3 kernel, padding 1 gives 6×6" slip.
"""

BREAKS = "output_shape"
LOSES = ["test_output_shape", "test_output_shape_formula"]
HINT = "PER SIDE"


def _total_padding(padding, kernel_hw):
    (top, bottom), (left, right) = _padding_sides(padding, kernel_hw)
    if isinstance(padding, str) or np.ndim(padding) == 2:  # "same", ((top, bottom), (left, right))
        return top + bottom, left + right
    return top, left  # an int or (p_h, p_w) is the formula's p, as in d2l


output_shape = _plain_output_shape
