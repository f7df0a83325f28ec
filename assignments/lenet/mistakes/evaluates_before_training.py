"""The test accuracy is measured at the start of each epoch, before its training steps, so
the history's last ``test_acc`` belongs to the weights of one epoch earlier.

Where real code does this: loops that evaluate first ("how good is the model now?") and then
train the epoch, so the accuracy of the final weights is never measured.
"""

BREAKS = "train"
LOSES = ["test_train_history_matches_weights"]
HINT = "after the epoch's last step"


def train(net, train_iter, test_iter, num_epochs, lr, device):
    optimizer, loss_fn = start_training(net, lr, device)
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        test_acc = evaluate_accuracy(net, test_iter, device)  # "how good is the model now?"
        batches, seconds = train_epoch(net, train_iter, optimizer, loss_fn, device)
        log_epoch(history, batches, seconds, test_acc)
    return history
