"""learn_kernel steps along the gradient (K += lr * dK) instead of against it.

Where real code does this: an update written ``K += lr * grad`` (or the error taken as
``Y - Y_hat`` while the step stays ``K -= lr * grad``): gradient ascent on the squared
error, which blows up to inf/NaN within a few hundred steps.
"""

BREAKS = "learn_kernel"
LOSES = ["test_learn_edge_kernel", "test_learn_kernel"]
HINT = "gradient's sign"


def _loss_gradient(Y_hat, Y):
    return 2 * (Y - Y_hat)  # the error as Y - Y_hat, the step still K -= lr * dK


learn_kernel = _gradient_descent
