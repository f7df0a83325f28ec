"""The results value objects and the one Gradescope serializer."""

from __future__ import annotations

import json

import jsonschema
import pytest

from autograder.grading.results import (
    GRADESCOPE_OUTPUT_LIMIT,
    TEST_OUTPUT_LIMIT,
    GradingResults,
    LeaderboardEntry,
    TestResult,
    Visibility,
    read_results,
    write_results,
)
from tests.support import KIT, SCHEMA


def sample() -> GradingResults:
    return GradingResults(
        tests=(
            TestResult("a", 1.0, 1.0, True, number="1.1", tags=("x",)),
            TestResult("b", 0.0, 2.0, False, "wrong", visibility=Visibility.AFTER_DUE_DATE),
        ),
        output="hello",
        execution_time=1.25,
        leaderboard=(LeaderboardEntry("speed", 2.0, "asc"),),
    )


def test_serializer_output_is_valid_and_complete():
    doc = sample().to_gradescope_dict()
    jsonschema.validate(doc, SCHEMA)
    assert doc["score"] == 1.0
    assert [t["status"] for t in doc["tests"]] == ["passed", "failed"]
    assert doc["tests"][1]["visibility"] == "after_due_date"
    assert doc["leaderboard"] == [{"name": "speed", "value": 2.0, "order": "asc"}]


def test_round_trip_through_a_file(tmp_path):
    path = write_results(sample(), tmp_path / "out" / "results.json")
    again = read_results(path)
    assert again.score == 1.0 and again.max_score == 3.0
    assert [t.name for t in again.tests] == ["a", "b"]
    assert list(path.parent.iterdir()) == [path]  # no temporary files left behind


def test_long_outputs_are_clipped():
    long = GradingResults(tests=(TestResult("a", 0, 1, False, "x" * (TEST_OUTPUT_LIMIT * 3)),))
    output = long.to_gradescope_dict()["tests"][0]["output"]
    assert len(output) < TEST_OUTPUT_LIMIT + 100 and "more characters not shown" in output


def test_all_outputs_together_stay_under_gradescopes_limit():
    """Do 60 tests with long outputs still fit Gradescope's 100,000 characters in all?"""
    noisy = tuple(TestResult(f"t{i}", 0, 1, False, "y" * 7_000) for i in range(60))
    short = TestResult("short", 0, 1, False, "exact message")
    doc = GradingResults(tests=(short, *noisy), output="z" * 50_000).to_gradescope_dict()
    total = len(doc["output"]) + sum(len(t["output"]) for t in doc["tests"])
    assert total <= GRADESCOPE_OUTPUT_LIMIT
    assert doc["tests"][0]["output"] == "exact message"  # short messages are never cut
    assert all("more characters not shown" in t["output"] for t in doc["tests"][1:])


def test_nan_scores_are_refused():
    """Is a NaN score (which Gradescope rejects) caught before anything is written?"""
    with pytest.raises(ValueError, match="non-finite"):
        GradingResults(tests=(TestResult("a", float("nan"), 1, False),)).to_gradescope_dict()


def test_grader_failure_keeps_what_was_earned_and_hides_details():
    failed = GradingResults.grader_failure(
        "sorry", "Traceback: secret", [TestResult("a", 1, 1, True), TestResult("b", 0, 2, False)]
    )
    doc = failed.to_gradescope_dict()
    jsonschema.validate(doc, SCHEMA)
    assert doc["score"] == 1 and doc["output"] == "sorry"
    staff = doc["tests"][-1]
    assert staff["visibility"] == "hidden" and "secret" in staff["output"]
    assert [t["max_score"] for t in doc["tests"][:2]] == [1, 2]
    assert doc["tests"][1]["output"] == "sorry"  # a test that did not run says why


def test_write_is_atomic_when_serialising_fails(tmp_path):
    path = tmp_path / "results.json"
    write_results(sample(), path)
    before = path.read_text()
    with pytest.raises(ValueError):
        write_results(GradingResults(tests=(TestResult("a", float("inf"), 1, False),)), path)
    assert path.read_text() == before
    assert json.loads(before)["score"] == 1.0


def test_the_staff_entry_is_marked_and_keeps_its_mark_through_a_file(tmp_path):
    """Tables and summaries leave out the staff entry by its typed mark, not by its name."""
    results = GradingResults(tests=(TestResult("t", 1.0, 1.0, True),
                                    TestResult.staff_report("sandbox user: student")))  # fmt: skip
    path = write_results(results, tmp_path / "results.json")
    again = read_results(path)
    assert [t.staff for t in again.tests] == [False, True]
    assert again.tests[1].visibility is Visibility.HIDDEN and again.tests[1].max_score == 0
    named_alike = GradingResults(tests=(TestResult(again.tests[1].name, 1.0, 1.0, True),))
    lookalike = read_results(write_results(named_alike, tmp_path / "x.json"))
    assert not lookalike.tests[0].staff  # a test that merely has the name is not staff


def test_outputs_are_written_as_markdown_and_read_back_as_text(tmp_path):
    """Does results.json say "md" and escape a message, and a file read back hold text?"""
    message = "f(X) returned *wrong* values\n  [[1, 2],\n   [3, 4]]\nHint: <b>look</b>"
    results = GradingResults(tests=(TestResult("a", 0, 1, False, message),), output="Score: 0")
    doc = results.to_gradescope_dict()
    jsonschema.validate(doc, SCHEMA)
    assert doc["output_format"] == doc["test_output_format"] == "md"
    assert doc["tests"][0]["output"] == (
        "f(X) returned \\*wrong\\* values\n```\n  [[1, 2],\n   [3, 4]]\n```\n"
        "Hint: \\<b\\>look\\</b\\>"
    )
    again = read_results(write_results(results, tmp_path / "results.json"))
    assert again.tests[0].output == message and again.output == "Score: 0"


def test_a_file_without_a_format_reads_as_plain_text():
    doc = {"tests": [{"name": "a", "score": 0, "max_score": 1, "output": "a \\* b"}]}
    assert GradingResults.from_gradescope_dict(doc).tests[0].output == "a \\* b"


def test_markdown_outputs_together_stay_under_gradescopes_limit():
    """Escapes make Markdown longer than its text: do 60 outputs full of them still fit,
    each clipped without an open code block?"""
    noisy = tuple(TestResult(f"t{i}", 0, 1, False, "*_" * 2_000 + "\n  ```code```\n" * 300)
                  for i in range(60))  # fmt: skip
    doc = GradingResults(tests=noisy, output="<" * 30_000).to_gradescope_dict()
    total = len(doc["output"]) + sum(len(t["output"]) for t in doc["tests"])
    assert total <= GRADESCOPE_OUTPUT_LIMIT
    for output in (doc["output"], *(t["output"] for t in doc["tests"])):
        fences = [line for line in output.split("\n") if line and set(line) == {"`"}]
        assert len(fences) % 2 == 0 and "more characters not shown" in output


def test_the_last_resort_results_of_run_autograder_follow_the_schema():
    """The results run_autograder's shell writes when even Python fails: valid too?"""
    script = (KIT / "autograder" / "packaging" / "templates" / "run_autograder").read_text()
    doc = json.loads(script.split("printf '%s\\n' '")[1].split("'")[0])
    jsonschema.validate(doc, SCHEMA)
