"""conv2d_backward cuts the padding off with dXp[:, :, p:-p, p:-p]: empty when p = 0.

Where real code does this: CS231n-style ``dx = dx_pad[:, :, pad:-pad, pad:-pad]``, right
for every padding but 0, where ``0:-0`` is ``0:0`` and dX comes back with no rows or columns.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "p = 0"


def _unpadded(dXp, p_h, p_w):
    return dXp[:, :, p_h:-p_h, p_w:-p_w]  # with p = 0 that is 0:0


conv2d_backward = _backward_via_padded
