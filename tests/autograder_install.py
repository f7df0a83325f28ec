"""Install a stage's Gradescope zip into /autograder as Gradescope does, and run uploads.

Gradescope's steps: unzip into /autograder/source, run setup.sh from there (as root), copy
run_autograder to /autograder/, put the upload in /autograder/submission, run
/autograder/run_autograder from /autograder, read /autograder/results/results.json.
setup.sh runs in offline mode here: it reuses this environment's packages instead of pip.
Used by the end-to-end tests and by benchmarks/gradescope_box.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from autograder.course.stages import Stage
from autograder.packaging.build import BuildReport, build
from tests.watch import run_watched, sandbox_uid

ROOT = Path("/autograder")
MARKER = ROOT / ".cnngrade-test-install"  # only an /autograder with this mark is ours

#: the marks of a test module that installs into /autograder
MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="installing into /autograder needs root"),
    pytest.mark.skipif(shutil.which("unzip") is None, reason="needs unzip"),
]


class RealAutograderPresent(RuntimeError):
    """/autograder exists and was not made by these tools: it is left alone."""


def install(stage: Stage, dist: Path) -> BuildReport:
    """Build ``stage``'s zip into ``dist`` and install it into /autograder (root only)."""
    if ROOT.exists() and not MARKER.exists():
        raise RealAutograderPresent(f"a real {ROOT} exists here; not touching it")
    shutil.rmtree(ROOT, ignore_errors=True)
    report = build(stage, dist)
    source = ROOT / "source"
    source.mkdir(parents=True)
    MARKER.touch()
    subprocess.run(["unzip", "-q", str(report.path), "-d", str(source)], check=True)
    env = {
        **os.environ,
        "CNNGRADE_OFFLINE": "1",
        "CNNGRADE_OFFLINE_SITE": sysconfig.get_paths()["purelib"],
        "CNNGRADE_SETUP_PYTHON": getattr(sys, "_base_executable", sys.executable),
    }
    setup = subprocess.run(["bash", "setup.sh"], cwd=source, env=env, capture_output=True,
                           text=True, timeout=300)  # fmt: skip
    if setup.returncode != 0:
        raise RuntimeError(f"setup.sh failed:\n{setup.stdout}{setup.stderr}")
    shutil.copy2(source / "run_autograder", ROOT / "run_autograder")
    return report


def remove() -> None:
    if MARKER.exists():
        shutil.rmtree(ROOT, ignore_errors=True)


def installed_or_skip(stage: Stage, dist: Path) -> Iterator[BuildReport]:
    """The body of a fixture: ``stage`` installed for the tests, removed after them; the
    tests are skipped where a real /autograder exists."""
    try:
        report = install(stage, dist)
    except RealAutograderPresent as exc:
        pytest.skip(str(exc))
    try:
        yield report
    finally:
        remove()


def run_submission(
    files: dict[str, str] | dict[str, bytes],
    *,
    preexec_fn: Callable[[], None] | None = None,
    timeout: float = 600,
) -> tuple[dict, subprocess.CompletedProcess[str]]:
    """Put ``files`` (name: text or bytes) in /autograder/submission, run run_autograder as
    Gradescope does, and return the results it wrote."""
    submission = ROOT / "submission"
    shutil.rmtree(submission, ignore_errors=True)
    shutil.rmtree(ROOT / "results", ignore_errors=True)
    for name, content in files.items():
        (submission / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (submission / name).write_bytes(content)
        else:
            (submission / name).write_text(content, errors="surrogateescape")
    (ROOT / "submission_metadata.json").write_text(
        json.dumps({"id": 1, "users": [{"name": "Ada Lovelace", "email": "ada@example.com"}]})
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CNNGRADE"))}
    global last_peak_mb
    watched = run_watched([str(ROOT / "run_autograder")], untrusted_uid=sandbox_uid(), cwd=ROOT,
                          env=env, timeout=timeout, preexec_fn=preexec_fn)  # fmt: skip
    last_peak_mb = watched.peak_mb
    results = json.loads((ROOT / "results" / "results.json").read_text())
    return results, watched.proc


#: the trusted processes' peak memory in the last :func:`run_submission`, in MB
last_peak_mb = 0.0
