"""No Xavier initialisation: train keeps PyTorch's default weights.

Where real code does this: ports of d2l's ``train_ch6`` that drop the ``init_weights`` /
``net.apply(init_weights)`` lines because "PyTorch already initialises the layers", and
tutorial training loops that never re-initialise a freshly built network.
"""

BREAKS = "train"
LOSES = ["test_train_uses_xavier_init"]
HINT = "xavier_uniform_"
# PyTorch's default init trains a little worse: about 1 grading in 80 ends below 0.85 held out
MAY_LOSE = ["test_train_accuracy_on_held_out_digits"]


def start_training(net, lr, device):
    net.to(device)  # no net.apply(init_weights): "PyTorch already initialises the layers"
    return torch.optim.SGD(net.parameters(), lr=lr), nn.CrossEntropyLoss()


train = student_train
