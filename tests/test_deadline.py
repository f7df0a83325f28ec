"""The global deadline, and the in-container entry point's guarantees."""

from __future__ import annotations

import json
import time

import jsonschema

from autograder.grading.gradescope import FALLBACK_MESSAGE, Layout, fallback, run
from tests.support import KIT, SCHEMA, STAGE1_POINTS, run_cli


def test_past_the_deadline_tests_are_reported_not_run(make_submission, tmp_path):
    """Does a hanging submission stop at the time limit with results for every test?"""
    out = tmp_path / "results.json"
    started = time.monotonic()
    proc = run_cli("grade", "1", str(make_submission("hang")), "-o", str(out), "--kit", str(KIT),
                   "--time-limit", "4")  # fmt: skip
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    assert elapsed < 12  # 4 s budget + start-up; without it this submission takes ~20 s
    results = json.loads(out.read_text())
    jsonschema.validate(results, SCHEMA)
    not_run = [t for t in results["tests"] if t["output"].startswith("Not run: the time")]
    assert not_run, "no test was reported as cut off by the deadline"
    assert round(sum(t["max_score"] for t in results["tests"]), 4) == STAGE1_POINTS


def fake_layout(tmp_path) -> Layout:
    layout = Layout(tmp_path / "autograder")
    layout.submission.mkdir(parents=True)
    return layout


def test_run_writes_a_failure_result_when_the_stage_is_missing(tmp_path):
    layout = fake_layout(tmp_path)  # no kit at all: the grader itself cannot work
    assert run("correlate2d", layout) == 0
    results = json.loads(layout.results.read_text())
    jsonschema.validate(results, SCHEMA)
    assert results["output"] == FALLBACK_MESSAGE
    assert "KitNotFoundError" in results["tests"][-1]["output"]
    assert results["tests"][-1]["visibility"] == "hidden"


def test_fallback_fills_in_only_when_nothing_valid_was_written(tmp_path):
    layout = fake_layout(tmp_path)
    fallback(layout, "killed by timeout")
    first = json.loads(layout.results.read_text())
    assert first["output"] == FALLBACK_MESSAGE
    layout.results.write_text('{"score": 7, "tests": []}')
    fallback(layout, "again")
    assert json.loads(layout.results.read_text())["score"] == 7  # a valid file is kept
    layout.results.write_text("{ half a file")
    fallback(layout, "truncated")
    assert json.loads(layout.results.read_text())["output"] == FALLBACK_MESSAGE
