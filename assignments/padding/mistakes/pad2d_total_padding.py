"""pad2d treats padding=p as the TOTAL padding of an axis, split between the two sides.

Where real code does this: the output-size formula's ``p`` (the total of both sides) taken
for the argument, so ``pad2d(X, 2)`` adds one row on top and one at the bottom; PyTorch's
``padding=p`` (and this course's) is per side.
"""

BREAKS = "pad2d"
LOSES = [
    "test_pad2d_zeros_on_every_side",
    "test_pad2d_leading_axes",
    "test_pad2d_values",
    "test_pad2d_leading_axes_kept",
]
HINT = "PER SIDE"


def pad2d(X, padding, value=0.0):
    if np.ndim(padding) < 2:  # total padding of each axis: split it between the sides
        p_h, p_w = _pair("padding", padding, 0)
        padding = ((p_h // 2, p_h - p_h // 2), (p_w // 2, p_w - p_w // 2))
    return _reference_pad2d(X, padding, value)
