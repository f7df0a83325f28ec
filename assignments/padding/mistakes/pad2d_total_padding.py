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
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError(f"X must be at least 2-D, got shape {X.shape}")
    if isinstance(padding, int):
        padding = (padding, padding)
    if isinstance(padding[0], int):  # total padding of each axis: split it between the sides
        p_h, p_w = padding
        padding = ((p_h // 2, p_h - p_h // 2), (p_w // 2, p_w - p_w // 2))
    (top, bottom), (left, right) = padding
    if min(top, bottom, left, right) < 0:
        raise ValueError(f"padding must not be negative, got {padding}")
    H, W = X.shape[-2:]
    out = np.full((*X.shape[:-2], top + H + bottom, left + W + right), value, dtype=X.dtype)
    out[..., top : top + H, left : left + W] = X
    return out
