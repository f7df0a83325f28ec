"""Lazy layers with d2l's ``init_cnn``: the Xavier init is called but skips every layer.

Where real code does this: d2l's second edition builds LeNet from ``nn.LazyConv2d`` and
``nn.LazyLinear`` (no input sizes to compute) and initialises with ``init_cnn``, which tests
``type(module) == nn.Linear or type(module) == nn.Conv2d``; the book runs a dummy batch
through the network first (``apply_init``), ports that copy only ``init_cnn`` do not, so
every layer is still a ``LazyConv2d`` / ``LazyLinear`` when the init looks at it and keeps
PyTorch's default weights after its first forward pass.
"""

BREAKS = "lenet"
LOSES = ["test_lenet_parameter_count", "test_train_uses_xavier_init"]
HINT = ["lazy", "dummy forward"]
# PyTorch's default init trains a little worse: about 1 grading in 80 ends below 0.85 held out
MAY_LOSE = ["test_train_accuracy_on_held_out_digits"]


def lenet(modern=False):
    act = nn.ReLU if modern else nn.Sigmoid
    pool = nn.MaxPool2d if modern else nn.AvgPool2d
    return nn.Sequential(
        nn.LazyConv2d(6, kernel_size=5, padding=2), act(), pool(kernel_size=2, stride=2),
        nn.LazyConv2d(16, kernel_size=5), act(), pool(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.LazyLinear(120), act(),
        nn.LazyLinear(84), act(),
        nn.LazyLinear(10),
    )  # fmt: skip


def init_cnn(module):
    """Initialize weights for CNNs (d2l)."""
    if type(module) == nn.Linear or type(module) == nn.Conv2d:  # noqa: E721
        nn.init.xavier_uniform_(module.weight)


def start_training(net, lr, device):
    net.apply(init_cnn)
    net.to(device)
    return torch.optim.SGD(net.parameters(), lr=lr), nn.CrossEntropyLoss()


train = student_train
