"""The real thing: build the zip, install it into /autograder exactly as Gradescope does,
and grade submissions as root with /autograder as the working directory (the steps are in
tests/autograder_install.py)."""

from __future__ import annotations

import json
import subprocess
import time

import jsonschema
import pytest

from tests import autograder_install
from tests.autograder_install import ROOT
from tests.support import KIT, REFERENCE, SCHEMA
from tests.threats import THREATS, render, report, text
from tests.watch import GRADER_MEMORY_MB, sandbox_processes

HIDDEN_SNIPPET = "def test_hidden_lecture_example"

pytestmark = autograder_install.MARKS

MALICIOUS = (
    REFERENCE.read_text()
    + """

import os as _os

_HIDDEN = "/autograder/source/kit/assignments/correlate2d/tests/hidden/test_correlate_hidden.py"
try:
    print("LEAK:" + open(_HIDDEN).read())
except OSError as _exc:
    print("could not read the hidden tests:", type(_exc).__name__)
try:
    with open("/autograder/results/results.json", "w") as _f:
        _f.write('{"score": 1000, "tests": []}')
except OSError as _exc:
    print("could not forge results:", type(_exc).__name__)
try:  # a stage with speed tests lets no process start; elsewhere the child would
    _late = _os.fork() == 0
except OSError:
    _late = False
if _late:  # a child that outlives the worker and tries again later
    _os.setsid()
    import time as _time
    _time.sleep(3)
    try:
        open("/autograder/results/results.json", "w").write('{"score": 1000}')
    finally:
        _os._exit(0)
"""
)


@pytest.fixture(scope="module")
def autograder(tmp_path_factory, stage1):
    yield from autograder_install.installed_or_skip(stage1, tmp_path_factory.mktemp("dist"))


def run_submission(files: dict[str, str]) -> tuple[dict, subprocess.CompletedProcess[str]]:
    results, proc = autograder_install.run_submission(files)
    jsonschema.validate(results, SCHEMA)
    return results, proc


def test_zip_layout(autograder):
    names = set(autograder.files)
    assert {"setup.sh", "run_autograder", "requirements.txt"} <= names
    assert any(n.startswith("wheels/cnngrade-") for n in names)
    assert "kit/solutions/cnnlab/correlate.py" in names
    assert not any("zoo" in n for n in names)
    requirements = (ROOT / "source" / "requirements.txt").read_text()
    assert "numpy==" in requirements and "torch" not in requirements and "scipy" not in requirements


def test_source_is_unreadable_to_the_sandbox_user(autograder):
    assert (ROOT / "source").stat().st_mode & 0o077 == 0
    probe = subprocess.run(["su", "-s", "/bin/sh", "student", "-c",
                            f"cat {ROOT}/source/kit/solutions/cnnlab/correlate.py"],
                           capture_output=True, text=True)  # fmt: skip
    assert probe.returncode != 0


def test_correct_submission_scores_full_marks(autograder):
    results, _ = run_submission({"cnnlab/correlate.py": REFERENCE.read_text()})
    total = sum(t["max_score"] for t in results["tests"])
    assert total > 0 and results["score"] == pytest.approx(total)
    assert results["leaderboard"][0]["order"] == "asc"
    assert results["extra_data"]["users"] == ["Ada Lovelace"]


def test_failing_submission_gets_messages(autograder):
    stub = (KIT / "student_template" / "cnnlab" / "correlate.py").read_text()
    results, _ = run_submission({"correlate.py": stub})
    assert results["score"] == 0
    assert any("not implemented yet" in t["output"] for t in results["tests"])


def test_malicious_submission_cannot_read_tests_or_forge_results(autograder):
    results, _ = run_submission({"cnnlab/correlate.py": MALICIOUS})
    text = json.dumps(results)
    assert HIDDEN_SNIPPET not in text and "LEAK:" not in text
    assert "could not read the hidden tests: PermissionError" in text
    assert "could not forge results: PermissionError" in text
    total = sum(t["max_score"] for t in results["tests"])
    assert results["score"] == pytest.approx(
        total
    )  # its functions are correct: graded normally, no more
    time.sleep(4)  # the forked child would have written by now, had it survived
    again = json.loads((ROOT / "results" / "results.json").read_text())
    assert again == results
    assert sandbox_processes() == [], "a student process survived grading"


@pytest.mark.parametrize("threat", THREATS, ids=[t.name for t in THREATS])
def test_threat_through_the_installed_zip(threat, autograder):
    """The same attacks as tests/test_threats.py, graded by the real run_autograder."""
    secrets = [str(p) for p in (ROOT / "source" / "kit").rglob("*.py")]
    source = render(threat, secrets, [str(ROOT / "results" / "results.json"), "results.json"])
    files = threat.files(source)
    started = time.monotonic()
    results, _ = run_submission(files)
    seconds = time.monotonic() - started
    time.sleep(2.5 if "forge" in threat.name else 0)  # a late writer would strike now
    again = json.loads((ROOT / "results" / "results.json").read_text())
    assert again == results, "results.json changed after grading"
    peak = autograder_install.last_peak_mb
    report("Gradescope zip", threat, results, seconds, peak)
    assert threat.check(results), json.dumps(results)[:3000]
    assert threat.shows in text(results)
    assert seconds < threat.max_seconds
    assert peak < GRADER_MEMORY_MB, f"the grader reached {peak:.0f} MB"
    assert sandbox_processes() == [], "a process of the submission outlived grading"


def test_requirements_add_the_torch_cpu_index_only_when_torch_is_needed(stage1):
    from dataclasses import replace

    from autograder.course.stages import Stage
    from autograder.packaging.build import requirements

    plain = requirements(stage1)
    assert "torch" not in plain and "--extra-index-url" not in plain
    gradescope = replace(
        stage1.config.gradescope,
        requirements=["torch==2.13.0+cpu"],
        torch_index="https://example.org/cpu",
    )
    config = replace(stage1.config, gradescope=gradescope)
    stage = Stage(stage1.kit, stage1.directory)
    stage.__dict__["config"] = config  # the cached property, for this test only
    text = requirements(stage)
    assert "--extra-index-url https://example.org/cpu\n" in text and "torch==2.13.0+cpu" in text
