"""Stage 4's figure, drawn by `cnngrade release` from the reference (``cnnlab/pooling.py``).

Every number shown comes from the reference's ``pool2d`` (and ``pool2d_backward``, which says
which cell of each window is its maximum); this file only decides what to show and where.
See ``autograder/authoring/figures.py`` for how figures are declared and rendered.
"""

from __future__ import annotations

import numpy as np

from autograder.authoring.figures import (
    COLOURS,
    INPUT_FILL,
    PAD_FILL,
    Sources,
    draw_grid,
    figure,
    outline,
    window_corners,
)

#: the tint of the cell that is its window's maximum
MAX_FILL = "#ffe08a"


def _tiles(ax_in, ax_out, out_shape, size, stride) -> None:
    for index, corner in enumerate(window_corners(out_shape, stride)):
        colour = COLOURS[index % len(COLOURS)]
        outline(ax_in, corner, size, colour)
        outline(ax_out, divmod(index, out_shape[1]), (1, 1), colour)


def _no_padding(row, ref) -> None:
    """A 4×4 input, 2×2 windows at stride 2: the maximum and the mean of each window."""
    X = np.array([[1, 7, 2, 4], [5, 3, 8, 0], [9, 6, 1, 3], [2, 4, 7, 5]])
    biggest = ref.pool2d(X, 2)
    mean = ref.pool2d(X, 2, mode="avg")
    winners = ref.pool2d_backward(X, np.ones_like(biggest, dtype=float), 2) > 0
    fills = np.where(winners, MAX_FILL, INPUT_FILL)
    ax_in, ax_max, ax_avg, ax_note = row.subplots(1, 4)
    draw_grid(ax_in, X, title="X 4×4, 2×2 windows,\nstride 2 (the default)", fills=fills)
    draw_grid(ax_max, biggest, title='pool2d(X, 2)\nmode="max"')
    draw_grid(ax_avg, mean, title='pool2d(X, 2, mode="avg")', fmt="{:.2f}")
    for ax in (ax_max, ax_avg):
        _tiles(ax_in, ax, biggest.shape, (2, 2), (2, 2))
    ax_note.axis("off")
    ax_note.text(0.0, 0.5, "yellow: each window's maximum,\nthe one cell that max pooling\n"
                 "passes the gradient back to\n(pool2d_backward)", va="center",
                 fontsize=9)  # fmt: skip


def _ring(inner: np.ndarray, label: str, fmt: str) -> tuple[np.ndarray, list[list[str]]]:
    """The fills and cell texts of ``inner`` padded by one ring of ``label`` cells."""
    h, w = inner.shape
    fills = np.full((h + 2, w + 2), PAD_FILL, dtype=object)
    fills[1:-1, 1:-1] = INPUT_FILL
    texts = [[label] * (w + 2) for _ in range(h + 2)]
    for i in range(h):
        for j in range(w):
            texts[i + 1][j + 1] = fmt.format(inner[i, j])
    return fills, texts


def _with_padding(row, ref) -> None:
    """Padding 1: max pads with −∞ (a padded cell never wins), avg counts padded zeros."""
    negative = np.array([[-1.0, -2.0], [-3.0, -4.0]])
    ones = np.ones((3, 3))
    biggest = ref.pool2d(negative, 2, stride=1, padding=1)
    mean = ref.pool2d(ones, 3, stride=1, padding=1, mode="avg")
    ax_a, ax_b, ax_c, ax_d = row.subplots(1, 4)
    fills, texts = _ring(negative, "−∞", "{:g}")
    draw_grid(ax_a, fills, title="padding 1 for max:\n−∞ never wins", fills=fills, labels=texts)
    outline(ax_a, (0, 0), (2, 2), COLOURS[0])
    draw_grid(ax_b, biggest, title='pool2d(X, 2, stride=1,\npadding=1), "max"')
    outline(ax_b, (0, 0), (1, 1), COLOURS[0])
    fills, texts = _ring(ones, "0", "{:g}")
    draw_grid(ax_c, fills, title="padding 1 for avg:\nzeros that count", fills=fills,
              labels=texts)  # fmt: skip
    outline(ax_c, (0, 0), (3, 3), COLOURS[1])
    draw_grid(ax_d, mean, title='pool2d(X, 3, stride=1,\npadding=1, mode="avg")', fmt="{:.2f}")
    outline(ax_d, (0, 0), (1, 1), COLOURS[1])


def pooling(sources: Sources) -> object:
    """Max and average pooling of small examples, without and with padding."""
    fig = figure((9.6, 6.4))
    top, bottom = fig.subfigures(2, 1, hspace=0.06)
    _no_padding(top, sources.reference)
    _with_padding(bottom, sources.reference)
    return fig


FIGURES = {"pooling_max_avg.svg": pooling}
