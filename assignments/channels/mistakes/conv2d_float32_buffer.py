"""conv2d builds its im2col matrix as float32, so float64 inputs get float32 arithmetic.

Where real code does this: ``np.zeros(shape, dtype=np.float32)`` for the column buffer
"to save memory, as PyTorch does", then a cast back to the input's dtype at the end: the
dtype looks right, but every value carries float32 rounding (about 1e-7 relative).
"""

BREAKS = "conv2d"
LOSES = [
    "test_multi_in_adds_channel_results",
    "test_conv2d_matches_channel_sums",
    "test_multi_in_random",
    "test_multi_in_out_random",
    "test_conv2d_random",
    "test_conv2d_non_contiguous",
    "test_conv2d_geometry",
]
HINT = "rounding"


_plain_im2col_product = _im2col_product


def _im2col_product(Xp, W, stride, out_hw):
    # the buffers in float32 "to save memory, as PyTorch does", the input's dtype at the end
    Y = _plain_im2col_product(Xp.astype(np.float32), W.astype(np.float32), stride, out_hw)
    return Y.astype(Xp.dtype)


conv2d = _plain_conv2d
