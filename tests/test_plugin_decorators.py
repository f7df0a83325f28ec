"""The grading plugin honours gradescope-utils' decorators and the config's points.

A miniature kit is written to a temporary folder and graded through the real CLI.
"""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest

from tests.support import SCHEMA, run_cli

CONFIG = """
id = "demo"
number = 9
title = "Decorators"
module = "cnnlab/demo.py"
functions = ["double"]

[grading]
default_points = 2

[grading.points]
test_config_points = 5
"""

TESTS = '''
import pytest
from gradescope_utils.autograder_utils.decorators import (
    hide_errors, leaderboard, number, partial_credit, tags, visibility, weight,
)


@weight(3)
@number("1.1")
@tags("arith", "easy")
def test_weighted(submission):
    """Doubling two"""
    assert submission.double(2) == 4


@visibility("after_due_date")
def test_config_points(submission):
    assert submission.double(3) == 6


def test_default_points(submission):
    assert submission.double(1) == 2


@partial_credit(4)
def test_partial(submission, set_score=None):
    set_score(2.5)


@hide_errors("Something is off with double.")
def test_hidden_error(submission):
    assert submission.double(2) == 5, "a detail students must not see"


@leaderboard("speed", "asc")
def test_board(submission, set_leaderboard_value=None):
    set_leaderboard_value(1.5)


@weight(2)
@pytest.mark.parametrize("x", [1, 2, 3, 4])
def test_param(submission, x):
    assert submission.double(x) == 2 * x


@visibility("hidden")
def test_prints(submission):
    assert submission.loud(7) == 7
'''

SUBMISSION = """
def double(x):
    return 2 * x

def loud(x):
    print("hello from the student")
    return x
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    kit = tmp_path_factory.mktemp("kit")
    stage = kit / "assignments" / "demo"
    (stage / "tests" / "public").mkdir(parents=True)
    (stage / "assignment.toml").write_text(CONFIG)
    (stage / "tests" / "public" / "test_demo.py").write_text(textwrap.dedent(TESTS))
    (kit / "solutions" / "cnnlab").mkdir(parents=True)
    (kit / "solutions" / "cnnlab" / "demo.py").write_text(SUBMISSION)
    upload = kit / "upload"
    upload.mkdir()
    (upload / "demo.py").write_text(SUBMISSION)
    out = kit / "results.json"
    proc = run_cli("grade", "demo", str(upload), "-o", str(out), "--kit", str(kit))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    doc = json.loads(out.read_text())
    jsonschema.validate(doc, SCHEMA)
    return {t["name"].split(" [")[0]: t for t in doc["tests"]} | {"_doc": doc}


def test_weight_number_and_tags(results):
    test = results["Doubling two"]  # the docstring's first line names the test
    assert (test["max_score"], test["score"], test["number"]) == (3, 3, "1.1")
    assert test["tags"] == ["arith", "easy"]


def test_points_from_config_and_default(results):
    assert results["test_config_points"]["max_score"] == 5
    assert results["test_config_points"]["visibility"] == "after_due_date"
    assert results["test_default_points"]["max_score"] == 2


def test_partial_credit(results):
    assert results["test_partial"]["score"] == 2.5
    assert results["test_partial"]["max_score"] == 4


def test_hide_errors_replaces_the_message(results):
    test = results["test_hidden_error"]
    assert test["status"] == "failed"
    assert test["output"] == "Something is off with double."


def test_leaderboard_entry(results):
    assert results["_doc"]["leaderboard"] == [{"name": "speed", "value": 1.5, "order": "asc"}]
    assert results["test_board"]["max_score"] == 0


def test_parametrised_points_are_shared(results):
    cases = [t for t in results["_doc"]["tests"] if t["name"].startswith("test_param")]
    assert len(cases) == 4
    assert all(t["max_score"] == 0.5 for t in cases)


def test_student_output_is_attached_to_the_test(results):
    test = results["test_prints"]
    assert test["visibility"] == "hidden"
    assert "hello from the student" in test["output"]


def test_total_adds_up(results):
    doc = results["_doc"]
    assert doc["score"] == pytest.approx(3 + 5 + 2 + 2.5 + 0 + 0 + 2 + 2)
