"""``modern`` ignored: ``lenet(modern=True)`` still builds the sigmoid, average-pooling net.

Where real code does this: the book's LeNet copied as is (``nn.Sigmoid()`` and
``nn.AvgPool2d``), with the ``modern`` argument added to the signature but never used.
"""

BREAKS = "lenet"
LOSES = [
    "test_layer_shapes_modern",
    "test_architecture_matches_reference",
    "test_layer_shapes_hidden",
    "test_train_learns_an_easy_task",
    "test_train_accuracy_on_held_out_digits",
]
HINT = ["ReLU", "MaxPool2d"]


def lenet(modern=False):
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10),
    )  # fmt: skip
    return net
