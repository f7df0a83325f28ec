"""Only the model is moved to the device: the batches stay where the loader made them.

Where real code does this: CPU-only training loops (the book's ``train_ch3`` style) that
get ``net.to(device)`` added when a GPU arrives, but not ``X, y = X.to(device),
y.to(device)`` inside the loop; on a CPU it runs, on a GPU it raises "Expected all tensors to
be on the same device".
"""

BREAKS = "train"
LOSES = ["test_train_moves_model_and_batches"]
HINT = "X.to(device)"


def to_device(X, y, device):
    return X, y  # no X, y = X.to(device), y.to(device): on a CPU nothing seems wrong


train = student_train
