"""The mistakes zoo: is each mistake judged by exactly what it declares?"""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.authoring.mistakes import Mistake, compose, judge, mistake_files, read_mistake
from autograder.course.stages import all_stages, get_stage
from autograder.errors import ConfigError
from autograder.grading.results import GradingResults, TestResult

MISTAKE = '''"""Flipped kernel."""

BREAKS = "correlate2d"
LOSES = ["test_a", "test_b"]
HINT = "flip"


def correlate2d(X, K):
    return X
'''


def _result(function: str, score: float, output: str = "", case: str = "") -> TestResult:
    nodeid = f"tests/hidden/t.py::{function}" + (f"[{case}]" if case else "")
    return TestResult(function, score, 2.0, score == 2.0, output, nodeid=nodeid)


def _mistake(loses=("test_a", "test_b"), hints=("flip",)) -> Mistake:
    return Mistake(Path("flipped.py"), "correlate2d", tuple(loses), tuple(hints), "Flipped.")


def _judge(*tests: TestResult, mistake: Mistake | None = None):
    return judge(mistake or _mistake(), GradingResults(tests=tests))


def test_a_mistake_losing_exactly_its_tests_with_its_hint_is_ok():
    outcome = _judge(
        _result("test_a", 0.0, "correlate2d(X: (3, 3)): wrong\nHint: did you FLIP the kernel?"),
        _result("test_b", 1.0, "correlate2d(X: (4, 4)): wrong", case="4x4"),
        _result("test_b", 2.0, case="3x3"),
        _result("test_c", 2.0),
    )
    assert outcome.ok, outcome.problems
    assert outcome.lost == ("test_a", "test_b")


@pytest.mark.parametrize(
    ("tests", "problem"),
    [
        ([_result("test_a", 0.0, "flip"), _result("test_b", 2.0), _result("test_c", 2.0)],
         "kept its points on test_b"),
        ([_result("test_a", 0.0, "flip"), _result("test_b", 0.0, "x"), _result("test_c", 1.0, "x")],
         "also lost points on test_c"),
        ([_result("test_a", 0.0, "wrong"), _result("test_b", 0.0, "wrong"), _result("test_c", 2.0)],
         "no failure message says 'flip'"),
        ([_result("test_a", 0.0, "flip"), _result("test_b", 0.0, "flip")],
         "one bug zeroes the stage"),
        ([_result("test_a", 0.0, "flip"),
          _result("test_b", 0.0, "An assertion failed (the test gave no message)."),
          _result("test_c", 2.0)],
         "test_b fails with a generic message"),
    ],
    ids=["missed", "extra", "no-hint", "zero", "generic"],
)  # fmt: skip
def test_each_way_a_verdict_can_be_wrong_is_reported(tests, problem):
    outcome = _judge(*tests)
    assert not outcome.ok
    assert any(problem in p for p in outcome.problems), outcome.problems


def test_declarations_are_read_without_importing(tmp_path):
    path = tmp_path / "flipped.py"
    path.write_text(MISTAKE + "\nraise SystemExit('imported!')\n")
    mistake = read_mistake(path, get_stage("correlate2d"))
    assert (mistake.breaks, mistake.loses, mistake.hints) == (
        "correlate2d",
        ("test_a", "test_b"),
        ("flip",),
    )
    assert mistake.summary == "Flipped kernel."


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('BREAKS = "correlate2d"', 'BREAKS = "nothing"'), "BREAKS"),
        (('LOSES = ["test_a", "test_b"]', "LOSES = []"), "LOSES"),
        (('HINT = "flip"', "HINT = ''"), "HINT"),
        (('"""Flipped kernel."""', '"""Flipped."""\nfrom __future__ import annotations'), None),
        (("def correlate2d(X, K):\n    return X", "correlate2d = None"), None),
    ],
    ids=["breaks", "loses", "hint", "future", "no-function"],
)
def test_a_malformed_mistake_is_an_error_naming_file_and_key(tmp_path, change, key):
    path = tmp_path / "bad.py"
    path.write_text(MISTAKE.replace(*change))
    with pytest.raises(ConfigError) as info:
        read_mistake(path, get_stage("correlate2d"))
    assert "bad.py" in str(info.value)
    if key:
        assert key in str(info.value)


def test_the_graded_module_is_the_reference_then_the_mistake(tmp_path):
    stage = get_stage("correlate2d")
    path = tmp_path / "flipped.py"
    path.write_text(MISTAKE)
    source = compose(stage, read_mistake(path, stage))
    assert source.startswith(stage.reference.read_text().rstrip())
    assert source.rstrip().endswith("return X")
    namespace: dict[str, object] = {}
    exec(compile(source, "composed", "exec"), namespace)  # the reference's own code
    assert namespace["correlate2d"](1, 2) == 1  # the mistake's definition wins


def test_helper_files_are_not_mistakes():
    for stage in all_stages():
        assert all(not p.name.startswith("_") for p in mistake_files(stage))


@pytest.mark.parametrize("stage", all_stages(), ids=lambda s: s.id)
def test_every_stage_has_a_mistakes_zoo_that_parses(stage):
    files = mistake_files(stage)
    assert len(files) >= (8 if stage.id == "lenet" else 12), f"{stage.id}: {len(files)} mistakes"
    for path in files:
        mistake = read_mistake(path, stage)
        assert mistake.loses and mistake.hints


def test_a_test_it_may_lose_by_chance_is_allowed_either_way():
    mistake = Mistake(Path("m.py"), "train", ("test_a",), ("flip",), "M.", ("test_c",))
    for score in (0.0, 2.0):
        tests = (
            _result("test_a", 0.0, "flip"),
            _result("test_b", 2.0),
            _result("test_c", score, "accuracy 0.82"),
        )
        assert judge(mistake, GradingResults(tests=tests)).ok
