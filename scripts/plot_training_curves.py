"""Draw the stage-5 handout's training curves: assignments/lenet/lenet_training_curves.svg.

Trains the reference LeNet (``modern=True``, 12 epochs, lr 0.05, batches of 32) on the kit's
digits on the CPU, as the handout's "Try it" cell does, and the classic sigmoid LeNet at the
book's lr 0.9 for comparison, and writes the loss and the train/test accuracy per epoch as a
small self-contained SVG (no plotting library needed).
Usage: python scripts/plot_training_curves.py [--epochs 12] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
TARGET = KIT / "assignments" / "lenet" / "lenet_training_curves.svg"
WIDTH, HEIGHT, PANEL_W, PANEL_H = 780, 290, 300, 190
LEFT, TOP = 70, 40
BLUE, RED, GREY = "#1f77b4", "#d62728", "#888888"


@dataclass(frozen=True)
class Line:
    label: str
    values: list[float]
    colour: str
    dash: str = ""  # an SVG stroke-dasharray


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


def _panel(x0: float, title: str, ylabel: str, lines: list[Line], y_max: float,
           ticks: list[float]) -> list[str]:  # fmt: skip
    epochs = len(lines[0].values)
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
    step = max(1, epochs // 6)
    for epoch in sorted({*range(1, epochs + 1, step), epochs}):
        x = x0 + (epoch - 1) * sx
        out.append(f'<text x="{x:.1f}" y="{TOP + PANEL_H + 18}" text-anchor="middle">'
                   f"{epoch}</text>")  # fmt: skip
    for index, line in enumerate(lines):
        points = " ".join(
            f"{x0 + i * sx:.1f},{TOP + PANEL_H - min(v, y_max) / y_max * PANEL_H:.1f}"
            for i, v in enumerate(line.values)
        )
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        stroke = f'stroke="{line.colour}" stroke-width="2"{dash}'
        out.append(f'<polyline points="{points}" fill="none" {stroke}/>')
        # legend at mid-height on the right, where the curves have settled above or below
        lx, ly = x0 + PANEL_W - 240, TOP + PANEL_H * 0.42 + 17 * index
        out.append(f'<line x1="{lx}" x2="{lx + 28}" y1="{ly:.1f}" y2="{ly:.1f}" {stroke}/>')
        out.append(f'<text x="{lx + 34}" y="{ly + 4:.1f}">{line.label}</text>')
    return out


def svg(modern: dict[str, list[float]], classic: dict[str, list[float]]) -> str:
    loss = [
        Line("ReLU, max pooling (lr 0.05)", modern["loss"], BLUE),
        Line("sigmoid, average pooling (lr 0.9)", classic["loss"], GREY, "2 3"),
    ]
    accuracy = [
        Line("ReLU: train", modern["train_acc"], BLUE),
        Line("ReLU: test", modern["test_acc"], RED, "6 4"),
        Line("sigmoid: test", classic["test_acc"], GREY, "2 3"),
    ]
    loss_max = max(2.5, *modern["loss"], *classic["loss"])
    body = _panel(LEFT, "Loss", "mean training loss", loss, loss_max, [0, 0.5, 1, 1.5, 2, 2.5])
    body += _panel(LEFT + PANEL_W + 90, "Accuracy", "accuracy", accuracy, 1.0,
                   [0, 0.25, 0.5, 0.75, 1])  # fmt: skip
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
    modern = run(True, args.epochs, 0.05, args.seed)
    classic = run(False, args.epochs, 0.9, args.seed)
    TARGET.write_text(svg(modern, classic))
    for name, history in (("ReLU", modern), ("sigmoid", classic)):
        print(f"{name}: final loss {history['loss'][-1]:.3f}, "
              f"test accuracy {history['test_acc'][-1]:.3f}")  # fmt: skip
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
