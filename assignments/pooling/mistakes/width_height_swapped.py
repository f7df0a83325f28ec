"""Pairs read as (width, height): pool_size, stride and padding are applied to the wrong axes.

Where real code does this: OpenCV and PIL give sizes as (width, height) (``cv2.resize(img,
(w, h))``, ``Image.size``); a student used to them unpacks ``k_w, k_h = pool_size`` while
NumPy's shape (and PyTorch's ``kernel_size``) is (rows, columns). Square windows hide it.
"""

BREAKS = "pool2d"
LOSES = [
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_default_stride",
    "test_strides_and_windows",
    "test_argument_types",
    "test_pool2d_errors",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
]
HINT = "(rows, columns)"


def _student_pairs(pool_size, stride, padding):
    k_w, k_h = _pair("pool_size", pool_size, 1)  # (width, height)
    s_w, s_h = (k_w, k_h) if stride is None else _pair("stride", stride, 1)
    p_w, p_h = _pair("padding", padding, 0)
    return (k_h, k_w), (s_h, s_w), (p_h, p_w)


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the pairs above
