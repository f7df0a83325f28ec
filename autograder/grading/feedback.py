"""Feedback text: the one source of what a student is told, read by both renderings.

A message (a test's output, the top-level output) is plain text with one convention: a line
that starts with white space is *preformatted* (an array, a map of wrong cells, a traceback,
what the student's code printed); a run of preformatted lines, with the blank lines between
them, is one block; every other line is prose. The terminal shows the text as it is (it is
the text rendering); :mod:`autograder.grading.markdown` renders the same blocks as Markdown
for Gradescope, prose escaped and preformatted blocks in code fences. Messages are built as
text everywhere (checks, outcomes, the sandbox's fault messages), so the content is written
once and never in two formats.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

#: what :func:`preformatted` puts in front of each line
INDENT = "  "
_LINE_ENDS = re.compile(r"\r\n?")


@dataclass(frozen=True)
class Block:
    """Consecutive lines of one kind: preformatted (shown verbatim) or prose."""

    lines: tuple[str, ...]
    preformatted: bool


def is_preformatted(line: str) -> bool:
    """Does ``line`` belong to a preformatted block (it starts with white space and is not
    blank)?"""
    return line[:1].isspace() and bool(line.strip())


def lines_of(text: str) -> list[str]:
    """The lines of ``text``, whatever its line endings (``\\r`` ends a line in Markdown)."""
    return _LINE_ENDS.sub("\n", text).split("\n")


def blocks(text: str) -> list[Block]:
    """Split ``text`` into prose and preformatted blocks.

    Blank lines between two preformatted lines stay in their block; other blank lines are
    prose (paragraph breaks). Joining every block's lines with newlines gives ``text`` back
    (with ``\\n`` line endings).
    """
    lines = lines_of(text)
    out: list[Block] = []
    index = 0
    while index < len(lines):
        kind = is_preformatted(lines[index])
        end = index + 1
        while end < len(lines):
            if kind and not lines[end].strip():  # a blank line: part of the block if more follow
                after = end
                while after < len(lines) and not lines[after].strip():
                    after += 1
                if after < len(lines) and is_preformatted(lines[after]):
                    end = after
                    continue
                break
            if is_preformatted(lines[end]) != kind:
                break
            end += 1
        out.append(Block(tuple(lines[index:end]), kind))
        index = end
    return out


def preformatted(text: str, indent: str = INDENT) -> str:
    """``text`` as a preformatted block: every line that is not blank indented by ``indent``
    (what the student's code printed, an array), so that no renderer reflows or formats it."""
    return textwrap.indent(_LINE_ENDS.sub("\n", text), indent)
