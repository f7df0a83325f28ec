"""One Jupyter notebook per stage, generated from the handout, the stub and the tests.

The notebook works opened alone (:mod:`autograder.authoring.nbembed`): the handout's images
are inlined, and a checks cell carries the public tests and the runner behind ``check``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.authoring.nbembed import IMAGE, checks_cell, embed_images
from autograder.course.stages import Stage

INTRO = """\
# Stage {number}: {title}

Fill in each function below, then run the check cell under it: it runs that function's
public tests and prints what passes. The hidden tests on Gradescope check more cases and
speed. Submit this notebook (or `{module}`) when you are done; only imports, functions,
classes and constants are graded, so demo code and plots below may stay.
"""
SETUP_NOTE = (
    "Shared imports and helpers, then the checks cell (the public tests and `check`, "
    "folded away): run both first."
)


def notebook_name(stage: Stage) -> str:
    return f"{stage.config.number}_{stage.id}.ipynb"


#: a handout section whose heading matches this runs after the student's code, and its
#: ```python blocks become code cells (e.g. "## 6. Try it: training curves")
TRY_IT = re.compile(r"^## (\d+\.\s*)?Try it", re.IGNORECASE)
_FENCE = re.compile(r"(?ms)^```python\n(.*?)^```\s*$")


def _sections(markdown: str) -> list[str]:
    """Split a handout at its second-level headings: one cell per section."""
    parts = re.split(r"(?m)^(?=## )", markdown.strip())
    return [p.strip() for p in parts if p.strip()]


def handout_images(markdown: str) -> list[str]:
    """Local images the handout shows (``![...](curves.svg)``), relative to the handout."""
    return [match.group(2) for match in IMAGE.finditer(markdown)]


def _runnable_cells(section: str, images: Mapping[str, bytes]) -> list[nbformat.NotebookNode]:
    """A "Try it" section: its text as Markdown, its Python blocks as code cells."""
    cells, last = [], 0
    for match in _FENCE.finditer(section):
        text = section[last : match.start()].strip()
        if text:
            cells.append(new_markdown_cell(embed_images(text, images)))
        cells.append(new_code_cell(match.group(1).rstrip()))
        last = match.end()
    if section[last:].strip():
        cells.append(new_markdown_cell(embed_images(section[last:].strip(), images)))
    return cells


def _segments(source: str) -> tuple[str, dict[str, str]]:
    """The stub's module-level code (minus docstring and functions) and each function."""
    tree = ast.parse(source)
    lines = source.splitlines()
    functions: dict[str, str] = {}
    setup: list[str] = []
    for index, node in enumerate(tree.body):
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        end = node.end_lineno or node.lineno
        text = "\n".join(lines[start - 1 : end])
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring: the handout says it better
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            functions[node.name] = text
        else:
            setup.append(text)
    return "\n\n".join(setup), functions


def _checks_code_cell(checks: Mapping[str, bytes]) -> nbformat.NotebookNode:
    cell = new_code_cell(checks_cell(checks))
    # folded: JupyterLab and Notebook 7 hide the source, Colab shows the title as a form
    cell.metadata = {"jupyter": {"source_hidden": True}, "cellView": "form"}
    return cell


def build_notebook(
    stage: Stage, stub_source: str, images: Mapping[str, bytes], checks: Mapping[str, bytes]
) -> nbformat.NotebookNode:
    """The stage's notebook: ``images`` (name → bytes) are the handout's images to inline,
    ``checks`` (path → bytes) what the checks cell carries (``nbcheck.py``, the public tests
    and their helpers); without tests among them there are no check cells."""
    config = stage.config
    has_tests = any(name.startswith("test_") for name in checks)
    cells = [new_markdown_cell(INTRO.format(number=config.number, title=config.title,
                                            module=config.module))]  # fmt: skip
    sections: list[str] = []
    if stage.handout.exists():
        sections = _sections(stage.handout.read_text(encoding="utf-8"))
        if sections and sections[0].startswith("# "):  # the intro cell already has a title
            sections[0] = sections[0].partition("\n")[2].strip()
    try_it = [s for s in sections if TRY_IT.match(s)]
    cells += [new_markdown_cell(embed_images(s, images)) for s in sections if s and s not in try_it]
    setup, functions = _segments(stub_source)
    cells.append(new_markdown_cell(f"## Your code\n\n{SETUP_NOTE}"))
    cells.append(new_code_cell(setup))
    if has_tests:
        cells.append(_checks_code_cell(checks))
    for name in config.functions:
        cells.append(new_markdown_cell(f"### `{name}`"))
        cells.append(new_code_cell(functions.get(name, f"def {name}():\n    ...")))
        if has_tests:
            cells.append(new_code_cell(f'check("{name}")'))
    for section in try_it:
        cells += _runnable_cells(section, images)
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{stage.id}-{index:02d}"  # stable ids: the same stage, the same bytes
    nbformat.validate(notebook)
    return notebook


def dumps(notebook: nbformat.NotebookNode) -> str:
    text: str = nbformat.writes(notebook)
    return text + "\n"
