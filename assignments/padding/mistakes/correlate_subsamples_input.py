"""Stride applied to the input: X is subsampled first (Xp[::s_h, ::s_w]), then correlated.

Where real code does this: "stride s means every s-th pixel" implemented as downsampling the
padded image and running the stride-1 correlation on what is left; the windows then skip
pixels inside each window too, so both the values and (usually) the shape are wrong.
"""

BREAKS = "correlate2d"
LOSES = [
    "test_correlate2d_padding_and_stride",
    "test_correlate2d_asymmetric_padding_and_stride",
    "test_correlate2d_random",
    "test_correlate2d_geometry",
    "test_correlate2d_asymmetric_padding",
    "test_correlate2d_same",
    "test_correlate2d_result_dtype",
    "test_correlate2d_non_contiguous",
    "test_correlate2d_speed",  # the 7×7 kernel does not fit the subsampled timing input: it raises
]
HINT = "starting at (i*s_h, j*s_w)"


def correlate2d(X, K, padding=0, stride=1):
    X, K, sides, (s_h, s_w), _ = _correlate_args(X, K, padding, stride)
    small = pad2d(X, sides)[::s_h, ::s_w]  # every s-th pixel, then the stride-1 correlation
    return _reference_correlate2d(small, K)
