"""The test accuracy is measured at the start of each epoch, before its training steps, so
the history's last ``test_acc`` belongs to the weights of one epoch earlier.

Where real code does this: loops that evaluate first ("how good is the model now?") and then
train the epoch, so the accuracy of the final weights is never measured.
"""

BREAKS = "train"
LOSES = ["test_train_history_matches_weights"]
HINT = "after the epoch's last step"


def train(net, train_iter, test_iter, num_epochs, lr, device):
    def init_weights(m):
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
        net.train()
        start = time.perf_counter()
        total, correct, seen = 0.0, 0, 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            out = net(X)
            loss = loss_fn(out, y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            correct += (out.argmax(1) == y).sum().item()
            seen += len(y)
        history["loss"].append(total / seen)
        history["train_acc"].append(correct / seen)
        history["examples_per_sec"].append(seen / (time.perf_counter() - start))
    return history
