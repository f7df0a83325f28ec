"""The framework wheel inside every zip comes from the standard toolchain (pip wheel and
setuptools, the recipe of ``pip install .``): it holds every file of the package, the
build leaves nothing in the checkout, and a toolchain that cannot build says so in one
line."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.cli import main
from autograder.errors import BuildError
from autograder.packaging import wheel
from tests.support import KIT


def package_files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in (root / "autograder").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the sources, so that a stray build/ would show."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(KIT / name, copy)
    shutil.copytree(KIT / "autograder", copy / "autograder",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    return copy


def test_the_wheel_holds_every_file_of_the_package(project, tmp_path):
    built = wheel.build_wheel(project, tmp_path / "out")
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
    missing = package_files(project) - names
    assert not missing, f"package-data in pyproject.toml leaves out {sorted(missing)}"
    assert {"cnngrade-0.1.0.dist-info/entry_points.txt"} <= names


def test_building_leaves_the_checkout_as_it_was(project, tmp_path):
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    wheel.build_wheel(project, tmp_path / "out")
    after = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    assert after == before


def test_a_missing_source_is_named(project, tmp_path):
    (project / "README.md").unlink()
    with pytest.raises(BuildError, match=r"README\.md is missing"):
        wheel.build_wheel(project, tmp_path / "out")


def test_a_toolchain_that_cannot_build_gets_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(wheel.sys, "executable", "/bin/false")  # pip "fails" at once
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "correlate2d", "-o", "dist", "--kit", str(KIT)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "cannot build the framework wheel" in lines[0]
    assert "setuptools>=70.1" in lines[0]
    assert not (tmp_path / "dist" / "correlate2d-autograder.zip").exists()
