"""learn_kernel averages the squared error over the outputs, but keeps the step size.

Where real code does this: ``loss = ((Y_hat - Y) ** 2).mean()`` (MSE, as
``nn.MSELoss`` does), so the gradient is divided by the number of outputs; with the
template's lr and steps, tuned for the summed loss of the book (``(Y_hat - Y) ** 2`` then
``.sum()``), the kernel is still far from [[1, -1]] when the steps run out.
"""

BREAKS = "learn_kernel"
LOSES = ["test_learn_edge_kernel", "test_learn_kernel"]
HINT = "sum((correlate2d(X, K) - Y) ** 2)"


def _loss_gradient(Y_hat, Y):
    return 2 * (Y_hat - Y) / Y.size  # d mean((Y_hat - Y) ** 2)


learn_kernel = _gradient_descent
