"""The Markdown rendering of feedback text, for Gradescope's ``"md"`` output format.

:func:`to_markdown` renders the blocks of :mod:`autograder.grading.feedback`: a preformatted
block (an array, a map of wrong cells, a traceback) goes verbatim into a code fence longer
than any run of backticks inside it; a prose line is escaped so that nothing a message holds
(a student's ``*``, ``_``, ``<script>``, ``&lt;``, a line that starts with ``#`` or ``-``)
becomes formatting, a link or HTML, and its line break is kept (a hard break). The output is
CommonMark that older renderers read alike (two-space hard breaks, no info strings).

:func:`from_markdown` reads such Markdown back to the text (prose lines without their
trailing white space), so what reads ``results.json`` (summaries, batch tables and reports)
shows plain text. :func:`clip_markdown` shortens it without leaving a code fence open.
"""

from __future__ import annotations

import re

from autograder.grading.feedback import blocks, lines_of

#: escaped wherever they stand: inline formatting, links, raw HTML, entities, tables, maths
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~$])")
#: escaped at the start of a line only: headings, quotes, lists, setext underlines
_LINE_START = frozenset("#>+-=")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_FENCE = re.compile(r"^`{3,}$")
_BACKTICKS = re.compile(r"`+")
HARD_BREAK = "  "


def escape(line: str) -> str:
    """One line of prose as Markdown that shows exactly these characters (the line has no
    leading white space: a line with it is preformatted)."""
    text = _ANYWHERE.sub(r"\\\1", line.rstrip())
    if text[:1] in _LINE_START:
        return "\\" + text
    return _ORDERED_LIST.sub(r"\1\\\2", text)


def to_markdown(text: str) -> str:
    """``text`` (prose and preformatted blocks) as Markdown."""
    out: list[str] = []
    for block in blocks(text):
        if block.preformatted:
            fence = _fence_for(block.lines)
            out += [fence, *block.lines, fence]
            continue
        lines = [escape(line) for line in block.lines]
        for index, line in enumerate(lines):
            following = index + 1 < len(lines) and lines[index + 1]
            out.append(line + HARD_BREAK if line and following else line)
    return "\n".join(out)


def from_markdown(markdown: str) -> str:
    """The text that :func:`to_markdown` rendered as ``markdown`` (clipped or not)."""
    out: list[str] = []
    fence: str | None = None
    for line in lines_of(markdown):
        opened = fence
        fence = fence_state(fence, line)
        if (opened is None) != (fence is None):
            continue  # an opening or closing fence line
        out.append(line if fence is not None else _UNESCAPE.sub(r"\1", line.rstrip(" ")))
    return "\n".join(out)


def fence_state(fence: str | None, line: str) -> str | None:
    """The code fence open after ``line``, given the one open before it (None: none)."""
    if fence is None:
        return line if _FENCE.match(line) else None
    return None if line == fence else fence


def clip_markdown(markdown: str, limit: int) -> str:
    """``markdown`` cut to at most ``limit`` characters: whole lines where it can, a code
    fence left open closed again, and a note saying how much was left out."""
    if len(markdown) <= limit:
        return markdown
    lines = lines_of(markdown)
    note_room = len(_note(len(markdown))) + 2  # a paragraph of its own
    kept: list[str] = []
    size = 0  # characters of ``kept``, newlines included
    fence: str | None = None
    for line in lines:
        opened = fence if fence is not None else fence_state(None, line)
        closing = len(opened) + 1 if opened is not None else 0  # the fence to close it with
        room = limit - note_room - closing - size - (1 if kept else 0)
        if len(line) > room:
            part = _cut_line(line, room, in_code=fence is not None)
            if part:
                kept.append(part)
                size += len(part) + (1 if len(kept) > 1 else 0)
            break
        kept.append(line)
        size += len(line) + (1 if len(kept) > 1 else 0)
        fence = fence_state(fence, line)
    if fence is not None and kept[-1] == fence:
        kept.pop()  # no empty code block
    elif fence is not None:
        kept.append(fence)
    shown = "\n".join(kept)
    return f"{shown}\n\n{_note(len(markdown) - len(shown))}" if shown else _note(len(markdown))


def _cut_line(line: str, room: int, *, in_code: bool) -> str:
    """The start of ``line`` that fits ``room``; never half a fence or half an escape."""
    if room <= 0 or _BACKTICKS.fullmatch(line):
        return ""
    part = line[:room]
    if not in_code:
        trailing = len(part) - len(part.rstrip("\\"))
        if trailing % 2:  # a lone backslash would escape the line break
            part = part[:-1]
    return part


def _note(cut: int) -> str:
    return escape(f"… [{cut} more characters not shown]")


def _fence_for(lines: tuple[str, ...]) -> str:
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    return "`" * max(3, longest + 1)
