"""relu sets the negative entries of its input to 0 in place and returns the input.

Where real code does this: ``X[X < 0] = 0`` to save memory, as in-place activations
(``inplace=True`` in PyTorch) do on purpose; here the caller's array changes.
"""

BREAKS = "relu"
LOSES = ["test_inputs_unmodified"]
HINT = "never change the inputs"


def relu(X):
    X = _as_real("X", X)
    X[X < 0] = 0
    return X
