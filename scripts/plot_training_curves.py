"""Train the reference LeNet and record its curves: assignments/lenet/training_history.json.

Trains the reference LeNet (``modern=True``, 12 epochs, lr 0.05, batches of 32) on the kit's
digits on the CPU, as the handout's "Try it" cell does, and the classic sigmoid LeNet at the
book's lr 0.9 for comparison, and writes the loss and the train/test accuracy per epoch as
JSON. `cnngrade release` draws the handout's figure (``lenet_training_curves.svg``) from that
file with matplotlib (``assignments/lenet/figures.py``), so that a release never trains.
Usage: python scripts/plot_training_curves.py [--epochs 12] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
TARGET = KIT / "assignments" / "lenet" / "training_history.json"
#: the two networks of the figure: (key, modern, lr)
RUNS = (("relu", True, 0.05), ("sigmoid", False, 0.9))
CURVES = ("loss", "train_acc", "test_acc")


def run(modern: bool, epochs: int, lr: float, seed: int) -> dict[str, list[float]]:
    import torch

    sys.path.insert(0, str(KIT / "solutions"))
    from cnnlab.lenet import lenet, train

    from autograder.lab.datasets import data_iters, load_digits28, split

    torch.manual_seed(seed)
    images, labels = load_digits28()
    (train_x, train_y), (test_x, test_y) = split(images, labels, 0.2, seed=seed)
    history: dict[str, list[float]] = train(
        lenet(modern=modern), data_iters(train_x, train_y, 32, seed=seed),
        data_iters(test_x, test_y, 256, shuffle=False), epochs, lr, torch.device("cpu"),
    )  # fmt: skip
    return history


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    record: dict[str, object] = {
        "made_by": "scripts/plot_training_curves.py",
        "settings": {"epochs": args.epochs, "seed": args.seed, "batch_size": 32,
                     "device": "cpu", "torch": torch.__version__},
    }  # fmt: skip
    for key, modern, lr in RUNS:
        history = run(modern, args.epochs, lr, args.seed)
        record[key] = {"modern": modern, "lr": lr,
                       **{c: [round(float(v), 6) for v in history[c]] for c in CURVES}}  # fmt: skip
        print(f"{key}: final loss {history['loss'][-1]:.3f}, "
              f"test accuracy {history['test_acc'][-1]:.3f}")  # fmt: skip
    TARGET.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {TARGET}; run `cnngrade release` to redraw the handout's figure")


if __name__ == "__main__":
    main()
