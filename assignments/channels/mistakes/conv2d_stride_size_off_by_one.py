"""conv2d computes the output size as (h + 2p - k + 1) // s: one row short at some strides.

Where real code does this: the book's ⌊(n_h - k_h + p_h + s_h) / s_h⌋ misremembered with 1
in place of s_h (right at stride 1, the case most tried); whenever h + 2p - k is a multiple
of the stride, the last window position is dropped.
"""

BREAKS = "conv2d"
LOSES = [
    "test_conv2d_output_shape",
    "test_conv2d_small_examples",
    "test_conv2d_random",
    "test_conv2d_dtype",
    "test_conv2d_geometry",
]
HINT = "(h + 2*p_h - k_h)//s_h + 1"


def _window_positions(padded, k, s):
    return (padded - k + 1) // s  # the book's (n - k + p + s) // s with 1 for s


conv2d = _plain_conv2d
