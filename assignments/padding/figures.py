"""Stage 2's figures, drawn by `cnngrade release` from the reference (``cnnlab/padding.py``).

Every number shown comes from the reference's ``apply_filter``, ``pad2d``, ``correlate2d`` and
``output_shape``; this file only decides what to show and where. See
``autograder/authoring/figures.py`` for how figures are declared and rendered.
"""

from __future__ import annotations

import numpy as np
from matplotlib.image import imread

from autograder.authoring.figures import (
    COLOURS,
    INPUT_FILL,
    PAD_FILL,
    UNREAD_FILL,
    Sources,
    draw_grid,
    figure,
    outline,
    window_corners,
)

#: the photo of the filter-bank figure; its source and licence are in images/README.md
PHOTO = "images/camera.png"


def _kernel_text(kernel: np.ndarray) -> str:
    """A kernel as the handout writes it: integers, over a common denominator if needed."""
    for denominator in range(1, 65):
        scaled = kernel * denominator
        if np.allclose(scaled, np.rint(scaled)):
            rows = ",".join(
                "[" + ",".join(f"{int(v)}" for v in row) + "]" for row in np.rint(scaled)
            )
            text = f"[{rows}]".replace("-", "−")
            return text if denominator == 1 else f"{text} / {denominator}"
    return np.array2string(kernel, precision=2)


def filter_bank(sources: Sources) -> object:
    """The lecture's filter bank applied to a grey photo, one panel per filter."""
    ref = sources.reference
    photo = np.rint(imread(sources.directory / PHOTO) * 255).astype(np.uint8)
    names = list(ref.FILTERS)
    fig = figure((10.0, 5.6))
    axes = fig.subplots(2, 4)
    for ax, name in zip(axes.flat, names, strict=False):
        result = ref.apply_filter(photo, name)
        low, high = np.percentile(result, [1, 99])
        ax.imshow(result, cmap="gray", vmin=low, vmax=high, interpolation="none")
        ax.set_title(f"{name}", fontfamily="monospace")
        ax.set_xlabel(_kernel_text(ref.FILTERS[name]), fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
    for ax in axes.flat[len(names) :]:
        ax.axis("off")
        ax.text(0.0, 0.5, f"each panel: apply_filter(photo, name)\non the {photo.shape[0]}×"
                f"{photo.shape[1]} uint8 photo,\n\"same\" zero padding;\ngrey scale from each "
                "result's own\n1st to 99th percentile\n(edge filters give negative\nvalues, "
                "sharpen exceeds 255)", fontsize=9, va="center")  # fmt: skip
    return fig


def _example(fig: object, row: object, X: np.ndarray, K: np.ndarray, padding: int,
             stride: tuple[int, int], ref: object) -> None:  # fmt: skip
    """One row: the padded input with every kept window outlined, the kernel, the output."""
    padded = ref.pad2d(X, padding)
    out = ref.correlate2d(X, K, padding=padding, stride=stride)
    shape = ref.output_shape(X.shape, K.shape, padding=padding, stride=stride)
    fills = np.full(padded.shape, PAD_FILL, dtype=object)
    fills[padding : padding + X.shape[0], padding : padding + X.shape[1]] = INPUT_FILL
    read = np.zeros(padded.shape, dtype=bool)
    corners = window_corners(shape, stride)
    for r, c in corners:
        read[r : r + K.shape[0], c : c + K.shape[1]] = True
    fills[~read & (fills == INPUT_FILL)] = UNREAD_FILL
    ax_in, ax_k, ax_out = row.subplots(1, 3, gridspec_kw={"width_ratios": [5, 2.2, 3.2]})
    what = f"X {X.shape[0]}×{X.shape[1]}, padding {padding}" + (" (grey: zeros)" if padding
                                                                  else "")  # fmt: skip
    draw_grid(ax_in, padded, title=what + f"\nstride {stride}: kept windows outlined",
              fills=fills)  # fmt: skip
    draw_grid(ax_k, K, title=f"K {K.shape[0]}×{K.shape[1]}")
    draw_grid(ax_out, out, title=f"output_shape → {shape[0]}×{shape[1]}\n"
              f"correlate2d(X, K, {padding}, {stride})")  # fmt: skip
    for index, (r, c) in enumerate(corners):
        colour = COLOURS[index % len(COLOURS)]
        outline(ax_in, (r, c), K.shape, colour)
        outline(ax_out, divmod(index, shape[1]), (1, 1), colour)
    if (fills == UNREAD_FILL).any():
        ax_in.text(padded.shape[1] / 2, padded.shape[0] + 0.45, "yellow: input cells that "
                   "no kept window reads", ha="center", va="top", fontsize=8)  # fmt: skip


def padding_stride(sources: Sources) -> object:
    """Two worked examples of padding and stride: the handout's, and one that drops a border."""
    ref = sources.reference
    fig = figure((8.4, 6.6))
    top, bottom = fig.subfigures(2, 1, hspace=0.08)
    _example(fig, top, np.arange(9).reshape(3, 3), np.array([[0, 1], [2, 3]]), 1, (3, 2), ref)
    _example(fig, bottom, np.arange(25).reshape(5, 5) % 7, np.array([[1, 0], [0, -1]]), 0,
             (2, 2), ref)  # fmt: skip
    fig.suptitle("o = ⌊(n − k + p + s) / s⌋ per axis, p = the total padding of that axis")
    return fig


FIGURES = {
    "padding_filter_bank.svg": filter_bank,
    "padding_stride.svg": padding_stride,
}
