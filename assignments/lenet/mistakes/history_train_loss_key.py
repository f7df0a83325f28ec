"""The history names its loss ``"train_loss"`` (the legend of the book's plots) instead of
``"loss"``.

Where real code does this: d2l's ``train_ch6`` plots ``legend=['train loss', 'train acc',
'test acc']``; students who turn the plotted series into a dict keep those names.
"""

BREAKS = "train"
LOSES = ["test_train_history", "test_train_history_values"]
HINT = ["'loss'", "train_loss"]


_reference_train = train


def train(net, train_iter, test_iter, num_epochs, lr, device):
    history = _reference_train(net, train_iter, test_iter, num_epochs, lr, device)
    history["train_loss"] = history.pop("loss")  # the name in the plot's legend
    return history
