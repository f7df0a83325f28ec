"""pad2d reads its padding in torch.nn.functional.pad's order, last axis (the columns) first.

Where real code does this: ``F.pad(x, (left, right, top, bottom))`` takes the LAST axis
first; code that mixes that convention with NumPy's ``np.pad(X, ((top, bottom), (left,
right)))`` pads rows with the column sizes and columns with the row sizes, for a
``(p_h, p_w)`` pair and a ``((top, bottom), (left, right))`` pair of pairs alike.
"""

BREAKS = "pad2d"
LOSES = [
    "test_pad2d_asymmetric",
    "test_pad2d_leading_axes",
    "test_pad2d_values",
    "test_pad2d_leading_axes_kept",
    "test_pad2d_value_and_dtype",
]
HINT = "(top, bottom), (left, right)"


def pad2d(X, padding, value=0.0):
    # as in F.pad: the last axis (the columns) comes first
    (left, right), (top, bottom) = _padding_sides(padding)
    return _reference_pad2d(X, ((top, bottom), (left, right)), value)
