"""output_shape puts an int or (p_h, p_w) padding into the formula as the TOTAL padding.

Where real code does this: o = (n - k + p) // s + 1 copied from d2l, whose ``p_h`` is the
total of both sides, then called with PyTorch-style ``padding=1`` (one per side): the
classic "7×7 input, 3×3 kernel, padding 1 gives 6×6" slip.
"""

BREAKS = "output_shape"
LOSES = ["test_output_shape", "test_output_shape_formula"]
HINT = "PER SIDE"


def output_shape(input_hw, kernel_hw, padding=0, stride=1):
    n_h, n_w = _pair("input_hw", input_hw, 1)
    k_h, k_w = _pair("kernel_hw", kernel_hw, 1)
    s_h, s_w = _pair("stride", stride, 1)
    if isinstance(padding, str) or isinstance(padding[0] if np.ndim(padding) else 0, tuple):
        (top, bottom), (left, right) = _padding_sides(padding, (k_h, k_w))
        p_h, p_w = top + bottom, left + right
    else:
        p_h, p_w = _pair("padding", padding, 0)  # p in the formula
    if k_h > n_h + p_h or k_w > n_w + p_w:
        raise ValueError("the kernel is larger than the padded input")
    return (n_h - k_h + p_h) // s_h + 1, (n_w - k_w + p_w) // s_w + 1
