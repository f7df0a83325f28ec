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
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError(f"X must be at least 2-D, got shape {X.shape}")
    if isinstance(padding, int):
        padding = ((padding, padding), (padding, padding))
    elif isinstance(padding[0], int):
        padding = ((padding[0], padding[0]), (padding[1], padding[1]))
    # as in F.pad: the last axis (the columns) comes first
    (left, right), (top, bottom) = padding
    if min(top, bottom, left, right) < 0:
        raise ValueError(f"padding must not be negative, got {padding}")
    if X.dtype.kind in "iu" and (not np.isfinite(value) or value != int(value)):
        raise ValueError(f"value {value} does not fit an integer array")
    widths = [(0, 0)] * (X.ndim - 2) + [(top, bottom), (left, right)]
    return np.pad(X, widths, constant_values=value)
