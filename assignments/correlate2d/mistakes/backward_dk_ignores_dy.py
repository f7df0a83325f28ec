"""dK sums the input windows and forgets to weight them by dY.

Where real code does this: a gradient derived for ``L = sum(Y)`` (dY all ones), the case a
first derivation usually works out by hand, then used for any dY: ``dK[a, b] =
X[a:a+o_h, b:b+o_w].sum()``. It passes a check with dY = ones and cannot learn anything.
"""

BREAKS = "correlate2d_backward"
LOSES = [
    "test_backward_numerical",
    "test_backward_geometry",
    # learn_kernel steps along this dK: it learns nothing
    "test_learn_edge_kernel",
    "test_learn_kernel",
]
HINT = "dK is the correlation of X with dY"


def _weight_gradient(window, dY):
    return window.sum()  # worked out for L = sum(Y), where dY is all ones


correlate2d_backward = _offsets_backward
