"""The training loop never calls ``optimizer.step()``: the weights never change.

Where real code does this: hand-written loops that compute the loss and call
``loss.backward()`` but lose the step when the manual update
``param -= lr * param.grad`` of an earlier exercise is replaced by an optimizer.
"""

BREAKS = "train"
LOSES = ["test_train_learns_an_easy_task", "test_train_accuracy_on_held_out_digits"]
HINT = "optimizer.step()"


def train(net, train_iter, test_iter, num_epochs, lr, device):
    def init_weights(m):
        if type(m) in (nn.Linear, nn.Conv2d):
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        net.train()
        t0 = time.time()
        loss_sum, hits, n = 0.0, 0, 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            y_hat = net(X)
            loss = loss_fn(y_hat, y)
            loss.backward()
            loss_sum += loss.item() * y.numel()
            hits += (y_hat.argmax(dim=1) == y).sum().item()
            n += y.numel()
        history["loss"].append(loss_sum / n)
        history["train_acc"].append(hits / n)
        history["examples_per_sec"].append(n / (time.time() - t0))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
