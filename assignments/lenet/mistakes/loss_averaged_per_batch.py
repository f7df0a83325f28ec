"""The epoch's loss is the mean of the batch losses, not the mean over examples: the
smaller last batch weighs as much as a full one.

Where real code does this: the PyTorch port of d2l's first edition ("Dive-into-DL-PyTorch",
``train_ch5``) returns ``train_l_sum / batch_count``, and many loops divide the summed
``loss.item()`` by ``len(train_iter)``.
"""

BREAKS = "train"
LOSES = ["test_train_history_values"]
HINT = "per example"


def epoch_loss(batches):
    return sum(loss for loss, _, _ in batches) / len(batches)  # train_l_sum / batch_count


train = student_train
