"""A plain student ``train``, written as the small steps that the training mistakes get wrong.

Graded after the reference and before each mistake (see ``autograder.authoring.mistakes``).
``student_train`` trains as the reference does, built from the steps below; a mistake
redefines the one step it gets wrong and sets ``train = student_train``. No name here is one
of the reference's, so the reference's own functions never call this file's code.
"""


def xavier_init(module):
    if isinstance(module, nn.Linear | nn.Conv2d):
        nn.init.xavier_uniform_(module.weight)


def start_training(net, lr, device):
    """The set-up: Xavier's weights, the model on ``device``; (SGD optimiser, loss)."""
    net.apply(xavier_init)
    net.to(device)
    return torch.optim.SGD(net.parameters(), lr=lr), nn.CrossEntropyLoss()


def to_device(X, y, device):
    return X.to(device), y.to(device)


def sgd_step(net, optimizer, loss_fn, X, y):
    """One minibatch step; returns the batch's predictions and its mean loss."""
    optimizer.zero_grad()
    y_hat = net(X)
    loss = loss_fn(y_hat, y)
    loss.backward()
    optimizer.step()
    return y_hat, loss


def train_epoch(net, train_iter, optimizer, loss_fn, device):
    """One pass over the batches: ([(mean loss, correct, size) per batch], seconds)."""
    net.train()
    start = time.perf_counter()
    batches = []
    for X, y in train_iter:
        X, y = to_device(X, y, device)
        y_hat, loss = sgd_step(net, optimizer, loss_fn, X, y)
        batches.append((loss.item(), (y_hat.argmax(dim=1) == y).sum().item(), len(y)))
    return batches, time.perf_counter() - start


def epoch_loss(batches):
    """The mean over the epoch's examples (the last batch may be a smaller one)."""
    return sum(loss * size for loss, _, size in batches) / sum(size for *_, size in batches)


def log_epoch(history, batches, seconds, test_acc):
    """Append one value per key: the epoch's means over its examples, speed, test_acc."""
    seen = sum(size for *_, size in batches)
    history["loss"].append(epoch_loss(batches))
    history["train_acc"].append(sum(correct for _, correct, _ in batches) / seen)
    history["examples_per_sec"].append(seen / seconds)
    history["test_acc"].append(test_acc)


def student_train(net, train_iter, test_iter, num_epochs, lr, device):
    optimizer, loss_fn = start_training(net, lr, device)
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        batches, seconds = train_epoch(net, train_iter, optimizer, loss_fn, device)
        log_epoch(history, batches, seconds, evaluate_accuracy(net, test_iter, device))
    return history
