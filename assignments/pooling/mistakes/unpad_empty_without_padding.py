"""Backward strips the padding with dX[..., p:-p, p:-p], which is empty when p = 0.

Where real code does this: CS231n-style ``dx = dx_pad[:, :, pad:-pad, pad:-pad]``; with
``pad = 0`` the slice ``0:-0`` is ``0:0`` and the gradient has no rows or columns.
"""

BREAKS = "pool2d_backward"
LOSES = [
    "test_backward_example",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_shared_maximum",
    "test_backward_max_ties",
    "test_backward_leading_axes",
    "test_backward_integer_input",
]
HINT = "p:-p"


def _student_unpad(dXp, p):
    return dXp[..., p[0] : -p[0], p[1] : -p[1]]  # with p = 0, 0:-0 is 0:0: nothing


pool2d_backward = _student_pool2d_backward  # the plain one of _shared.py, with the unpadding above
