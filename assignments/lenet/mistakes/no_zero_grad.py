"""The training loop never zeroes the gradients: every step adds all earlier gradients.

Where real code does this: loops written from the "backward, step" pattern that forget
``optimizer.zero_grad()`` (PyTorch accumulates ``.grad`` on purpose, for gradient
accumulation), so each step follows the sum of every gradient so far.
"""

BREAKS = "train"
LOSES = ["test_train_learns_an_easy_task", "test_train_accuracy_on_held_out_digits"]
HINT = "optimizer.zero_grad()"


def sgd_step(net, optimizer, loss_fn, X, y):
    y_hat = net(X)
    loss = loss_fn(y_hat, y)
    loss.backward()  # adds to .grad, which still holds every earlier batch's gradient
    optimizer.step()
    return y_hat, loss


train = student_train
