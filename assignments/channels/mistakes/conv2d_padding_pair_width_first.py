"""conv2d reads a padding pair in torch.nn.functional.pad's order: width first.

Where real code does this: ``F.pad(x, (p_w, p_w, p_h, p_h))`` lists the *last* axis first,
and code that translates a conv layer's ``padding=(p_h, p_w)`` through it, or copies that
order into ``np.pad``, pads the rows by p_w and the columns by p_h. Square paddings hide it.
"""

BREAKS = "conv2d"
LOSES = ["test_conv2d_output_shape", "test_conv2d_random", "test_conv2d_geometry"]
HINT = "(for height, for width)"


def conv2d(X, W, b=None, stride=1, padding=0):
    p_w, p_h = _pair("padding", padding, 0)  # (left/right, top/bottom), as F.pad lists them
    return _reference_conv2d(X, W, b, stride, (p_h, p_w))
