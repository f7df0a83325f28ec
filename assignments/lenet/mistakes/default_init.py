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


def train(net, train_iter, test_iter, num_epochs, lr, device):
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        net.train()
        tic = time.time()
        total_loss, n_correct, n_seen = 0.0, 0, 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            y_hat = net(X)
            loss = loss_fn(y_hat, y)
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * X.shape[0]
            n_correct += (y_hat.argmax(1) == y).sum().item()
            n_seen += X.shape[0]
        history["loss"].append(total_loss / n_seen)
        history["train_acc"].append(n_correct / n_seen)
        history["examples_per_sec"].append(n_seen / (time.time() - tic))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
