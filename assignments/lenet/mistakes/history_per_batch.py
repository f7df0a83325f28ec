"""The loss and the training accuracy are appended to the history once per batch, not once
per epoch.

Where real code does this: loops that log "the loss curve" inside the batch loop
(``history["loss"].append(loss.item())``) as many tutorials plot it, while the test accuracy
is still appended after each epoch.
"""

BREAKS = "train"
LOSES = ["test_train_history", "test_train_history_values"]
HINT = "one value per epoch"


def log_epoch(history, batches, seconds, test_acc):
    for loss, correct, size in batches:  # "the loss curve": one point per batch
        history["loss"].append(loss)
        history["train_acc"].append(correct / size)
    history["examples_per_sec"].append(sum(size for *_, size in batches) / seconds)
    history["test_acc"].append(test_acc)


train = student_train
