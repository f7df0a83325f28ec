"""relu_backward returns dY unchanged: the gradient of the identity, not of relu.

A mistake states only what differs from the reference (its other functions and helpers
stay): ``BREAKS`` is the function it changes, ``LOSES`` the tests that must lose points
(exactly those), ``HINT`` text a failing test's message must show. ``cnngrade validate @ID@``
checks all three.

Where real code does this: a backward pass written as "the activation's gradient is 1"
without the mask, as in a first draft of a layer's backward method.
"""

BREAKS = "relu_backward"
LOSES = [
    "test_relu_backward_example",
    "test_relu_backward_numerical",
    "test_relu_backward_at_zero",
]
HINT = "where X > 0"


def relu_backward(X, dY):
    X, dY = _as_real("X", X), _as_real("dY", dY)
    if X.shape != dY.shape:
        raise ValueError(f"dY must have X's shape {X.shape}, got {dY.shape}")
    return dY.copy()
