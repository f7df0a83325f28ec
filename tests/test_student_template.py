"""Students run the public tests with plain pytest in the template: no framework needed."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import KIT, REFERENCE


def run_pytest(folder):
    env_free = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=folder, capture_output=True, text=True, timeout=120, env=env_free,
    )  # fmt: skip


@pytest.fixture
def template(tmp_path):
    target = tmp_path / "template"
    shutil.copytree(KIT / "student_template", target)
    return target


def test_public_tests_fail_on_the_untouched_stubs(template):
    proc = run_pytest(template)
    assert proc.returncode == 1
    assert "NotImplementedError" in proc.stdout


def test_public_tests_pass_with_the_reference_filled_in(template):
    shutil.copyfile(REFERENCE, template / "cnnlab" / "correlate.py")
    proc = run_pytest(template)
    assert proc.returncode == 0, proc.stdout
    assert "7 passed" in proc.stdout


def test_public_tests_are_shared_not_forked():
    """Is the template's test file the stage's public test file, byte for byte?"""
    stage_file = KIT / "assignments" / "correlate2d" / "tests" / "public" / "test_correlate.py"
    assert (KIT / "student_template" / "tests" / "test_correlate.py").read_bytes() == (
        stage_file.read_bytes()
    )
