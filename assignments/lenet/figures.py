"""Stage 5's figure, drawn by `cnngrade release`: the reference LeNet's training curves.

Training takes a while and its last digits depend on the machine's CPU kernels, so release
does not train: ``scripts/plot_training_curves.py`` trains the reference
(``solutions/cnnlab/lenet.py``, as the handout's "Try it" cell does) and records the curves
in ``training_history.json``, which this figure is drawn from. Rerun that script after
changing the reference's training, then `cnngrade release`.
"""

from __future__ import annotations

import json

from autograder.authoring.figures import COLOURS, Sources, figure

HISTORY = "training_history.json"
GREY = "#808080"


def training_curves(sources: Sources) -> object:
    """Loss and accuracy per epoch: the ReLU LeNet against the classic sigmoid one."""
    record = json.loads((sources.directory / HISTORY).read_text(encoding="utf-8"))
    relu, sigmoid = record["relu"], record["sigmoid"]
    epochs = range(1, len(relu["loss"]) + 1)
    fig = figure((9.0, 3.4))
    loss, accuracy = fig.subplots(1, 2)
    loss.plot(epochs, relu["loss"], "o-", color=COLOURS[0], markersize=4,
              label=f"ReLU, max pooling (lr {relu['lr']:g})")  # fmt: skip
    loss.plot(epochs, sigmoid["loss"], ":", color=GREY, linewidth=2,
              label=f"sigmoid, average pooling (lr {sigmoid['lr']:g})")  # fmt: skip
    loss.set(xlabel="epoch", ylabel="mean training loss", title="Loss", ylim=(0, None))
    accuracy.plot(epochs, relu["train_acc"], "o-", color=COLOURS[0], markersize=4,
                  label="ReLU: train")  # fmt: skip
    accuracy.plot(epochs, relu["test_acc"], "s--", color=COLOURS[1], markersize=4,
                  label="ReLU: test")  # fmt: skip
    accuracy.plot(epochs, sigmoid["test_acc"], ":", color=GREY, linewidth=2,
                  label="sigmoid: test")  # fmt: skip
    accuracy.set(xlabel="epoch", ylabel="accuracy", title="Accuracy", ylim=(0, 1.02))
    for ax in (loss, accuracy):
        ax.grid(color="#e5e5e5")
        ax.set_xticks(list(epochs)[:: max(1, len(epochs) // 6)])
        ax.legend(loc="center right", fontsize=8, frameon=False)
    return fig


FIGURES = {"lenet_training_curves.svg": training_curves}
