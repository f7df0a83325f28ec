"""``layer_shapes`` names each layer by its index in the ``nn.Sequential`` ("0", "1", ...)
instead of its class name.

Where real code does this: loops over ``net.named_children()`` (or ``named_modules()``),
whose names for an ``nn.Sequential`` are the positions "0", "1", ...; the book prints
``layer.__class__.__name__``.
"""

BREAKS = "layer_shapes"
LOSES = ["test_layer_shapes_classic", "test_layer_shapes_modern", "test_layer_shapes_hidden"]
HINT = "type(layer).__name__"


def layer_shapes(net, input_shape=(1, 1, 28, 28)):
    device = next(net.parameters()).device
    X = torch.zeros(input_shape, device=device)
    table = []
    with torch.no_grad():
        for name, layer in net.named_children():
            X = layer(X)
            table.append((name, tuple(X.shape)))
    return table
