"""The layout the design promises: layers kept, a worker that loads no grader, small modules."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import KIT

PACKAGE = KIT / "autograder"
MAX_LINES = 450


def test_importing_the_worker_loads_no_grader_course_or_lab_module():
    script = (
        "import sys\n"
        "import autograder.sandbox.worker\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('autograder')\n"
        "                      or m in ('pytest', 'click', 'jsonschema', 'yaml', 'nbformat'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=KIT)  # fmt: skip
    loaded = proc.stdout.split()
    outside = [m for m in loaded if m != "autograder" and not m.startswith("autograder.sandbox")]
    assert "autograder.sandbox.worker" in loaded and outside == []


def test_no_module_is_over_450_lines():
    long = {str(p.relative_to(KIT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > MAX_LINES}  # fmt: skip
    assert long == {}


@pytest.mark.skipif(shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
                    reason="import-linter is in the dev extra")  # fmt: skip
def test_the_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint)], capture_output=True, text=True, cwd=KIT)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "0 broken" in proc.stdout
