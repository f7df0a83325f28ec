"""pad2d unpacks ``H, W = X.shape``: it works for a single image and fails for a batch.

Where real code does this: padding helpers written for one grayscale image first
(``H, W = X.shape``, ``np.pad(X, ((p, p), (p, p)))``), later called on (N, C, H, W)
batches, where the unpacking fails, or np.pad, given two pairs, pads the wrong axes.
"""

BREAKS = "pad2d"
LOSES = ["test_pad2d_leading_axes", "test_pad2d_leading_axes_kept"]
HINT = "last two axes"


def pad2d(X, padding, value=0.0):
    X = np.asarray(X)
    if X.ndim < 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    (top, bottom), (left, right) = _padding_sides(padding)
    if X.dtype.kind in "iu" and (not np.isfinite(value) or value != int(value)):
        raise ValueError(f"value {value} does not fit an integer array")
    H, W = X.shape
    out = np.full((top + H + bottom, left + W + right), value, dtype=X.dtype)
    out[top : top + H, left : left + W] = X
    return out
