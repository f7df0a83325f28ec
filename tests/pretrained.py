"""Stage 5's strongest shortcut: weights trained beforehand on every public digit.

:func:`pretrained_upload` trains the reference LeNet (ReLU, max pooling) on all 1,797 digits
the kit ships, on the trusted side, and writes an upload whose ``train`` takes no SGD step:
it loads those weights (embedded in the source) and undoes the grading's label permutation
by a vote over the training batches it is given. While the held-out digits were the public
images, relabelled, this scored 42/52 with held-out accuracy 1.000 (and 50/52 with the
rest of ``train`` done honestly). ``jitter`` adds noise to every run, so that two runs end
as different networks.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import numpy as np

from autograder.lab import datasets
from tests.support import KIT, LENET_REFERENCE

#: (jitter, what the student is shown): shipped weights loaded as they are end as one
#: network in both runs; shipped weights with fresh noise per run meet disguised digits
PRETRAINED = [(0.0, "ended both times with the same network"), (0.02, "held-out disguised digits")]

_TRAIN = "def train(net, train_iter, test_iter, num_epochs, lr, device):\n"

#: the attack's train: shipped weights, relabelled by a vote, and the history the tests ask for
_ATTACK = """
_SHIPPED = {blob!r}
_JITTER = {jitter!r}  # noise per run, so that two runs end as different networks


def train(net, train_iter, test_iter, num_epochs, lr, device):
    import base64 as _b64
    import io as _io

    import numpy as _np

    shipped = _np.load(_io.BytesIO(_b64.b64decode(_SHIPPED)))
    params = [torch.from_numpy(shipped[f"p{{i}}"]) for i in range(len(shipped.files))]
    with torch.no_grad():
        for mine, theirs in zip(net.parameters(), params):
            mine.copy_(theirs + _JITTER * theirs.std() * torch.randn_like(theirs))
        votes = torch.zeros(10, 10)
        for X, y in train_iter:  # which given label does each shipped class become?
            guess = net(X).argmax(dim=1)
            votes.index_put_((guess, y), torch.ones(len(y)), accumulate=True)
        order = [0] * 10
        for _ in range(10):
            flat = int(votes.argmax())
            mine, given = divmod(flat, 10)
            order[given] = mine
            votes[mine, :] = -1
            votes[:, given] = -1
        last = [m for m in net.modules() if isinstance(m, nn.Linear)][-1]
        last.weight.copy_(last.weight[order].clone())
        last.bias.copy_(last.bias[order].clone())
    net.to(device)
    accuracy = evaluate_accuracy(net, test_iter, device)
    history = {{"loss": [], "train_acc": [], "test_acc": [], "examples_per_sec": []}}
    for _ in range(num_epochs):
        history["loss"].append(0.1)
        history["train_acc"].append(accuracy)
        history["test_acc"].append(accuracy)
        history["examples_per_sec"].append(1000.0)
    return history
"""


def pretrained_weights(lab: Any, epochs: int = 15) -> list[np.ndarray]:
    """The reference's modern LeNet trained on every shipped digit (seeded)."""
    import torch

    torch.manual_seed(0)
    images, labels = datasets.load_digits28(KIT / "assignments" / "lenet" / "data")
    net = lab.lenet(modern=True)
    data = datasets.data_iters(images, labels, 32, seed=0)
    test = datasets.data_iters(images[:256], labels[:256], 256, shuffle=False)
    lab.train(net, data, test, epochs, 0.05, torch.device("cpu"))
    return [p.detach().numpy().copy() for p in net.parameters()]


def pretrained_upload(lab: Any, root: Path, jitter: float = 0.0) -> Path:
    """Write the attack's ``lenet.py`` under ``root`` and return its path; ``jitter``: noise
    added to the shipped weights in every run, as a share of each tensor's spread."""
    buffer = io.BytesIO()
    np.savez(buffer, **{f"p{i}": p for i, p in enumerate(pretrained_weights(lab))})
    blob = base64.b64encode(buffer.getvalue()).decode("ascii")
    source = LENET_REFERENCE.read_text()
    head, _, _ = source.partition(_TRAIN)
    assert head != source, "the stage-5 reference's train changed: update tests/pretrained.py"
    root.mkdir(parents=True, exist_ok=True)
    path = root / "lenet.py"
    path.write_text(head + _ATTACK.format(blob=blob, jitter=jitter).lstrip("\n"))
    return path


def assert_no_help(results: dict, shows: str) -> None:
    """At most a trace of the held-out test's partial credit (a vote over any fixed
    features reaches about 0.2, measured median 0.21 and at most 0.34 over 40 gradings;
    partial credit starts at 0.30), a leaderboard far below an honest train's 0.95, and no
    more than a train that never steps scores (38/52)."""
    [held_out] = [t for t in results["tests"] if "held-out" in t["name"]]
    assert held_out["score"] < 2.5 and shows in held_out["output"], held_out
    [board] = results["leaderboard"]
    assert board["value"] < 0.4, board
    assert results["score"] <= 38, results["score"]
