"""Average backward divides each window's gradient by its number of real cells.

Where real code does this: "padded cells are not data, so only the real cells share the
gradient": ``dX += dY / count`` with ``count`` the number of input cells in the window (the
gradient of TensorFlow-style ``count_include_pad=False`` averaging), while the forward pass
divides by ``k_h * k_w``. Border cells then get too much gradient.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_avg_numerical"]
HINT = "padded cells included in the count"


_reference_pool2d_backward = pool2d_backward  # the max part is right


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    if mode == "avg":
        # real: the share of each window on input cells (1 where it holds no padding)
        real = pool2d(np.ones(np.shape(X)[-2:]), pool_size, stride, padding, "avg")
        dY = dY / real  # so each cell gets dY / (input cells in the window), not / (k_h * k_w)
    return _reference_pool2d_backward(X, dY, pool_size, stride, padding, mode)
