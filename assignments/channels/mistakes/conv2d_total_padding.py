"""conv2d treats padding as the total number of rows and columns added, split over two sides.

Where real code does this: the book's p_h is the *total* padding ((n_h - k_h + p_h + 1)
output rows), and stage 2's output formula uses it that way; carried over to a layer with
PyTorch's ``padding=p`` (p zeros on *each* side), it pads p // 2 above and p - p // 2 below,
so padding=1 adds one row instead of two.
"""

BREAKS = "conv2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_conv2d_dtype",
    "test_conv2d_geometry",
    "test_conv2d_non_contiguous",
    "test_conv2d_output_shape",
    "test_conv2d_random",
    "test_conv2d_small_examples",
    "test_conv2d_speed",
]
HINT = "each side"


def _zero_padded(X, p_h, p_w):
    # p_h rows in all, p_h // 2 above and the rest below (likewise the columns)
    return np.pad(X, ((0, 0), (0, 0), (p_h // 2, p_h - p_h // 2), (p_w // 2, p_w - p_w // 2)))


conv2d = _plain_conv2d
