"""Leading axes moved to the end for the pooling, then put back with reshape, not moveaxis.

Where real code does this: channels-last numpy code (``X.transpose(1, 2, 0)``, Keras's
``(H, W, C)`` habit) pools ``X`` laid out as ``(H, W, N*C)`` so every window slice covers all
images at once, then returns ``Y.reshape(N, C, o_h, o_w)``: the shape is right but the values
of different images and channels are interleaved. One 2-D image is not affected.
"""

BREAKS = "pool2d"
LOSES = [
    "test_leading_axes_kept",
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_leading_axes_kept_hidden",
    "test_strides_and_windows",
    "test_max_integer_dtypes",
    "test_avg_integer_dtypes",
    "test_float32_stays_float32",
    "test_non_contiguous_inputs",
    "test_backward_max_numerical",
    "test_backward_max_ties",
    "test_backward_leading_axes",
]
HINT = "np.moveaxis"


_reference_pool2d = pool2d


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    Y = _reference_pool2d(X, pool_size, stride, padding, mode)
    *lead, o_h, o_w = Y.shape
    # what pooling X laid out as (H, W, images) gives: every image pooled on its own
    Yc = np.moveaxis(Y.reshape(-1, o_h, o_w), 0, -1)  # (o_h, o_w, images): channels last
    return Yc.reshape(*lead, o_h, o_w)  # should move the image axis back to the front first
