"""End to end: real submissions graded through the CLI into Gradescope results."""

from __future__ import annotations

import jsonschema
import pytest

from autograder.course.stages import get_stage
from tests.support import KIT, SCHEMA, STAFF

ALL_VARIANTS = ["reference", "stub", "loop", "sliding", "syntax_error", "empty", "exit_at_import",
                "raise_at_import", "hang", "segfault"]  # fmt: skip


def student_tests(results: dict) -> list[dict]:
    return [t for t in results["tests"] if t["name"] != STAFF]


def by_name(results: dict, prefix: str) -> list[dict]:
    found = [t for t in student_tests(results) if t["name"].startswith(prefix)]
    assert found, f"no test named {prefix!r}"
    return found


def max_total(results: dict) -> float:
    return round(sum(t["max_score"] for t in results["tests"]), 4)


@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_results_follow_gradescope_schema(grade_cached, variant):
    """Is every results file valid against Gradescope's contract, whatever was uploaded?"""
    results = grade_cached(variant)["_file"]
    jsonschema.validate(results, SCHEMA)
    [staff] = [t for t in results["tests"] if t.get("extra_data") == {"staff": True}]
    assert staff["name"] == STAFF and staff["visibility"] == "hidden" and staff["max_score"] == 0


@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_denominator_never_shrinks(grade_cached, variant):
    """Does a broken submission keep the full maximum score (a crash never shrinks it)?"""
    assert max_total(grade_cached(variant)) == max_total(grade_cached("reference"))


def test_reference_scores_full_marks(grade_cached):
    results = grade_cached("reference")
    assert all(t["status"] == "passed" for t in results["tests"])
    assert results["score"] == max_total(results) > 0
    assert "timing" in results["extra_data"]


def test_sliding_window_solution_passes_everything(grade_cached):
    results = grade_cached("sliding")
    assert results["score"] == max_total(results)


def test_stub_scores_zero_and_says_not_implemented(grade_cached):
    results = grade_cached("stub")
    assert results["score"] == 0
    scored = [t for t in student_tests(results) if t["max_score"] > 0]
    failing = [t for t in scored if t["status"] == "failed"]
    assert len(failing) == len(scored)
    assert any("not implemented yet" in t["output"] for t in failing)


def test_double_loop_fails_only_the_speed_test(grade_cached):
    results = grade_cached("loop")
    failed = [t for t in student_tests(results) if t["status"] == "failed"]
    assert [t["name"] for t in failed] == [by_name(results, "correlate2d: vectorised")[0]["name"]]
    message = failed[0]["output"]
    limit = get_stage("correlate2d", KIT).config.grading.timing["correlate2d"].limit
    for part in ("too slow", "CPU time", "the reference took", f"the limit is {limit:g}×", "Hint:"):
        assert part in message
    timing = results["extra_data"]["timing"][0]
    assert timing["ratio"] > 3 * timing["limit"]  # fails with a wide margin


@pytest.mark.parametrize(("variant", "needle"), [
    ("syntax_error", "SyntaxError"),
    ("empty", "could not find correlate.py"),
    ("exit_at_import", "os._exit()"),
    ("raise_at_import", "RuntimeError: boom"),
])  # fmt: skip
def test_unloadable_submissions_explain_what_to_fix(grade_cached, variant, needle):
    """Does an unusable upload score 0 with a top-level message saying what to fix?"""
    results = grade_cached(variant)
    assert results["score"] == 0
    assert needle in results["output"]
    assert all(t["status"] == "failed" for t in student_tests(results) if t["max_score"] > 0)


def test_syntax_error_names_the_line(grade_cached):
    assert "line 3" in grade_cached("syntax_error")["output"]


def test_infinite_loop_is_stopped_and_explained(grade_cached):
    results = grade_cached("hang")
    first = by_name(results, "correlate2d: the lecture's 3×3")[0]
    assert "infinite loop" in first["output"]
    # the gradient does not call correlate2d: it is still graded after the timeouts
    assert all(t["status"] == "passed" for t in by_name(results, "correlate2d_backward: gradients"))


def test_segfault_restarts_the_worker(grade_cached):
    results = grade_cached("segfault")
    assert "SIGSEGV" in by_name(results, "correlate2d: the lecture's 3×3")[0]["output"]
    assert all(t["status"] == "passed" for t in by_name(results, "correlate2d_backward: gradients"))
    staff = next(t for t in results["tests"] if t["name"] == STAFF)["output"]
    assert "worker restarts" in staff


def test_failure_messages_never_show_grader_source(grade_cached):
    """Do students see only teaching messages, never hidden-test code or grader paths?"""
    for variant in ("stub", "loop", "segfault", "hang"):
        for test in student_tests(grade_cached(variant)):
            if test["visibility"] == "hidden":
                continue
            assert "tests/hidden" not in test["output"]
            assert "autograder/" not in test["output"]
            assert "def test_" not in test["output"]


def test_terminal_summary_is_a_table(grade_cached):
    out = grade_cached("loop")["_stdout"]
    assert "points" in out and "total" in out
    assert "FAIL" in out and "ok" in out
    assert "results written to" in out


def test_timing_results_name_the_function(grade_cached):
    timing = grade_cached("loop")["extra_data"]["timing"]
    assert [t["function"] for t in timing] == ["correlate2d"]
