"""Only the model is moved to the device: the batches stay where the loader made them.

Where real code does this: CPU-only training loops (the book's ``train_ch3`` style) that
get ``net.to(device)`` added when a GPU arrives, but not ``X, y = X.to(device),
y.to(device)`` inside the loop; on a CPU it runs, on a GPU it raises "Expected all tensors to
be on the same device".
"""

BREAKS = "train"
LOSES = ["test_train_moves_model_and_batches"]
HINT = "X.to(device)"


def train(net, train_iter, test_iter, num_epochs, lr, device):
    def init_weights(m):
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net = net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    criterion = nn.CrossEntropyLoss()
    history = {"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}
    for _epoch in range(num_epochs):
        net.train()
        start = time.perf_counter()
        running, correct, count = 0.0, 0, 0
        for X, y in train_iter:
            optimizer.zero_grad()
            out = net(X)
            loss = criterion(out, y)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(y)
            correct += (out.argmax(dim=1) == y).sum().item()
            count += len(y)
        seconds = time.perf_counter() - start
        history["loss"].append(running / count)
        history["train_acc"].append(correct / count)
        history["examples_per_sec"].append(count / seconds)
        history["test_acc"].append(evaluate_accuracy(net, test_iter, device))
    return history
