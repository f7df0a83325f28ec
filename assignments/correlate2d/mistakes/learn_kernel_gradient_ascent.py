"""learn_kernel steps along the gradient (K += lr * dK) instead of against it.

Where real code does this: an update written ``K += lr * grad`` (or the error taken as
``Y - Y_hat`` while the step stays ``K -= lr * grad``): gradient ascent on the squared
error, which blows up to inf/NaN within a few hundred steps.
"""

BREAKS = "learn_kernel"
LOSES = ["test_learn_edge_kernel", "test_learn_kernel"]
HINT = "gradient's sign"


def learn_kernel(X, Y, kernel_shape, lr=0.03, steps=200, seed=0):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    K = np.random.default_rng(seed).normal(size=kernel_shape)
    for _ in range(steps):
        Y_hat = correlate2d(X, K)
        _, dK = correlate2d_backward(X, K, 2 * (Y - Y_hat))
        K -= lr * dK
    return K
