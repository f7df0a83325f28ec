"""Solution markers: the reference becomes the student's stub.

Two forms, in ``solutions/`` only:

- a block between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` (optionally
  ``# BEGIN SOLUTION: a hint for students``) is replaced by
  ``raise NotImplementedError("TODO: <hint>")`` at the block's indentation, so the function keeps
  its signature and docstring;
- a single line ending in ``# SOLUTION``: an assignment ``name = value  # SOLUTION`` keeps its
  left-hand side (``name = ...``); any other statement becomes the ``raise``.

Unbalanced or nested markers are errors that name the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import CnngradeError

DEFAULT_HINT = "TODO: implement this function (see the handout)"
BEGIN = re.compile(r"^(?P<indent>\s*)#\s*BEGIN SOLUTION\b(?::\s*(?P<hint>.*\S))?\s*$")
END = re.compile(r"^\s*#\s*END SOLUTION\b\s*$")
ONE_LINE = re.compile(r"^(?P<indent>\s*)(?P<code>\S.*?)\s*#\s*SOLUTION\s*$")
ASSIGNMENT = re.compile(r"^(?P<target>[A-Za-z_][\w.\[\], ]*?)\s*(?P<op>[+\-*/]?=)(?!=)")


class MarkerError(CnngradeError):
    """Markers that cannot be turned into a stub; the message names file and line."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        super().__init__(f"{path}, line {line}: {problem}")
        self.path, self.line, self.problem = Path(path), line, problem


@dataclass(frozen=True)
class Stubbed:
    text: str
    regions: int  # how many solution regions were replaced


def _raise(indent: str, hint: str) -> str:
    # "TODO" first: the grader tells the stub's NotImplementedError from a student's own by it
    if not hint.upper().startswith("TODO"):
        hint = f"TODO: {hint}"
    return f'{indent}raise NotImplementedError("{hint.replace(chr(34), chr(39))}")\n'


def make_stub(source: str, path: Path | str = "<source>") -> Stubbed:
    """Replace every solution region of ``source``; raise :class:`MarkerError` if malformed."""
    out: list[str] = []
    regions = 0
    open_at: int | None = None
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if open_at is not None:
                raise MarkerError(
                    path,
                    number,
                    f"BEGIN SOLUTION inside the block from line {open_at}: markers cannot nest",
                )
            open_at = number
            regions += 1
            out.append(_raise(begin.group("indent"), begin.group("hint") or DEFAULT_HINT))
            continue
        if end:
            if open_at is None:
                raise MarkerError(path, number, "END SOLUTION without a BEGIN SOLUTION before it")
            open_at = None
            continue
        if open_at is not None:
            if ONE_LINE.match(line):
                raise MarkerError(
                    path, number, f"# SOLUTION inside the block opened on line {open_at}"
                )
            continue
        single = ONE_LINE.match(line)
        if single:
            regions += 1
            code, indent = single.group("code"), single.group("indent")
            target = ASSIGNMENT.match(code)
            if target and target.group("op") == "=":
                out.append(f"{indent}{target.group('target').rstrip()} = ...\n")
            else:
                out.append(_raise(indent, DEFAULT_HINT))
            continue
        out.append(line)
    if open_at is not None:
        raise MarkerError(path, open_at, "BEGIN SOLUTION is never closed by END SOLUTION")
    return Stubbed("".join(out), regions)
