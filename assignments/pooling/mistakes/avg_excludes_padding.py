"""Average pooling divides by the number of real cells, not by k_h * k_w.

Where real code does this: TensorFlow's ``tf.nn.avg_pool`` / Keras ``AveragePooling2D`` with
``padding="same"`` leave padded cells out of the count (PyTorch's ``count_include_pad=False``);
ports of TF code, and students who reason that "padding is not data", divide by the count of
real cells.
"""

BREAKS = "pool2d"
LOSES = [
    "test_avg_counts_padding",
    "test_strides_and_windows",
    "test_avg_integer_dtypes",
    "test_float32_stays_float32",
]
HINT = "count_include_pad"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    Y = _student_pool2d(X, pool_size, stride, padding, mode)  # avg: sum / (k_h * k_w)
    if mode == "avg":
        # real: the share of each window on input cells (1 where it holds no padding)
        real = _student_pool2d(np.ones(np.shape(X)[-2:]), pool_size, stride, padding, "avg")
        Y /= real  # so each window's sum is divided by its number of input cells only
    return Y
