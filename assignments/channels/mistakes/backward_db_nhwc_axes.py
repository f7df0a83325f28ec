"""conv2d_backward sums dY over axes (0, 1, 2) for db: right in NHWC, wrong in NCHW.

Where real code does this: layers ported from TensorFlow/Keras (channels last), where
``db = dout.sum(axis=(0, 1, 2))`` keeps the channel axis; in NCHW it keeps the width
instead, giving o_w values (or wrong values when o_w == c_o).
"""

BREAKS = "conv2d_backward"
LOSES = ["test_backward_shapes", "test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "dY.sum(axis=(0, 2, 3))"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    dX, dW, _ = _reference_conv2d_backward(X, W, dY, stride, padding)
    db = np.asarray(dY).sum(axis=(0, 1, 2))  # channels last, as in TensorFlow and Keras
    return dX, dW, db
