"""dK computed with a convolution of X and dY where a cross-correlation is needed.

Where real code does this: "the gradient of a convolution is a convolution" applied to the
kernel's gradient too, e.g. ``dK = convolve2d(X, dY)`` (or ``scipy.signal.convolve2d(X, dY,
'valid')``) in numpy CNN projects; dK comes out rotated by 180 degrees.
"""

BREAKS = "correlate2d_backward"
LOSES = [
    "test_learn_edge_kernel",
    "test_backward_numerical",
    "test_backward_geometry",
    "test_learn_kernel",
]
HINT = "dK is the correlation of X with dY"


def _kernel_gradient(X, dY):
    return convolve2d(X, dY)  # "the gradient of a convolution is a convolution"


correlate2d_backward = _correlation_backward
