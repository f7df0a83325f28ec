"""Stage 5 graded end to end: the reference, the stub, and the mistakes students make.

Every variant is the reference with one change, graded through the real sandbox. The
grader itself never imports torch: the student's weights come back as arrays and are
checked by the trusted NumPy LeNet.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from importlib.util import find_spec

import pytest

from autograder.course.stages import get_stage
from autograder.grading.runner import GradingOptions, grade
from tests.support import KIT, build_lenet_submission

pytestmark = pytest.mark.skipif(find_spec("torch") is None, reason="stage 5 needs torch")

STAGE = get_stage("lenet", KIT)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    cache: dict[str, dict[str, object]] = {}

    def run(name):
        if name not in cache:
            upload = build_lenet_submission(tmp_path_factory.mktemp(name), name)
            results = grade(STAGE, upload)
            cache[name] = {"score": results.score, "max": results.max_score,
                           "tests": {t.nodeid.split("::")[-1]: t for t in results.tests
                                     if t.nodeid}}  # fmt: skip
        return cache[name]

    return run


def failing(results):
    return {name.split("[")[0] for name, t in results["tests"].items()
            if not t.passed and t.max_score > 0}  # fmt: skip


def test_reference_full_marks_without_torch_in_the_grader(tmp_path):
    """The reference scores 52/52 with an accuracy on the leaderboard, and the grading
    process itself never imported torch (only the sandboxed worker did)."""
    out = tmp_path / "results.json"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from autograder.grading.runner import grade_to_file\n"
        "from autograder.course.stages import get_stage\n"
        f"stage = get_stage('lenet', Path({str(KIT)!r}))\n"
        f"grade_to_file(stage, stage.reference, Path({str(out)!r}))\n"
        "print('torch imported:', 'torch' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "torch imported: False" in proc.stdout
    results = json.loads(out.read_text())
    assert results["score"] == 52
    [board] = results["leaderboard"]
    assert board["name"] == "Held-out accuracy" and 0.85 <= board["value"] <= 1.0


def test_stub_scores_zero():
    results = grade(STAGE, STAGE.stub)
    assert results.score == 0 and results.max_score == 52
    assert "not implemented yet" in results.tests[0].output


def test_wrong_architecture(graded):
    results = graded("wrong_architecture")
    assert {"test_lenet_parameter_count", "test_architecture_matches_reference",
            "test_layer_shapes_classic", "test_train_accuracy_on_held_out_digits"} <= failing(
        results)  # fmt: skip
    test = results["tests"]["test_architecture_matches_reference[classic]"]
    assert "not LeNet-5" in test.output and "(100, 400)" in test.output
    assert "52,006 parameters" in results["tests"]["test_lenet_parameter_count[False]"].output
    shapes = results["tests"]["test_layer_shapes_classic"].output
    assert "layer 7 is ('Linear', (1, 100)), expected ('Linear', (1, 120))" in shapes
    hidden = results["tests"]["test_layer_shapes_hidden[classic-5]"].output
    assert "layer 7 is ('Linear', (5, 100)), expected ('Linear', (5, 120))" in hidden
    assert results["tests"]["test_try_gpu"].passed


def test_train_that_never_steps(graded):
    """The weights stay at their initial values: chance accuracy, almost no points for it."""
    results = graded("never_steps")
    assert failing(results) == {
        "test_train_learns_an_easy_task", "test_train_accuracy_on_held_out_digits",
    }  # fmt: skip
    accuracy = results["tests"]["test_train_accuracy_on_held_out_digits"]
    assert accuracy.score < 2 and "optimizer.step()" in accuracy.output
    assert results["tests"]["test_train_uses_xavier_init"].passed


def test_batches_not_moved_to_the_device(graded):
    results = graded("no_batch_moves")
    assert failing(results) == {"test_train_moves_model_and_batches"}
    assert "X.to(device)" in results["tests"]["test_train_moves_model_and_batches"].output


def test_default_initialisation(graded):
    results = graded("default_init")
    assert "test_train_uses_xavier_init" in failing(results)
    assert "xavier_uniform_" in results["tests"]["test_train_uses_xavier_init"].output


def test_counting_batches_instead_of_examples(graded):
    results = graded("counts_batches")
    assert "test_evaluate_accuracy_hidden" in failing(results)
    assert "count examples" in results["tests"]["test_evaluate_accuracy_hidden[0]"].output


@pytest.mark.parametrize(
    "variant", ["wrong_architecture", "never_steps", "no_batch_moves", "default_init",
                "counts_batches"],
)  # fmt: skip
def test_every_failure_says_what_went_wrong(graded, variant):
    """Does every failing test explain itself (no bare assertion without a message)?"""
    silent = [name for name, t in graded(variant)["tests"].items()
              if not t.passed and "gave no message" in t.output]  # fmt: skip
    assert not silent


def test_a_hanging_train_is_stopped_and_the_rest_still_graded(tmp_path):
    upload = build_lenet_submission(tmp_path, "hang")
    limits = replace(STAGE.config.limits, timeouts={"train": 2.0})
    results = grade(STAGE, upload, GradingOptions(limits=limits))
    tests = {t.nodeid.split("::")[-1]: t for t in results.tests if t.nodeid}
    trains = [t for name, t in tests.items() if name.startswith("test_train_")]
    assert trains and not any(t.passed for t in trains)
    assert any("2 s" in t.output or "time" in t.output.lower() for t in trains)
    assert tests["test_architecture_matches_reference[modern]"].passed
    lost = sum(t.max_score for t in trains)  # 1 + 2 public, 4 + 3 + 3 + 2 + 12 hidden
    assert lost == 27 and results.score == pytest.approx(52 - lost)
