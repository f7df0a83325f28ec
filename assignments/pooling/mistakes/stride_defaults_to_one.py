"""stride=None is read as stride 1 (a convolution's default), not as the window size.

Where real code does this: pooling written by adapting a convolution layer, which slides one
pixel at a time by default (``nn.Conv2d(stride=1)``); the windows then overlap and the output
is almost as large as the input, where ``nn.MaxPool2d(2)`` halves it.
"""

BREAKS = "pool2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_max_pool_example",
    "test_avg_pool_example",
    "test_output_shape",
    "test_leading_axes_kept",
    "test_max_keeps_dtype",
    "test_hidden_examples",
    "test_default_stride",
    "test_avg_integer_dtypes",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_max_ties",
    "test_backward_leading_axes",
    "test_backward_integer_input",
    "test_pool2d_speed",
]
HINT = "stride = pool_size"


def _student_pairs(pool_size, stride, padding):
    if stride is None:
        stride = 1  # slide one pixel at a time, as a convolution does
    k = _pair("pool_size", pool_size, 1)
    return k, _pair("stride", stride, 1), _pair("padding", padding, 0)


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the pairs above
