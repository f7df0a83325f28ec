"""dX written with = instead of +=: overlapping windows overwrite each other's gradient.

Where real code does this: CS231n ``conv_backward_naive`` ports with
``dx_pad[:, :, h1:h2, w1:w2] = w * dout[...]`` in place of ``+=``; every input pixel that
several windows share keeps only the last window's contribution.
"""

BREAKS = "correlate2d_backward"
LOSES = ["test_backward_numerical", "test_backward_geometry"]
HINT = "+="


def _spread_back(dX, window, part):
    dX[window] = part  # what the windows before it wrote there is lost


correlate2d_backward = _offsets_backward
