"""The framework's wheel, built by the standard toolchain (``pip wheel`` and setuptools,
the same recipe as ``pip install .``), offline and reproducibly.

The sources are copied to a scratch folder first, so that the build's ``build/`` and
``*.egg-info`` never land in the instructor's checkout, and ``SOURCE_DATE_EPOCH`` fixes
every timestamp: the same sources and setuptools give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder.errors import BuildError

PACKAGE = "autograder"
#: what setuptools reads: the metadata, the readme it names, the package
SOURCES = ("pyproject.toml", "README.md", PACKAGE)
#: 1980-01-01, the earliest time a zip entry can hold (as in the autograder zip itself)
SOURCE_DATE_EPOCH = "315532800"

_built: dict[str, tuple[str, bytes]] = {}  # digest of the sources -> (wheel name, bytes)


def _ignored(_folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or n.endswith((".pyc", ".pyo"))]


def _copy_sources(project: Path, target: Path) -> None:
    target.mkdir()
    for name in SOURCES:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_ignored)
        elif source.is_file():
            shutil.copyfile(source, target / name)
        else:
            raise BuildError(f"cannot build the framework wheel: {source} is missing")
    for path in target.rglob("*"):  # the modes of the copy, not of the checkout
        path.chmod(0o755 if path.is_dir() else 0o644)


def _digest(tree: Path) -> str:
    sha = hashlib.sha256(sys.executable.encode())
    for path in sorted(tree.rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(tree).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def _pip_wheel(source: Path, out_dir: Path) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "--quiet", "--wheel-dir", str(out_dir), str(source)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PIP_NO_INPUT": "1"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, umask=0o022)
    wheels = sorted(out_dir.glob("*.whl"))
    if done.returncode or len(wheels) != 1:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise BuildError(
            "cannot build the framework wheel with pip wheel "
            f"({lines[-1] if lines else f'exit status {done.returncode}'}); it needs pip "
            "and setuptools>=70.1 in this environment: pip install 'setuptools>=70.1'"
        )
    return wheels[0]


def build_wheel(project: Path, out_dir: Path) -> Path:
    """Write ``cnngrade-<version>-py3-none-any.whl`` into ``out_dir``; return its path.

    A process builds each distinct source tree once: the zips of every stage share it."""
    with tempfile.TemporaryDirectory(prefix="cnngrade-wheel-") as tmp:
        source = Path(tmp) / "src"
        _copy_sources(project, source)
        key = _digest(source)
        if key not in _built:
            wheel = _pip_wheel(source, Path(tmp) / "dist")
            _built[key] = (wheel.name, wheel.read_bytes())
    name, data = _built[key]
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    target.write_bytes(data)
    return target
