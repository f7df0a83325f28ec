"""cnngrade installed without its sources (``pip install .``, not ``-e``), run from the kit:
build, release and validate must find everything they need in the installed package or
in the kit, never next to the package's own files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import KIT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package installed into a folder of its own, from a copy of the sources (an
    in-tree build would leave build/ in the checkout)."""
    work = tmp_path_factory.mktemp("installed")
    source = work / "source"
    source.mkdir()
    shutil.copy(KIT / "pyproject.toml", source)
    shutil.copytree(KIT / "autograder", source / "autograder",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    target = work / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if proc.returncode != 0:
        pytest.skip(f"pip cannot install here: {proc.stderr.strip()[-300:]}")
    return target


def run(installed: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # -P: the kit folder (the working directory) is not put on sys.path, so the installed
    # copy is the one imported, as with the installed console script
    return subprocess.run(
        [sys.executable, "-P", "-m", "autograder", *args], cwd=KIT, capture_output=True,
        text=True, timeout=600, env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_the_installed_copy_is_the_one_imported(installed):
    proc = subprocess.run(
        [sys.executable, "-P", "-c", "import autograder; print(autograder.__file__)"],
        cwd=KIT, capture_output=True, text=True, env={"PYTHONPATH": str(installed)},
    )  # fmt: skip
    assert proc.stdout.strip().startswith(str(installed)), proc.stdout + proc.stderr


def test_build_and_release_from_the_kit_folder(installed, tmp_path):
    pytest.importorskip("matplotlib", reason="release needs the figures extra (matplotlib)")
    built = run(installed, "build", "correlate2d", "-o", str(tmp_path / "dist"))
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "dist" / "correlate2d-autograder.zip").is_file()
    released = run(installed, "release", "-o", str(tmp_path / "template"))
    assert released.returncode == 0, released.stderr
    assert (tmp_path / "template" / "pytest.ini").is_file()
    assert (tmp_path / "template" / "conftest.py").is_file()


def test_a_kit_without_sources_cannot_build_and_says_so_in_one_line(installed, tmp_path):
    kit = tmp_path / "kit"
    shutil.copytree(KIT / "assignments" / "correlate2d", kit / "assignments" / "correlate2d",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copytree(KIT / "solutions", kit / "solutions",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    proc = run(installed, "build", "correlate2d", "--kit", str(kit), "-o", str(tmp_path / "d"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot build the autograder zip")
    assert "Traceback" not in proc.stderr
