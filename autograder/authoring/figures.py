"""The handouts' figures, drawn by ``cnngrade release`` with matplotlib from the references.

A stage with figures keeps a ``figures.py`` beside its handout that defines
``FIGURES = {"name.svg": draw}``; ``draw(sources)`` receives :class:`Sources` (the stage's
reference solution, imported from ``solutions/``, and the stage folder, for data such as a
photo) and returns a matplotlib ``Figure``. The numbers in a figure come from calling the
reference's functions, never from the maths written out again, so a figure cannot drift
from what the stage teaches. The handout shows each figure by its name
(``![caption](name.svg)``); release writes it beside the handouts and embeds it in the
stage's notebook, and ``release --check`` fails on a stale or missing one.

Rendering is deterministic, so the SVGs are golden files like the rest of the template:
the Agg backend, one fixed style (figure dpi, ``svg.hashsalt`` for the element ids, fonts
kept as text) and no date in the metadata. Two renders write the same bytes; a different
matplotlib (or Pillow, which encodes the embedded raster images) may not, which is why the
``figures`` extra pins matplotlib and :func:`version_hint` names the version a figure was
drawn with.

matplotlib is optional (``pip install 'cnngrade[figures]'``): grading never needs it, and
stages 1–4's Gradescope images do not install it. Without it :func:`stage_figures` raises
:class:`FiguresUnavailable`, naming the extra.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from autograder.course.stages import Stage, load_module
from autograder.errors import CnngradeError, ConfigError

FIGURES_FILE = "figures.py"
EXTRA = "cnngrade[figures]"
MISSING_MATPLOTLIB = (
    "cnngrade release draws the handouts' figures with matplotlib, which is not installed "
    f"here: pip install '{EXTRA}' (or '.[figures]' in the kit), then run it again"
)
#: the one style every figure is drawn in; with it, the same figure gives the same bytes
STYLE: dict[str, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "cnngrade",
    "svg.fonttype": "none",  # text stays text: smaller files, readable by screen readers
    "svg.image_inline": True,
    "image.interpolation": "nearest",
    "font.size": 10,
    "axes.titlesize": 10,
}
#: what the SVG metadata keeps: no date (it would change every run)
METADATA = {"Date": None}
_CREATOR = re.compile(rb"Matplotlib v([\w.+-]+)")

#: cell fills of :func:`draw_grid`: the input, padding, and cells nobody reads
INPUT_FILL, PAD_FILL, UNREAD_FILL = "#ffffff", "#d9d9d9", "#fff3c4"
#: outline colours for windows, output cells and curves (colour-blind-safe, Okabe–Ito)
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")


class FiguresUnavailable(CnngradeError):
    """matplotlib (the ``figures`` extra) is not installed."""


class Sources:
    """What a stage's figures are drawn from: the stage folder (``assignments/<id>/``, for
    images and recorded data) and its reference solution, imported only when a figure asks
    for it (stage 5's curves are drawn from recorded data: release needs no torch)."""

    def __init__(self, directory: Path, load_reference: Callable[[], ModuleType]) -> None:
        self.directory = directory
        self._load_reference = load_reference

    @cached_property
    def reference(self) -> ModuleType:
        return self._load_reference()


Draw = Callable[[Sources], Any]  # returns a matplotlib.figure.Figure


def declared(stage: Stage) -> dict[str, Draw]:
    """The figures the stage's ``figures.py`` declares (none without one), checked."""
    path = stage.directory / FIGURES_FILE
    if not path.is_file():
        return {}
    _pyplot()  # a figures.py imports matplotlib: say which extra brings it, not ImportError
    module = load_module(path, f"cnngrade_figures_{stage.id}")
    figures = getattr(module, "FIGURES", None)
    if not isinstance(figures, dict):
        raise ConfigError(path, "FIGURES", "define FIGURES = {'name.svg': draw}")
    for name, draw in figures.items():
        if not (isinstance(name, str) and re.fullmatch(r"[\w-]+\.svg", name)):
            raise ConfigError(path, f"FIGURES[{name!r}]", "a figure's name is a file name ending "
                              "in .svg, with letters, digits, '_' or '-'")  # fmt: skip
        if not callable(draw):
            raise ConfigError(path, f"FIGURES[{name!r}]", f"{draw!r} is not a function")
    return dict(figures)


def _pyplot() -> Any:
    try:
        matplotlib = importlib.import_module("matplotlib")
    except ImportError:
        raise FiguresUnavailable(MISSING_MATPLOTLIB) from None
    matplotlib.use("Agg", force=True)  # no display, and the same output everywhere
    return importlib.import_module("matplotlib.pyplot")


def render(draw: Draw, sources: Sources) -> bytes:
    """``draw``'s figure as SVG bytes, in :data:`STYLE`: the same bytes every time."""
    plt = _pyplot()
    with plt.rc_context(STYLE):
        figure = draw(sources)
        try:
            buffer = io.BytesIO()
            figure.savefig(buffer, format="svg", metadata=METADATA)
        finally:
            plt.close(figure)
    return buffer.getvalue()


def stage_figures(stage: Stage) -> dict[str, bytes]:
    """Every figure of ``stage``, rendered: file name → SVG bytes (empty without figures)."""
    figures = declared(stage)
    if not figures:
        return {}
    name = f"cnngrade_figures_reference_{stage.id}"
    sources = Sources(stage.directory, partial(load_module, stage.reference, name))
    return {name: render(draw, sources) for name, draw in sorted(figures.items())}


def version_hint(committed: bytes) -> str:
    """Why a committed figure may differ: it was drawn by another matplotlib than this one."""
    found = _CREATOR.search(committed[:2000])
    try:
        here = importlib.import_module("matplotlib").__version__
    except ImportError:
        return ""
    if found and found.group(1).decode() != here:
        return f" (drawn with matplotlib {found.group(1).decode()}; this is {here})"
    return ""


# -- drawing helpers for the stages' figures.py ------------------------------------------------


def draw_grid(
    ax: Any,
    values: np.ndarray,
    *,
    title: str = "",
    fills: np.ndarray | None = None,
    labels: Sequence[Sequence[str]] | None = None,
    fmt: str = "{:g}",
) -> None:
    """Draw a small 2-D array as a table of numbered cells on ``ax`` (row 0 on top).

    ``fills`` (the same shape, colours) shades cells, e.g. padding in :data:`PAD_FILL`;
    ``labels`` overrides the printed text of each cell (e.g. "−∞" for padded cells).
    """
    values = np.asarray(values)
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            colour = INPUT_FILL if fills is None else fills[i, j]
            ax.add_patch(_rectangle((j, i), 1, 1, facecolor=colour, edgecolor="#808080",
                                    linewidth=0.8))  # fmt: skip
            text = labels[i][j] if labels is not None else fmt.format(values[i, j])
            ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=9)
    ax.set_xlim(-0.15, cols + 0.15)
    ax.set_ylim(rows + 0.15, -0.15)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)


def outline(ax: Any, top_left: tuple[int, int], size: tuple[int, int], colour: str,
            inset: float = 0.06) -> None:  # fmt: skip
    """Outline the ``size`` = (rows, cols) block of cells whose top-left cell is ``top_left``
    = (row, col); ``inset`` keeps neighbouring outlines apart."""
    (row, col), (height, width) = top_left, size
    ax.add_patch(_rectangle((col + inset, row + inset), width - 2 * inset, height - 2 * inset,
                            facecolor="none", edgecolor=colour, linewidth=2.2))  # fmt: skip


def window_corners(out_hw: tuple[int, int], stride: tuple[int, int]) -> list[tuple[int, int]]:
    """Top-left cells (in the padded input) of the windows behind an ``out_hw`` output with
    ``stride``, row by row: output ``(i, j)`` reads the window at ``(i * s_h, j * s_w)``."""
    return [(i * stride[0], j * stride[1]) for i in range(out_hw[0]) for j in range(out_hw[1])]


def _rectangle(xy: tuple[float, float], width: float, height: float, **style: Any) -> Any:
    patches = importlib.import_module("matplotlib.patches")
    return patches.Rectangle(xy, width, height, **style)


def figure(size: tuple[float, float]) -> Any:
    """A new figure of ``size`` inches (at :data:`STYLE`'s dpi), with a constrained layout."""
    return _pyplot().figure(figsize=size, layout="constrained")
