"""conv2d_backward divides dW and db by the batch size, as if the loss were a mean.

Where real code does this: gradients copied from a training loop whose loss is averaged
over the batch (``dW /= N`` as in a softmax or linear-regression gradient); the layer's
gradient of L = sum(dY * Y) has no 1/N: dY already carries any averaging of the loss.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_backward_shapes", "test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "no 1/n"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    dX, dW, db = _reference_conv2d_backward(X, W, dY, stride, padding)
    n = dX.shape[0]
    return dX, dW / n, db / n  # averaged over the batch
