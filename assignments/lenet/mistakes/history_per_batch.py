"""The loss and the training accuracy are appended to the history once per batch, not once
per epoch.

Where real code does this: loops that log "the loss curve" inside the batch loop
(``history["loss"].append(loss.item())``) as many tutorials plot it, while the test accuracy
is still appended after each epoch.
"""

BREAKS = "train"
LOSES = ["test_train_history", "test_train_history_values"]
HINT = "one value per epoch"


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
        net.train()
        start = time.perf_counter()
        seen = 0
        for X, y in train_iter:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            y_hat = net(X)
            loss = loss_fn(y_hat, y)
            loss.backward()
            optimizer.step()
            seen += len(y)
            history["loss"].append(loss.item())
            history["train_acc"].append((y_hat.argmax(1) == y).float().mean().item())
        history["examples_per_sec"].append(seen / (time.perf_counter() - start))
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
