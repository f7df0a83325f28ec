"""Grading a notebook upload: extract the stage's module from a ``.ipynb``.

Kept, in cell order: imports, function and class definitions, and assignments of literal
constants, except in the template's checks cell (:data:`CHECKS_CELL`). Never executed
during grading: magics (``%...``, ``%%...`` cells), shell escapes
(``!...``) and any other top-level code (training loops, prints, timing runs, plots). A
syntax error in a cell that defines no required function is skipped with a note; one inside
a required function is reported with the cell and line, and that function is left out.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

HELPERS = {"nbcheck"}  # the template's own check helper: never part of a submission
#: the first line of the template's checks cell (the public tests and the runner that a
#: notebook carries so that it works opened alone): never part of a submission
CHECKS_CELL = "# @title cnnlab: the public tests and check() (run this cell first)"
DEF = re.compile(r"^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)", re.MULTILINE)
MAGIC = re.compile(r"^\s*[%!]")


class NotebookProblem(Exception):
    """The notebook cannot be graded at all; the message says why and what to do."""


@dataclass
class Extracted:
    source: str
    defined: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


#: the line breaks Python's tokenizer knows; ``str.splitlines`` also breaks at U+2028,
#: U+0085, form feeds and more, which may stand in a comment or a string
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[str]:
    """``text`` split where Python sees a new line, so that line numbers agree with ast's."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _clean(cell_source: str) -> str:
    """Blank out magics and shell escapes, keeping line numbers."""
    if cell_source.lstrip().startswith("%%"):
        return ""
    return "\n".join("" if MAGIC.match(line) else line for line in _lines(cell_source))


def _code_cells(notebook: object, name: str) -> list[tuple[int, str]]:
    """(cell number, source) of each code cell; a structure that is not a notebook's (a
    ``source`` that is an object, ``cells`` that is not a list) is a :class:`NotebookProblem`."""
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise NotebookProblem(_unreadable(name, "it has no list of cells"))
    out = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise NotebookProblem(_unreadable(name, f"cell {number} is not a notebook cell"))
        if cell["cell_type"] != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookProblem(_unreadable(name, f"the source of cell {number} is not text"))
        out.append((number, source))
    return out


def _unreadable(name: str, why: str) -> str:
    return (
        f"{name} is not a readable Jupyter notebook ({why}); save it again from Jupyter, or "
        "upload the .py module instead"
    )


def _keep(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.AsyncFunctionDef
                  | ast.ClassDef):  # fmt: skip
        return True
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if not all(isinstance(t, ast.Name) for t in targets) or node.value is None:
            return False
        try:
            ast.literal_eval(node.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return False
        return True
    return False


def _imported_modules(node: ast.Import | ast.ImportFrom) -> set[str]:
    if isinstance(node, ast.ImportFrom):
        return {(node.module or "").split(".")[0]}
    return {alias.name.split(".")[0] for alias in node.names}


def extract(path: Path, required: list[str]) -> Extracted:
    try:
        notebook = nbformat.read(str(path), as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds for a broken file
        raise NotebookProblem(_unreadable(path.name, type(exc).__name__)) from None
    pieces: list[str] = []
    future: set[str] = set()
    out = Extracted("")
    for number, cell_source in _code_cells(notebook, path.name):
        if cell_source.startswith(CHECKS_CELL):
            continue
        text = _clean(cell_source)
        try:
            tree = ast.parse(text.replace("\x00", ""))
        except SyntaxError as exc:
            wanted = [name for name in DEF.findall(text) if name in required]
            where = f"cell {number}, line {exc.lineno}: {exc.msg}"
            if wanted:
                out.notes.append(
                    f"Syntax error in {', '.join(wanted)} ({where}): fix it; until then "
                    f"{'it is' if len(wanted) == 1 else 'they are'} missing and "
                    f"{'its' if len(wanted) == 1 else 'their'} tests fail."
                )
            else:
                out.notes.append(f"Skipped a cell with a syntax error ({where}).")
            continue
        lines = _lines(text)
        for node in tree.body:
            if not _keep(node):
                continue
            start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            end = node.end_lineno or node.lineno
            code = "\n".join(lines[start - 1 : end])
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                future.add(code.strip())  # must open the module, unwrapped
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                if _imported_modules(node) & HELPERS:
                    continue
                # a package used only for plots or demos must not fail the whole notebook
                code = (
                    "try:\n    " + code.replace("\n", "\n    ") + "\nexcept ImportError:\n    pass"
                )
            pieces.append(f"# notebook cell {number}\n" + code)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                out.defined.add(node.name)
    missing = [name for name in required if name not in out.defined]
    if len(missing) == len(required):
        raise NotebookProblem(
            f"{path.name} defines none of the functions this stage grades "
            f"({', '.join(required)})." + (" " + " ".join(out.notes) if out.notes else "")
        )
    if missing:
        out.notes.append(f"The notebook does not define: {', '.join(missing)}.")
    out.source = "\n\n\n".join([*sorted(future), *pieces]) + "\n"
    return out
