"""Students run the public tests with plain pytest in the template: no framework needed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.util import find_spec

import pytest

from autograder.course.stages import all_stages
from tests.support import KIT

#: pytest as a student runs it: the course kit (``autograder``) cannot be imported
WITHOUT_KIT = (
    "import sys, pytest; sys.modules['autograder'] = None; "
    "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider']))"
)


def run_pytest(folder):
    env_free = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_KIT],
        cwd=folder, capture_output=True, text=True, timeout=240, env=env_free,
    )  # fmt: skip


@pytest.fixture
def template(tmp_path):
    target = tmp_path / "template"
    shutil.copytree(KIT / "student_template", target)
    if find_spec("torch") is None:  # stage 5 needs torch, as its requirements.txt says
        (target / "tests" / "test_lenet.py").unlink()
    return target


def test_public_tests_fail_on_the_untouched_stubs(template):
    proc = run_pytest(template)
    assert proc.returncode == 1
    assert "NotImplementedError" in proc.stdout


def test_public_tests_pass_with_the_reference_filled_in(template):
    """With every stage's reference in place of its stub, do all public tests pass?"""
    for stage in all_stages(KIT):
        shutil.copyfile(stage.reference, template / stage.config.module)
    proc = run_pytest(template)
    assert proc.returncode == 0, proc.stdout
    assert " passed" in proc.stdout and "failed" not in proc.stdout


@pytest.mark.parametrize("stage", all_stages(KIT), ids=lambda s: s.id)
def test_public_tests_are_shared_not_forked(stage):
    """Is each template test file its stage's public test file, byte for byte?"""
    for public in stage.public_tests.glob("test_*.py"):
        shared = KIT / "student_template" / "tests" / public.name
        assert shared.read_bytes() == public.read_bytes()
