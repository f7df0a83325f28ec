"""``layer_shapes`` ignores ``input_shape``: it always runs a (1, 1, 28, 28) tensor.

Where real code does this: the book's shape check copied verbatim,
``X = torch.rand(size=(1, 1, 28, 28), dtype=torch.float32)``, inside a function that takes
the shape as an argument.
"""

BREAKS = "layer_shapes"
LOSES = ["test_layer_shapes_hidden"]
HINT = "input_shape"


def layer_shapes(net, input_shape=(1, 1, 28, 28)):
    X = torch.rand(size=(1, 1, 28, 28), dtype=torch.float32)
    X = X.to(next(net.parameters()).device)
    result = []
    with torch.no_grad():
        for layer in net:
            X = layer(X)
            result.append((layer.__class__.__name__, tuple(X.shape)))
    return result
