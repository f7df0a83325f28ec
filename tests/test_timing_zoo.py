"""Does the stage-1 speed test separate vectorised from loop implementations?

Every module in ``assignments/correlate2d/zoo`` declares the verdict it must get
(``EXPECTED``); each is measured against the reference exactly as grading does (workers,
kernel CPU time, interleaved best of N). The configured margins are at least 3×.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from autograder.grading.session import GradingSession
from autograder.grading.timing import SpeedCheck
from tests.conftest import KIT

ZOO = sorted((KIT / "assignments" / "correlate2d" / "zoo").glob("*.py"))
HIDDEN = KIT / "assignments" / "correlate2d" / "tests" / "hidden" / "test_correlate_hidden.py"


def expected_verdict(path: Path) -> str:
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXPECTED":
            return ast.literal_eval(node.value)
    raise AssertionError(f"{path.name} declares no EXPECTED verdict")


def timing_inputs():
    spec = importlib.util.spec_from_file_location("stage1_hidden_for_zoo", HIDDEN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.make_timing_inputs


@pytest.mark.parametrize("member", ZOO, ids=lambda p: p.stem)
def test_zoo_member_gets_its_verdict(member, stage1, tmp_path):
    upload = tmp_path / "upload"
    upload.mkdir()
    shutil.copyfile(member, upload / "correlate.py")
    session = GradingSession(stage1, upload)
    try:
        result = SpeedCheck(session, stage1.config.grading.timing).measure(
            "correlate2d", timing_inputs()
        )
    finally:
        session.close()
    verdict = "pass" if result.passed else "fail"
    assert verdict == expected_verdict(member), result.summary()
