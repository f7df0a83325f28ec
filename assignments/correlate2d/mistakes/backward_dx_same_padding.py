"""dX from a "same"-padded dY (k // 2 per side) instead of the full padding of k - 1.

Where real code does this: backward passes that reuse the forward pass's "same" padding
(``pad = k // 2``) for the input gradient; with a 2×2 kernel k // 2 = k - 1 = 1 and the
result is right, so a hand check on the lecture's 2×2 example passes, but any kernel of
3 or more gives dX the wrong shape.
"""

BREAKS = "correlate2d_backward"
LOSES = ["test_backward_shapes", "test_backward_numerical", "test_backward_geometry"]
HINT = "pad dY by k - 1"


def _dY_padding(K):
    return K.shape[0] // 2, K.shape[1] // 2  # the forward pass's "same" padding


correlate2d_backward = _correlation_backward
