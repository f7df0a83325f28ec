"""dX from a full correlation of dY with K: the kernel is not flipped.

Where real code does this: the full padding done right, then the padded dY is passed to
the same ``correlate2d`` as the forward pass; the backward pass of a correlation needs the
kernel rotated by 180 degrees (a convolution), a step CS231n-style derivations make explicit
and ports often drop.
"""

BREAKS = "correlate2d_backward"
LOSES = ["test_backward_numerical", "test_backward_geometry"]
HINT = "flipped on both axes"


def _input_gradient(dY, K):
    k_h, k_w = K.shape
    dY_full = np.pad(dY, ((k_h - 1, k_h - 1), (k_w - 1, k_w - 1)))
    return correlate2d(dY_full, K)  # the forward pass's correlation: K is not flipped


correlate2d_backward = _correlation_backward
