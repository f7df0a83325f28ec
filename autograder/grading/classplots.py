"""The class report's figures, drawn with matplotlib as SVG text to inline in the HTML.

Deterministic: the same data give the same bytes. Each figure is drawn on a bare
:class:`~matplotlib.figure.Figure` (no pyplot, no global backend), under matplotlib's
default style whatever the user's ``matplotlibrc`` says, with the bundled DejaVu font drawn
as paths, a fixed ``svg.hashsalt`` per figure (so that ids differ between the figures of one
page) and no date or creator in the metadata, which is dropped altogether.

matplotlib is the optional extra ``cnngrade[report]``; it is imported only here, when a
figure is drawn.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: the colours the figures use (the screenshot test looks for them)
HISTOGRAM = "#2a9d8f"
PASS_RATE = "#8a5cc2"
WITHIN_LIMIT = "#457b9d"
OVER_LIMIT = "#e76f51"
WIDTH = 8.0  # inches, every figure
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


@dataclass(frozen=True)
class Bar:
    """One test in the pass-rate figure."""

    label: str
    rate: float  # 0 to 1


@dataclass(frozen=True)
class Ratios:
    """One timed function's measured ratios (student / reference CPU time) and its limit."""

    function: str
    ratios: tuple[float, ...]
    limit: float


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), dpi=96)


def _svg(figure: Any, salt: str) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update({"svg.hashsalt": f"cnngrade-{salt}", "svg.fonttype": "path",
                                    "font.family": "DejaVu Sans"})  # fmt: skip
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return _METADATA.sub("", text[text.index("<svg") :]).strip()


def score_histogram(scores: Sequence[float], max_score: float) -> str:
    """Counts of submissions per score band, from 0 to ``max_score``."""
    top = max(max_score, max(scores, default=0.0), 1.0)
    bins = min(20, max(math.ceil(top), 1))
    edges = [top * i / bins for i in range(bins + 1)]
    figure = _figure(3.0)
    axes = figure.add_subplot()
    axes.hist(list(scores), bins=edges, color=HISTOGRAM, edgecolor="white")
    axes.set_xlim(0, top)
    axes.set_xlabel(f"score (of {max_score:g})")
    axes.set_ylabel("submissions")
    axes.yaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    return _svg(figure, "histogram")


def pass_rates(bars: Sequence[Bar]) -> str:
    """One horizontal bar per test, in the order given (top first)."""
    figure = _figure(0.9 + 0.24 * max(len(bars), 1))
    axes = figure.add_subplot()
    positions = list(range(len(bars)))
    axes.barh(positions, [100 * b.rate for b in bars], color=PASS_RATE, height=0.7)
    axes.set_yticks(positions, [_short(b.label) for b in bars], fontsize=7)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("passed (% of submissions)")
    figure.tight_layout()
    return _svg(figure, "passrates")


def speed_ratios(groups: Sequence[Ratios]) -> str:
    """Per timed function, how many submissions measured each ratio (log scale), bars
    within the limit and over it in two colours, the limit as a dashed line."""
    figure = _figure(0.6 + 1.9 * max(len(groups), 1))
    axes_list = figure.subplots(max(len(groups), 1), 1, squeeze=False)[:, 0]
    for axes, group in zip(axes_list, groups, strict=False):
        ratios = [max(r, 1e-3) for r in group.ratios]
        low = math.floor(math.log10(min([*ratios, group.limit / 10])))
        high = math.ceil(math.log10(max([*ratios, group.limit * 10])))
        steps = 4 * (high - low)
        edges = [10 ** (low + i / 4) for i in range(steps + 1)]
        within = [r for r in ratios if r <= group.limit]
        over = [r for r in ratios if r > group.limit]
        axes.hist([within, over], bins=edges, stacked=True, color=[WITHIN_LIMIT, OVER_LIMIT],
                  label=["within the limit", "over the limit"])  # fmt: skip
        axes.axvline(group.limit, color="black", linestyle="--", linewidth=1)
        axes.set_xscale("log")
        axes.set_title(f"{group.function} (limit {group.limit:g}×)", fontsize=9)
        axes.set_ylabel("submissions")
        axes.yaxis.get_major_locator().set_params(integer=True)
    axes_list[0].legend(fontsize=8)
    axes_list[-1].set_xlabel("CPU time / reference's CPU time")
    figure.tight_layout()
    return _svg(figure, "speed")


def _short(label: str, width: int = 70) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"
