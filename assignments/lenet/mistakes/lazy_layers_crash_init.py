"""Lazy layers with the ``isinstance`` init of the handout: ``train`` crashes at once.

Where real code does this: d2l's second edition builds LeNet from ``nn.LazyConv2d`` and
``nn.LazyLinear``; combined with the usual ``isinstance(m, (nn.Linear, nn.Conv2d))`` init
(a lazy layer *is* an instance of both), ``nn.init.xavier_uniform_`` meets a weight that
does not exist yet and PyTorch raises "Attempted to use an uninitialized parameter". Every
test that trains the student's network fails with that error.
"""

BREAKS = "lenet"
LOSES = [
    "test_lenet_parameter_count",
    "test_train_history",
    "test_train_learns_an_easy_task",
    "test_train_moves_model_and_batches",
    "test_train_uses_xavier_init",
    "test_train_history_values",
    "test_train_history_matches_weights",
    "test_train_classic_network",
    "test_train_accuracy_on_held_out_digits",
]
HINT = ["uninitialized parameter", "dummy forward"]


def lenet(modern=False):
    activation = nn.ReLU() if modern else nn.Sigmoid()
    pooling = nn.MaxPool2d(2) if modern else nn.AvgPool2d(2)
    return nn.Sequential(
        nn.LazyConv2d(6, 5, padding=2), activation, pooling,
        nn.LazyConv2d(16, 5), activation, pooling,
        nn.Flatten(),
        nn.LazyLinear(120), activation,
        nn.LazyLinear(84), activation,
        nn.LazyLinear(10),
    )  # fmt: skip
