"""The epoch's loss is the mean of the batch losses, not the mean over examples: the
smaller last batch weighs as much as a full one.

Where real code does this: the PyTorch port of d2l's first edition ("Dive-into-DL-PyTorch",
``train_ch5``) returns ``train_l_sum / batch_count``, and many loops divide the summed
``loss.item()`` by ``len(train_iter)``.
"""

BREAKS = "train"
LOSES = ["test_train_history_values"]
HINT = "per example"


def train(net, train_iter, test_iter, num_epochs, lr, device):
    def init_weights(m):
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net = net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss = torch.nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        net.train()
        train_l_sum, train_acc_sum, n, batch_count = 0.0, 0.0, 0, 0
        start = time.time()
        for X, y in train_iter:
            X = X.to(device)
            y = y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)  # noqa: E741
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            train_l_sum += l.cpu().item()
            train_acc_sum += (y_hat.argmax(dim=1) == y).sum().cpu().item()
            n += y.shape[0]
            batch_count += 1
        history["loss"].append(train_l_sum / batch_count)
        history["train_acc"].append(train_acc_sum / n)
        history["examples_per_sec"].append(n / (time.time() - start))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
