"""The history names its loss ``"train_loss"`` (the legend of the book's plots) instead of
``"loss"``.

Where real code does this: d2l's ``train_ch6`` plots ``legend=['train loss', 'train acc',
'test acc']``; students who turn the plotted series into a dict keep those names.
"""

BREAKS = "train"
LOSES = ["test_train_history", "test_train_history_values"]
HINT = ["'loss'", "train_loss"]


def train(net, train_iter, test_iter, num_epochs, lr, device):
    def init_weights(m):
        if type(m) == nn.Linear or type(m) == nn.Conv2d:  # noqa: E721
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss = nn.CrossEntropyLoss()
    history = {"train_loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        net.train()
        timer = time.perf_counter()
        l_sum, acc_sum, n = 0.0, 0, 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            y_hat = net(X)
            l = loss(y_hat, y)  # noqa: E741
            l.backward()
            optimizer.step()
            with torch.no_grad():
                l_sum += l.item() * X.shape[0]
                acc_sum += (y_hat.argmax(dim=1) == y).sum().item()
                n += X.shape[0]
        history["train_loss"].append(l_sum / n)
        history["train_acc"].append(acc_sum / n)
        history["examples_per_sec"].append(n / (time.perf_counter() - timer))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
