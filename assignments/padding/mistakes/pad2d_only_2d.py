"""pad2d unpacks ``H, W = X.shape``: it works for a single image and fails for a batch.

Where real code does this: padding helpers written for one grayscale image first
(``H, W = X.shape``, ``np.pad(X, ((p, p), (p, p)))``), later called on (N, C, H, W)
batches, where the unpacking fails, or np.pad, given two pairs, pads the wrong axes.
"""

BREAKS = "pad2d"
LOSES = ["test_pad2d_leading_axes", "test_pad2d_leading_axes_kept"]
HINT = "last two axes"


def pad2d(X, padding, value=0.0):
    X, ((top, bottom), (left, right)) = _pad_args(X, padding, value)
    H, W = X.shape  # one grayscale image
    out = np.full((top + H + bottom, left + W + right), value, dtype=X.dtype)
    out[top : top + H, left : left + W] = X
    return out
