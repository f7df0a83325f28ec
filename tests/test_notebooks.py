"""Notebooks: generated for students, runnable, and accepted as uploads.

The walk-through follows a student: take the generated template, write the reference's
bodies into the notebook, pack and grade it (full marks); the untouched notebook scores 0.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import zipfile

import nbformat
import pytest

from autograder.authoring import release
from autograder.course.stages import get_stage
from autograder.intake.notebook import extract
from autograder.intake.pack import inspect
from tests.support import KIT, REFERENCE, STAGE1_POINTS, run_cli


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    release.write(release.generate(KIT), folder)
    return folder


def reference_functions(reference=REFERENCE) -> dict[str, str]:
    source = reference.read_text()
    tree = ast.parse(source)
    return {n.name: ast.get_source_segment(source, n) for n in tree.body
            if isinstance(n, ast.FunctionDef)}  # fmt: skip


def solved(template_notebook, tmp_path, name="solved.ipynb", extra_cells=(), reference=REFERENCE):
    """The student's work: each function cell holds the reference's function."""
    notebook = nbformat.read(str(template_notebook), as_version=4)
    bodies = reference_functions(reference)
    for cell in notebook.cells:
        first = cell.source.split("(")[0]
        if cell.cell_type == "code" and first.startswith("def "):
            cell.source = bodies[first[4:]]
    notebook.cells.extend(extra_cells)
    path = tmp_path / name
    nbformat.write(notebook, str(path))
    return path


def grade(path, tmp_path):
    out = tmp_path / "results.json"
    proc = run_cli("grade", "1", str(path), "-o", str(out), "--kit", str(KIT))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


def test_generated_notebooks_are_valid(template):
    notebooks = sorted((template / "notebooks").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = nbformat.read(str(path), as_version=4)
        nbformat.validate(notebook)
        kinds = [c.cell_type for c in notebook.cells]
        assert kinds.count("markdown") > 3 and "code" in kinds


def test_check_cells_run_the_public_tests(template, tmp_path):
    """Does each check cell print its function's public-test summary when run in order?"""
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", template / "notebooks")
    runner = (
        "import os, sys, nbformat, __main__\n"
        f"os.chdir({str(path.parent)!r}); sys.path.insert(0, '.')\n"
        f"for cell in nbformat.read({str(path)!r}, as_version=4).cells:\n"
        "    if cell.cell_type == 'code':\n"
        "        exec(compile(cell.source, '<cell>', 'exec'), __main__.__dict__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", runner], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "✓ correlate2d: 5/5 public tests pass" in proc.stdout
    assert "  speed: correlate2d(X (240, 960), K (1, 3)): on track." in proc.stdout
    assert "✓ learn_kernel: 1/1 public tests pass" in proc.stdout
    assert "✗" not in proc.stdout


def test_lenet_notebook_checks_and_try_it_cells(template):
    """Stage 5's check cells get the ``tools`` fixture too; the "Try it" section comes after
    the code as runnable cells, and its image points into handouts/."""
    pytest.importorskip("torch")
    stage = get_stage("lenet", KIT)
    path = solved(template / "notebooks" / "5_lenet.ipynb", template / "notebooks",
                  "solved_lenet.ipynb", reference=stage.reference)  # fmt: skip
    cells = nbformat.read(str(path), as_version=4).cells
    last_check = max(i for i, c in enumerate(cells) if c.source.startswith("check("))
    after = cells[last_check + 1 :]
    assert after[0].source.startswith("## 6. Try it")
    assert any(c.cell_type == "code" and "plt.subplots" in c.source for c in after)
    assert any("](../handouts/lenet_training_curves.svg)" in c.source for c in after)
    assert (template / "handouts" / "lenet_training_curves.svg").is_file()
    runner = (
        "import os, sys, nbformat, __main__\n"
        f"os.chdir({str(path.parent)!r}); sys.path.insert(0, '.')\n"
        f"cells = nbformat.read({str(path)!r}, as_version=4).cells[: {last_check + 1}]\n"
        "for cell in cells:\n"
        "    if cell.cell_type == 'code':\n"
        "        exec(compile(cell.source, '<cell>', 'exec'), __main__.__dict__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", runner], capture_output=True, text=True,
                          timeout=240)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    for function in stage.config.functions:
        assert f"✓ {function}:" in proc.stdout, proc.stdout
    assert "✗" not in proc.stdout


def test_walkthrough_solved_notebook_scores_full_marks(template, tmp_path):
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path, "my work (final).ipynb")
    report = inspect(get_stage(1, KIT), path)
    assert report.ok and not report.warnings
    results = grade(path, tmp_path)
    assert results["score"] == STAGE1_POINTS


def test_walkthrough_untouched_notebook_scores_zero(template, tmp_path):
    results = grade(template / "notebooks" / "1_correlate2d.ipynb", tmp_path)
    assert results["score"] == 0
    assert "not implemented yet" in results["tests"][0]["output"]


def test_magics_shell_escapes_and_demo_code_never_run(template, tmp_path):
    extra = [
        nbformat.v4.new_code_cell("%timeit correlate2d(X, K)\n!pip install scipy"),
        nbformat.v4.new_code_cell("%%time\nwhile True:\n    pass"),
        nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt  # not installed when grading\n"
            "LEARNING_RATE = 0.03\n"
            "for epoch in range(10**12):  # a long demo loop: must never run\n"
            "    print(epoch)\n"
            "raise SystemExit('demo code ran')"
        ),
    ]
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path, extra_cells=extra)
    extracted = extract(path, ["correlate2d"])
    assert "LEARNING_RATE = 0.03" in extracted.source
    assert "range(10**12)" not in extracted.source and "timeit" not in extracted.source
    assert grade(path, tmp_path)["score"] == STAGE1_POINTS


def test_syntax_error_in_an_unrelated_cell_is_skipped(template, tmp_path):
    extra = [nbformat.v4.new_code_cell("plot(loss for )")]
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path, extra_cells=extra)
    results = grade(path, tmp_path)
    assert results["score"] == STAGE1_POINTS
    assert "Skipped a cell with a syntax error" in results["output"]


def test_syntax_error_in_a_required_function_names_cell_and_line(template, tmp_path):
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path)
    notebook = nbformat.read(str(path), as_version=4)
    index = next(i for i, c in enumerate(notebook.cells) if c.source.startswith("def convolve2d"))
    notebook.cells[index].source = notebook.cells[index].source.replace("):", ")", 1)
    nbformat.write(notebook, str(path))
    results = grade(path, tmp_path)
    assert f"Syntax error in convolve2d (cell {index + 1}, line 1" in results["output"]
    convolve = [t for t in results["tests"] if t["name"].startswith("convolve2d")]
    assert convolve and all(t["status"] == "failed" for t in convolve)
    assert 0 < results["score"] < STAGE1_POINTS  # the other functions are still graded


def test_a_notebook_inside_a_zip(template, tmp_path):
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path)
    archive = tmp_path / "upload.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(path, "homework/stage1.ipynb")
    assert grade(archive, tmp_path)["score"] == STAGE1_POINTS


def test_a_notebook_without_the_functions_is_explained(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    path = tmp_path / "empty.ipynb"
    nbformat.write(notebook, str(path))
    results = grade(path, tmp_path)
    assert results["score"] == 0
    assert "defines none of the functions" in results["output"]
