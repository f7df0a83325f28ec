"""conv2d adds b[o] once per input channel, inside the sum over channels.

Where real code does this: a loop over input channels that accumulates
``correlate(X[:, c], W[:, c]) + b`` because "every correlation gets its bias"; output
channel o then carries c_i * b[o]. One-channel inputs (grayscale, the book's examples) hide it.
"""

BREAKS = "conv2d"
LOSES = [
    "test_conv2d_bias",
    "test_conv2d_matches_channel_sums",
    "test_conv2d_random",
    "test_conv2d_dtype",
    "test_conv2d_geometry",
]
HINT = "b[o] is added to every pixel of output channel o"


def conv2d(X, W, b=None, stride=1, padding=0):
    X, W = _conv_args(X, W, stride, padding)[:2]
    # every input channel's correlation gets its bias
    parts = [
        _reference_conv2d(X[:, c : c + 1], W[:, c : c + 1], b, stride, padding)
        for c in range(X.shape[1])
    ]
    return sum(parts)
