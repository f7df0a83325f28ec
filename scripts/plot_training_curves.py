"""Draw the stage-5 handout's training curves: assignments/lenet/lenet_training_curves.svg.

Trains the reference LeNet (``modern=True``, 12 epochs, lr 0.05, batches of 32) on the kit's
digits on the CPU, as the handout's "Try it" cell does, and writes the loss and the
train/test accuracy per epoch as a small self-contained SVG (no plotting library needed).
Usage: python scripts/plot_training_curves.py [--epochs 12] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
TARGET = KIT / "assignments" / "lenet" / "lenet_training_curves.svg"
WIDTH, HEIGHT, PANEL_W, PANEL_H = 760, 290, 300, 190
LEFT, TOP = 70, 40
COLOURS = {"loss": "#1f77b4", "train_acc": "#1f77b4", "test_acc": "#d62728"}


def run(epochs: int, seed: int) -> dict[str, list[float]]:
    import torch

    sys.path.insert(0, str(KIT / "solutions"))
    from cnnlab.lenet import lenet, train

    from autograder.datasets import data_iters, load_digits28, split

    torch.manual_seed(seed)
    images, labels = load_digits28()
    (train_x, train_y), (test_x, test_y) = split(images, labels, 0.2, seed=seed)
    history: dict[str, list[float]] = train(
        lenet(modern=True), data_iters(train_x, train_y, 32, seed=seed),
        data_iters(test_x, test_y, 256, shuffle=False), epochs, 0.05, torch.device("cpu"),
    )  # fmt: skip
    return history


def _panel(x0: float, title: str, ylabel: str, series: dict[str, list[float]],
           y_max: float, ticks: list[float]) -> list[str]:  # fmt: skip
    epochs = len(next(iter(series.values())))
    sx = PANEL_W / max(epochs - 1, 1)
    out = [
        f'<text x="{x0 + PANEL_W / 2}" y="{TOP - 14}" text-anchor="middle" '
        f'font-weight="bold">{title}</text>',
        f'<rect x="{x0}" y="{TOP}" width="{PANEL_W}" height="{PANEL_H}" fill="none" '
        'stroke="#444"/>',
        f'<text x="{x0 + PANEL_W / 2}" y="{TOP + PANEL_H + 36}" text-anchor="middle">epoch</text>',
        f'<text transform="translate({x0 - 48},{TOP + PANEL_H / 2}) rotate(-90)" '
        f'text-anchor="middle">{ylabel}</text>',
    ]
    for tick in ticks:
        y = TOP + PANEL_H - tick / y_max * PANEL_H
        out.append(f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y:.1f}" y2="{y:.1f}" '
                   'stroke="#ddd"/>')  # fmt: skip
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:g}</text>')
    for epoch in range(1, epochs + 1, max(1, epochs // 6)):
        x = x0 + (epoch - 1) * sx
        out.append(f'<text x="{x:.1f}" y="{TOP + PANEL_H + 18}" text-anchor="middle">'
                   f"{epoch}</text>")  # fmt: skip
    for legend, (name, values) in enumerate(series.items()):
        points = " ".join(
            f"{x0 + i * sx:.1f},{TOP + PANEL_H - min(v, y_max) / y_max * PANEL_H:.1f}"
            for i, v in enumerate(values)
        )
        dash = ' stroke-dasharray="6 4"' if name == "test_acc" else ""
        colour = COLOURS[name]
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')  # fmt: skip
        if len(series) > 1:
            label = {"train_acc": "train", "test_acc": "test"}[name]
            ly = TOP + PANEL_H - 40 + 18 * legend
            out.append(f'<line x1="{x0 + PANEL_W - 90}" x2="{x0 + PANEL_W - 62}" y1="{ly}" '
                       f'y2="{ly}" stroke="{colour}" stroke-width="2"{dash}/>')  # fmt: skip
            out.append(f'<text x="{x0 + PANEL_W - 56}" y="{ly + 4}">{label}</text>')
    return out


def svg(history: dict[str, list[float]]) -> str:
    loss_max = max(2.5, max(history["loss"]))
    body = _panel(LEFT, "Loss", "mean training loss", {"loss": history["loss"]},
                  loss_max, [0, 0.5, 1, 1.5, 2, 2.5])  # fmt: skip
    body += _panel(LEFT + PANEL_W + 90, "Accuracy", "accuracy",
                   {"train_acc": history["train_acc"], "test_acc": history["test_acc"]},
                   1.0, [0, 0.25, 0.5, 0.75, 1])  # fmt: skip
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">\n'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    history = run(args.epochs, args.seed)
    TARGET.write_text(svg(history))
    print(f"wrote {TARGET}: final loss {history['loss'][-1]:.3f}, "
          f"test accuracy {history['test_acc'][-1]:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
