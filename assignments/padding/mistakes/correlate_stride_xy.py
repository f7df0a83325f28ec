"""correlate2d reads a stride pair as (s_x, s_y), horizontal first: the strides are swapped.

Where real code does this: stride written ``(sx, sy)`` as in image coordinates (OpenCV's
points and sizes put x first); ``stride=(2, 3)`` then steps 3 rows down and 2 columns across
instead of 2 rows and 3 columns. Square strides hide it.
"""

BREAKS = "correlate2d"
LOSES = [
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_correlate2d_geometry",
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_random",
]
HINT = "(s_h, s_w)"


def _strides(stride):
    s_x, s_y = _pair("stride", stride, 1)  # x goes across, y goes down
    return s_y, s_x


correlate2d = _plain_correlate2d
