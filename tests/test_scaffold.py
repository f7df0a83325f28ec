"""``cnngrade new``: a scaffolded stage that every command accepts as written, a config that
documents every key, and ids that are refused without writing anything."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.authoring import scaffold
from autograder.cli import main
from autograder.course.config import describe_keys, load_config
from autograder.course.stages import get_stage
from tests import autograder_install
from tests.support import KIT


@pytest.fixture
def kit(tmp_path) -> Path:
    """A copy of the course kit (content only: the framework stays the installed one)."""
    copy = tmp_path / "kit"
    for part in ("assignments", "solutions", "student_template"):
        shutil.copytree(KIT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def cnngrade(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_config_documents_every_key(kit, tmp_path):
    planned = scaffold.plan(kit, "sixth")
    text = planned.files["assignments/sixth/assignment.toml"]
    comments = _words(" ".join(line.lstrip("# ") for line in text.splitlines()))
    for key, doc in describe_keys():
        name = key.rpartition(".")[2]
        assert _words(doc) in comments, f"{key}: its description is missing"
        assert re.search(rf"^(# )?({re.escape(name)} =|\[.*\b{re.escape(name)}\b.*\])", text,
                         re.MULTILINE), f"{key} is missing"  # fmt: skip
    path = tmp_path / "assignment.toml"
    path.write_text(text)
    config = load_config(path)
    assert (config.id, config.number, config.module) == ("sixth", 6, "cnnlab/sixth.py")
    assert config.grading.timing["relu"].limit == 15.0
    assert config.leaderboard is None  # shown, commented out


@pytest.mark.parametrize(
    ("stage_id", "why"),
    [
        ("correlate2d", "already has that id"),
        ("correlate", "already uses the module cnnlab/correlate.py"),
        ("Sixth", "Python module name"),
        ("my-stage", "Python module name"),
        ("6th", "Python module name"),
        ("class", "Python keyword"),
        ("data", "taken by the student template"),
        ("", "Python module name"),
    ],
)
def test_an_unusable_id_is_refused_and_nothing_is_written(kit, stage_id, why):
    before = tree(kit)
    result = CliRunner().invoke(main, ["new", stage_id, "--kit", str(kit)])
    assert result.exit_code != 0
    assert why in result.output and "nothing was written" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert tree(kit) == before


def test_a_folder_in_the_way_is_refused(kit):
    (kit / "assignments" / "sixth").mkdir()
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.create(kit, "sixth")


def test_a_failed_write_leaves_nothing_half_written(kit):
    shutil.rmtree(kit / "solutions")
    (kit / "solutions").write_text("a file where the solutions folder belongs")
    before = tree(kit)
    with pytest.raises(scaffold.ScaffoldError, match="writing failed"):
        scaffold.create(kit, "sixth")
    assert tree(kit) == before
    assert sorted(p.name for p in (kit / "assignments").iterdir()) == sorted(
        p.name for p in (KIT / "assignments").iterdir() if p.is_dir()
    )


def test_the_title_defaults_from_the_id_and_must_be_one_line(kit):
    assert scaffold.plan(kit, "batch_norm").title == "Batch norm"
    with pytest.raises(scaffold.ScaffoldError, match="one non-empty line"):
        scaffold.plan(kit, "sixth", "two\nlines")


#: a student's own ReLU, written into the released stub
STUDENT = {
    "relu": ["X = _as_real('X', X)", "return X * (X > 0)"],
    "relu_backward": [
        "X, dY = _as_real('X', X), _as_real('dY', dY)",
        "if X.shape != dY.shape:",
        "    raise ValueError('dY and X differ in shape')",
        "return dY * (X > 0)",
    ],
}


def fill_in(stub: str) -> str:
    """Replace each function's ``raise NotImplementedError`` with the student's lines."""
    out, function = [], None
    for line in stub.splitlines():
        found = re.match(r"def (\w+)\(", line)
        function = found.group(1) if found else function
        if "raise NotImplementedError" in line:
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + body for body in STUDENT[function]]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("unzip") is None, reason="needs unzip")
def test_the_whole_life_of_a_sixth_stage(kit, tmp_path):
    """new → validate → release → a student fills in the stub and runs the public tests →
    build → the zip installed at /autograder grades it (root only)."""
    pytest.importorskip("matplotlib", reason="release needs the figures extra (matplotlib)")
    made = cnngrade("new", "sixth", "--title", "Activations", "--kit", str(kit))
    assert "created stage 6 sixth (Activations)" in made
    validated = cnngrade("validate", "sixth", "--kit", str(kit))
    assert "all checks passed" in validated, validated

    template = tmp_path / "template"
    cnngrade("release", "-o", str(template), "--kit", str(kit))
    stub = (template / "cnnlab" / "sixth.py").read_text()
    assert "# BEGIN SOLUTION" not in stub and stub.count("raise NotImplementedError") == 2
    for generated in ("tests/test_sixth.py", "handouts/6_sixth.md", "notebooks/6_sixth.ipynb"):
        assert (template / generated).is_file(), generated
    assert "6 Activations" in (template / "README.md").read_text()

    filled = fill_in(stub)
    (template / "cnnlab" / "sixth.py").write_text(filled)
    public = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_sixth.py"],
        cwd=template, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert public.returncode == 0, public.stdout + public.stderr
    assert "4 passed" in public.stdout

    stage = get_stage("sixth", kit)
    cnngrade("build", "sixth", "-o", str(tmp_path / "dist"), "--kit", str(kit))
    if os.geteuid() != 0:
        pytest.skip("installing into /autograder needs root")
    for report in autograder_install.installed_or_skip(stage, tmp_path / "gradescope"):
        assert "kit/assignments/sixth/tests/hidden/test_sixth_hidden.py" in report.files
        assert not [f for f in report.files if "/zoo/" in f or "/mistakes/" in f]
        results, _ = autograder_install.run_submission({"sixth.py": filled})
        assert results["score"] == 21, [t for t in results["tests"] if t["score"] < t["max_score"]]
        results, _ = autograder_install.run_submission({"sixth.py": stub})
        assert results["score"] == 0
