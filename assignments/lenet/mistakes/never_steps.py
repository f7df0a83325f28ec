"""The training loop never calls ``optimizer.step()``: the weights never change.

Where real code does this: hand-written loops that compute the loss and call
``loss.backward()`` but lose the step when the manual update
``param -= lr * param.grad`` of an earlier exercise is replaced by an optimizer.
"""

BREAKS = "train"
LOSES = ["test_train_learns_an_easy_task", "test_train_accuracy_on_held_out_digits"]
HINT = "optimizer.step()"


def sgd_step(net, optimizer, loss_fn, X, y):
    optimizer.zero_grad()
    y_hat = net(X)
    loss = loss_fn(y_hat, y)
    loss.backward()  # the gradients are there, but nothing applies them
    return y_hat, loss


train = student_train
