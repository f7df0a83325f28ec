"""pad2d builds its output with np.zeros' default dtype: every result comes back float64.

Where real code does this: ``out = np.zeros((H + 2 * p, W + 2 * p))`` then ``out[p:-p,
p:-p] = X``, the most common hand-written padding; an int or float32 input silently becomes
float64 (and an integer image padded with a value like 255 comes back as floats).
"""

BREAKS = "pad2d"
LOSES = ["test_pad2d_value_and_dtype"]
HINT = "X's dtype"


def pad2d(X, padding, value=0.0):
    X, ((top, bottom), (left, right)) = _pad_args(X, padding, value)
    H, W = X.shape[-2:]
    out = np.zeros((*X.shape[:-2], top + H + bottom, left + W + right))  # float64, whatever X is
    out[...] = value
    out[..., top : top + H, left : left + W] = X
    return out
