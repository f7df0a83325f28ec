"""Notebooks: generated for students, runnable, and accepted as uploads.

The walk-through follows a student: take the generated template, write the reference's
bodies into the notebook, pack and grade it (full marks); the untouched notebook scores 0.
A notebook works opened alone: copied into an empty folder, with no course kit, its check
cells run the public tests it carries.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import subprocess
import sys
import zipfile
from importlib.util import find_spec

import nbformat
import pytest

from autograder.authoring import release
from autograder.authoring.notebooks import notebook_name
from autograder.course.stages import all_stages, get_stage
from autograder.intake.notebook import CHECKS_CELL, extract
from autograder.intake.pack import inspect
from tests.support import KIT, REFERENCE, STAGE1_POINTS, run_cli


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    # release draws the handouts' figures, which the notebooks inline
    pytest.importorskip("matplotlib", reason="release needs the figures extra (matplotlib)")
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


#: runs a notebook's code cells in order in a fresh interpreter, as a kernel would, where
#: the course kit cannot be imported (a student's Colab has no `autograder`)
ALONE = """
import sys, nbformat, __main__
sys.modules["autograder"] = None
cells = [c for c in nbformat.read(sys.argv[1], as_version=4).cells if c.cell_type == "code"]
for cell in cells[: int(sys.argv[2])]:
    exec(compile(cell.source, "<cell>", "exec"), __main__.__dict__)
"""


def run_alone(notebook, tmp_path, cells=10**6, timeout=240):
    """Copy ``notebook`` alone into an empty folder and run its first ``cells`` code cells."""
    alone = tmp_path / "alone"
    alone.mkdir()
    target = alone / "homework.ipynb"
    target.write_bytes(notebook.read_bytes())
    home = tmp_path / "home"  # matplotlib's cache goes there, not beside the notebook
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg", "HOME": str(home),
           "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", ALONE, str(target), str(cells)], cwd=alone,
                          capture_output=True, text=True, timeout=timeout, env=env)  # fmt: skip
    assert sorted(p.name for p in alone.iterdir()) == ["homework.ipynb"], "wrote beside it"
    return proc


def test_a_solved_notebook_opened_alone_passes_its_checks(template, tmp_path):
    """Copied alone into an empty folder, with the reference filled in, does every check
    cell pass, with no sibling file to read and no course kit installed?"""
    path = solved(template / "notebooks" / "1_correlate2d.ipynb", tmp_path)
    proc = run_alone(path, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "✓ correlate2d: 5/5 public tests pass" in proc.stdout
    assert "  speed: correlate2d(X (240, 960), K (1, 3)): on track." in proc.stdout
    assert "✓ learn_kernel: 1/1 public tests pass" in proc.stdout
    assert "✗" not in proc.stdout


def test_an_untouched_notebook_opened_alone_reports_failures(template, tmp_path):
    """With the stubs, do the checks report each failing test rather than crash?"""
    proc = run_alone(template / "notebooks" / "4_pooling.ipynb", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "✗ pool2d: 0/" in proc.stdout and "✗ pool2d_backward: 0/" in proc.stdout
    assert "NotImplementedError: TODO" in proc.stdout
    assert "✓" not in proc.stdout


def test_running_the_checks_cell_twice_still_checks(template, tmp_path):
    """Students run cells again: does a second run of the checks cell (a new temporary
    folder) leave the check cells working, rather than finding no tests?"""
    notebook = nbformat.read(str(template / "notebooks" / "1_correlate2d.ipynb"), as_version=4)
    index = next(i for i, c in enumerate(notebook.cells) if c.source.startswith(CHECKS_CELL))
    first_check = next(i for i, c in enumerate(notebook.cells) if c.source.startswith("check("))
    again = [copy.deepcopy(notebook.cells[i]) for i in (first_check, index)]
    for number, cell in enumerate(again):
        cell["id"] = f"again-{number}"
    notebook.cells[first_check:first_check] = again  # check, checks cell again, check
    path = tmp_path / "twice.ipynb"
    nbformat.write(notebook, str(path))
    proc = run_alone(path, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("✗ correlate2d: 0/5 public tests pass") == 2, proc.stdout
    assert "no public tests" not in proc.stdout


def test_every_notebook_carries_its_tests_and_no_path_outside(template):
    """Does each notebook's checks cell hold its stage's public tests byte for byte, and
    does nothing in it point at a sibling file (../tests, ../handouts, nbcheck.py)?"""
    for stage in all_stages(KIT):
        text = (template / "notebooks" / notebook_name(stage)).read_text()
        assert "../tests" not in text and "../handouts" not in text
        cells = nbformat.reads(text, as_version=4).cells
        checks = [c for c in cells if c.source.startswith(CHECKS_CELL)]
        assert len(checks) == 1 and checks[0].metadata["jupyter"]["source_hidden"]
        namespace: dict[str, object] = {}
        tree = ast.parse(checks[0].source)
        files = next(n for n in tree.body if isinstance(n, ast.Assign))
        exec(compile(ast.Module([files], []), "<checks>", "exec"), namespace)
        carried = namespace["_cnnlab_files"]
        for test in stage.public_tests.glob("test_*.py"):
            assert carried[test.name] == test.read_text()
        assert "nbcheck.py" in carried
        assert ("speedcheck.py" in carried) == bool(stage.config.grading.timing)


def test_lenet_notebook_opened_alone_checks_and_trains(template, tmp_path):
    """Stage 5's check cells get the ``tools`` fixture too, and its "Try it" cell trains on
    the digits the notebook carries; the figure after it is inlined, not a link."""
    pytest.importorskip("torch")
    stage = get_stage("lenet", KIT)
    path = solved(template / "notebooks" / "5_lenet.ipynb", tmp_path, "solved_lenet.ipynb",
                  reference=stage.reference)  # fmt: skip
    notebook = nbformat.read(str(path), as_version=4)
    cells = notebook.cells
    for cell in cells:  # the demo's 12 epochs shortened: this test is about running alone
        cell.source = cell.source.replace("num_epochs=12", "num_epochs=3")
    nbformat.write(notebook, str(path))
    last_check = max(i for i, c in enumerate(cells) if c.source.startswith("check("))
    after = cells[last_check + 1 :]
    assert after[0].source.startswith("## 6. Try it")
    assert any(c.cell_type == "code" and "plt.subplots" in c.source for c in after)
    assert any('src="data:image/svg+xml;base64,' in c.source for c in after)
    code_cells = sum(c.cell_type == "code" for c in cells)
    try_it = find_spec("matplotlib") is not None  # the demo plots; the checks do not need it
    ran = code_cells if try_it else sum(c.cell_type == "code" for c in cells[: last_check + 1])
    proc = run_alone(path, tmp_path, ran, timeout=400)
    assert proc.returncode == 0, proc.stderr
    for function in stage.config.functions:
        assert f"✓ {function}:" in proc.stdout, proc.stdout
    assert "✗" not in proc.stdout
    if try_it:
        found = re.search(r"test accuracy \d+\.\d%, [\d,]+ examples/s on cpu", proc.stdout)
        assert found, proc.stdout


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
    assert "_cnnlab_files" not in extracted.source  # the template's checks cell is not graded
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
