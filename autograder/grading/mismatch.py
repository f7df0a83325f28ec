"""What a wrong array looks like: the two arrays when they are small, and a map of the wrong
cells, so that a student sees the pattern (a shifted border, a flipped kernel, a wrong last
column) at a glance.

:func:`describe_mismatch` returns feedback text (:mod:`autograder.grading.feedback`): a
prose line saying what the map shows, then the map as a preformatted block of ✓ (right) and
✗ (wrong) with row and column indices. A 2-D result up to :data:`GRID_LIMIT` on each side is
mapped whole; a larger one gets the bounding box of its wrong cells, their count, and the
map of a window around the first wrong cell. A result of more dimensions is mapped through
its first 2-D slice (the last two axes) with a wrong cell, and the text says which; a 1-D
result is one row.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.grading.feedback import INDENT, preformatted

RIGHT, WRONG = "✓", "✗"
#: a 2-D result this size or smaller on both sides is mapped whole; larger ones by a window
GRID_LIMIT = 12
#: 1-D and 2-D arrays with this many values or fewer are shown in full, expected above
#: what came back
SHOWN_VALUES = 36
#: the most channels a colour image (H, W, C) has
_CHANNELS = 4


def describe_mismatch(got: np.ndarray, expected: np.ndarray, close: np.ndarray) -> str:
    """The arrays (when small) and the map of wrong cells, as feedback text; ``close`` is the
    elementwise verdict (True where ``got`` is right), all three of one shape."""
    parts = []
    if expected.size <= SHOWN_VALUES and expected.ndim <= 2:
        parts.append(_arrays(expected, got))
    cell_map = wrong_cell_map(~close)
    if cell_map:
        parts.append(cell_map)
    return "\n".join(parts)


def wrong_cell_map(wrong: np.ndarray) -> str:
    """Where ``wrong`` (a boolean array) is True, as a caption and a ✓/✗ grid; "" when no
    cell is wrong or the array is a scalar."""
    if wrong.ndim == 0 or not wrong.any():
        return ""
    axes = _plane_axes(wrong.shape)
    moved = np.moveaxis(wrong, axes, (-2, -1)) if wrong.ndim > 1 else wrong
    first = tuple(int(i) for i in np.argwhere(moved)[0])
    lead = first[:-2]
    plane = moved[lead] if wrong.ndim > 1 else wrong[np.newaxis, :]
    rows_named = wrong.ndim > 1
    row, column = first[-2:] if rows_named else (0, first[0])
    intro = _slice_sentence(moved, lead, axes) + " " if lead else ""
    height, width = plane.shape
    if height <= GRID_LIMIT and width <= GRID_LIMIT:
        caption = f"{intro}Wrong cells (✗) and right ones (✓){' there' if lead else ''}:"
        return caption + "\n" + _grid(plane, range(height), range(width), rows_named)
    rows, columns = _window(row, height), _window(column, width)
    where = np.argwhere(plane)
    (top, left), (bottom, right) = where.min(axis=0), where.max(axis=0)
    if rows_named:
        box = f"{_span('row', top, bottom)} and {_span('column', left, right)}"
        shown = f"{_span('row', rows.start, rows.stop - 1)}, "
        shown += _span("column", columns.start, columns.stop - 1)
    else:
        box = _span("index", left, right, "indices")
        shown = _span("index", columns.start, columns.stop - 1, "indices")
    first_cell = f"({row}, {column})" if rows_named else f"[{column}]"
    caption = (
        f"{intro}{int(plane.sum())} of {plane.size} cells{' there' if lead else ''} are "
        f"wrong, all within {box}. Around the first wrong one, {first_cell} ({shown}):"
    )
    return caption + "\n" + _grid(plane, rows, columns, rows_named)


def _plane_axes(shape: tuple[int, ...]) -> tuple[int, int]:
    """The two axes a map shows: the last two, as in (C, H, W) and (N, C, H, W), except for
    a colour image (H, W, C): three axes, the last a few channels, shorter than the others."""
    if len(shape) == 3 and shape[2] <= _CHANNELS and shape[2] < min(shape[0], shape[1]):
        return 0, 1
    return max(len(shape) - 2, 0), max(len(shape) - 1, 0)


def _slice_sentence(moved: np.ndarray, lead: tuple[int, ...], axes: tuple[int, int]) -> str:
    """Which slice is mapped (``moved`` has the mapped axes last)."""
    planes = moved.reshape(-1, *moved.shape[-2:]).any(axis=(1, 2))
    index = [str(i) for i in lead]
    for axis in axes:
        index.insert(axis, ":")
    where = ", ".join(index)
    count = int(planes.sum())
    if count == 1:
        return f"Only one of the {planes.size} slices has wrong cells: [{where}]."
    if count == planes.size:
        return f"All {count} slices have wrong cells; the first is [{where}]."
    return f"{count} of the {planes.size} slices have wrong cells; the first is [{where}]."


def _span(name: str, start: int, stop: int, plural: str = "") -> str:
    return f"{name} {start}" if start == stop else f"{plural or name + 's'} {start}–{stop}"


def _window(first: int, length: int) -> range:
    """:data:`GRID_LIMIT` indices around ``first`` (centred where the edges allow)."""
    size = min(GRID_LIMIT, length)
    start = min(max(first - size // 2, 0), length - size)
    return range(start, start + size)


def _grid(plane: np.ndarray, rows: range, columns: range, rows_named: bool) -> str:
    cell = len(str(columns.stop - 1)) + 1
    label = len(str(rows.stop - 1)) if rows_named else 0
    header = " " * label + "".join(f"{c:>{cell}}" for c in columns)
    lines = [header]
    for r in rows:
        marks = "".join(f"{WRONG if plane[r, c] else RIGHT:>{cell}}" for c in columns)
        lines.append((f"{r:>{label}}" if rows_named else "") + marks)
    return preformatted("\n".join(lines))


def _arrays(expected: np.ndarray, got: np.ndarray) -> str:
    return "\n".join(_array_lines(name, array) for name, array in
                     (("expected", expected), ("got", got)))  # fmt: skip


def _array_lines(name: str, array: np.ndarray) -> str:
    prefix = f"{INDENT}{name:<8} = "
    options: dict[str, Any] = {"precision": 4, "separator": ", ", "suppress_small": True}
    return prefix + np.array2string(array, prefix=prefix, **options)
