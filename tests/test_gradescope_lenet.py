"""Stage 5 through the real Gradescope zip: torch in /autograder's environment, the
student's network trained in the sandbox as the unprivileged user, the grader never
importing torch, and the accuracy on the leaderboard."""

from __future__ import annotations

import time
from importlib.util import find_spec

import jsonschema
import pytest

from autograder.course.stages import get_stage
from tests import autograder_install
from tests.pretrained import PRETRAINED, assert_no_help, pretrained_upload
from tests.support import KIT, LENET_REFERENCE, SCHEMA
from tests.threats import Threat, report
from tests.watch import GRADER_MEMORY_MB, sandbox_processes

pytestmark = [
    *autograder_install.MARKS,
    pytest.mark.skipif(find_spec("torch") is None, reason="stage 5 needs torch"),
]


@pytest.fixture(scope="module")
def lenet_autograder(tmp_path_factory):
    stage = get_stage("lenet", KIT)
    yield from autograder_install.installed_or_skip(stage, tmp_path_factory.mktemp("dist"))


def test_zip_holds_the_stage_and_pins_the_cpu_torch(lenet_autograder):
    names = set(lenet_autograder.files)
    assert "kit/assignments/lenet/data/digits.npz" in names
    assert "kit/solutions/cnnlab/lenet.py" in names
    requirements = (autograder_install.ROOT / "source" / "requirements.txt").read_text()
    assert "torch==2.13.0+cpu" in requirements and "--extra-index-url" in requirements


def test_reference_scores_full_marks_with_its_accuracy_on_the_leaderboard(lenet_autograder):
    results, _ = autograder_install.run_submission({"lenet.py": LENET_REFERENCE.read_text()})
    jsonschema.validate(results, SCHEMA)
    total = sum(t["max_score"] for t in results["tests"])
    assert total == 52 and results["score"] == pytest.approx(total)
    [board] = results["leaderboard"]
    assert board["order"] == "desc" and 0.85 <= board["value"] <= 1.0


def test_stub_scores_zero_with_a_message(lenet_autograder):
    stub = (KIT / "student_template" / "cnnlab" / "lenet.py").read_text()
    results, _ = autograder_install.run_submission({"cnnlab/lenet.py": stub})
    jsonschema.validate(results, SCHEMA)
    assert results["score"] == 0
    assert any("not implemented yet" in t["output"] for t in results["tests"])


@pytest.mark.parametrize(("jitter", "shows"), PRETRAINED, ids=["as-shipped", "jittered"])
def test_weights_trained_beforehand_are_no_help(lenet_autograder, lenet_lab, jitter, shows,
                                                tmp_path):  # fmt: skip
    """The stage-5 threat of tests/test_threats.py, graded by the real run_autograder."""
    upload = pretrained_upload(lenet_lab, tmp_path, jitter)
    started = time.monotonic()
    results, _ = autograder_install.run_submission({"lenet.py": upload.read_text()})
    seconds = time.monotonic() - started
    jsonschema.validate(results, SCHEMA)
    threat = Threat(f"stage 5: pretrained weights ({'jittered' if jitter else 'as shipped'})",
                    "", lambda r: True, shows)  # fmt: skip
    report("Gradescope zip", threat, results, seconds, autograder_install.last_peak_mb)
    assert_no_help(results, shows)
    assert autograder_install.last_peak_mb < GRADER_MEMORY_MB
    assert sandbox_processes() == [], "a process of the submission outlived grading"
