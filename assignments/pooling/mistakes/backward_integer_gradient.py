"""Backward builds dX with np.zeros_like(X): integer images get an integer gradient.

Where real code does this: ``dx = np.zeros_like(x)`` is the usual first line of a CS231n
backward pass; with uint8 or int64 pixels every share of the gradient is truncated (0.5
becomes 0) or wraps around.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_integer_input"]
HINT = "np.zeros_like(X)"


def _student_gradient(Xp, dY):
    return np.zeros_like(Xp)  # Xp is X padded, in X's dtype: uint8 pixels, uint8 gradient


pool2d_backward = _student_pool2d_backward  # the plain one of _shared.py, with the dX above
