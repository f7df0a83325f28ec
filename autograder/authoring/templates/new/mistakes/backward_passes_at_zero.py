"""relu_backward passes dY where X >= 0: the gradient at exactly 0 becomes 1.

Where real code does this: ``(X >= 0)`` as the mask, from reading relu(x) = x for x >= 0.
"""

BREAKS = "relu_backward"
LOSES = ["test_relu_backward_example", "test_relu_backward_at_zero"]
HINT = "where X > 0"


def relu_backward(X, dY):
    X, dY = _as_real("X", X), _as_real("dY", dY)
    if X.shape != dY.shape:
        raise ValueError(f"dY must have X's shape {X.shape}, got {dY.shape}")
    return np.where(X >= 0, dY, 0).astype(np.result_type(X, dY))
