"""The students' speed feedback (``tests/speedcheck.py`` in the template): does it build the
graded inputs, scale its double loop honestly, word its verdicts, agree with the graded speed
test over the zoo, and stay out of grading?"""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import numpy as np
import pytest

from autograder.authoring import speedcheck
from autograder.authoring.calibration import read_members, student_member
from autograder.authoring.release import speedcheck_source
from autograder.course.stages import Stage, all_stages, get_stage
from autograder.grading.runner import grade, stage_points
from tests.support import KIT, write_kit

STAGES = [stage for stage in all_stages(KIT) if stage.config.grading.timing]
KEYS = [(stage, key) for stage in STAGES for key in stage.config.grading.timing]
KEY_IDS = [f"{stage.id}-{key}" for stage, key in KEYS]


def _reference(stage: Stage):
    spec = importlib.util.spec_from_file_location(f"speedcheck_ref_{stage.id}", stage.reference)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("stage", "key"), KEYS, ids=KEY_IDS)
def test_every_timed_key_has_feedback_on_the_graded_inputs(stage, key):
    """Does each graded speed test have a student-side check whose inputs are exactly the
    ones of the stage's timing.py (same shapes, same values from the same seed)?"""
    check = speedcheck.timed(stage.id, key)
    ours = check.inputs(np.random.default_rng(7))
    graded = stage.timing_inputs[key](np.random.default_rng(7))
    assert len(ours) == len(graded) == len(check.names)
    for mine, theirs in zip(ours, graded, strict=True):
        if isinstance(theirs, np.ndarray):
            assert isinstance(mine, np.ndarray) and mine.shape == theirs.shape
            np.testing.assert_array_equal(mine, theirs)
        else:
            assert mine == theirs


@pytest.mark.parametrize(("stage", "key"), KEYS, ids=KEY_IDS)
def test_the_double_loop_computes_the_function_on_its_rows(stage, key):
    """Is the yardstick real work: its first rows equal the reference's output?"""
    check = speedcheck.timed(stage.id, key)
    inputs = check.inputs(np.random.default_rng(1))
    partial = check.yardstick(*inputs, 2)
    expected = np.asarray(getattr(_reference(stage), check.function)(*inputs))
    assert partial.shape == expected.shape
    np.testing.assert_allclose(partial[..., :2, :], expected[..., :2, :], rtol=1e-9, atol=1e-9)
    assert not partial[..., 2:, :].any()  # the rest is left for the scaling


def test_the_double_loop_scales_linearly_with_its_rows():
    """Is timing a few rows and scaling up close to timing every row (within 35 %)?"""
    check = speedcheck.timed("channels", "correlate2d_1x1")
    inputs = check.inputs(np.random.default_rng(0))
    rows = inputs[0].shape[1]
    full = min(speedcheck.cpu_per_call(lambda: check.yardstick(*inputs, rows), 0.0)
               for _ in range(3))  # fmt: skip
    part = min(speedcheck.cpu_per_call(lambda: check.yardstick(*inputs, check.rows), 0.01)
               for _ in range(5))  # fmt: skip
    assert part * rows / check.rows == pytest.approx(full, rel=0.35)


def test_cpu_per_call_repeats_a_fast_function_until_the_clock_can_tell():
    calls = []
    seconds = speedcheck.cpu_per_call(lambda: calls.append(sum(range(200))), 0.01)
    assert len(calls) > 1 and 0 < seconds < 0.01


def _feedback(student: float, yardstick: float = 0.3, key: str = "correlate2d"):
    check = speedcheck.timed("correlate2d", key)
    return speedcheck.Feedback(check, "correlate2d(X (240, 960), K (1, 3))", student, yardstick, 5)


def test_on_track_wording(monkeypatch):
    """Does an on-track verdict say so, with the speed-up, the threshold and an estimate
    against the graded limit, and that the hidden test counts?"""
    monkeypatch.setitem(speedcheck.GRADED, ("correlate2d", "correlate2d"), (22.0, "loop less"))
    feedback = _feedback(student=0.001)
    text = feedback.message()
    assert feedback.on_track and feedback.speedup == pytest.approx(300)
    assert text.startswith("correlate2d(X (240, 960), K (1, 3)): on track.")
    assert "300× faster than a plain double loop over the output pixels" in text
    assert f"on track means at least {feedback.check.need:g}× faster" in text
    assert f"roughly {22 * feedback.check.need / 300:.2g}× the reference" in text
    assert "against a limit of 22×" in text and "Gradescope is the one that counts" in text
    assert "Hint" not in text


def test_too_slow_wording_gives_the_graded_hint(monkeypatch):
    monkeypatch.setitem(speedcheck.GRADED, ("correlate2d", "correlate2d"), (22.0, "loop less"))
    feedback = _feedback(student=0.6)
    text = feedback.message()
    assert not feedback.on_track and feedback.margin == pytest.approx(2 * feedback.check.need)
    assert "is too slow" in text and "2× slower than a plain double loop" in text
    assert f"needs about {feedback.check.need:g}× faster than that loop" in text
    assert f"roughly {22 * feedback.check.need * 2:.0f}× the reference" in text
    assert text.endswith("\nHint: loop less")


def test_wording_without_graded_limits_leaves_the_estimate_out():
    """(The kit's own copy has no limits written in; the template's has.)"""
    text = _feedback(student=0.001).message()
    assert "on track" in text and "against a limit" not in text


def test_require_notes_the_verdict_and_fails_when_too_slow():
    notes: list[str] = []
    feedback = speedcheck.SpeedFeedback(notes.append)
    fast = replace(speedcheck.timed("channels", "correlate2d_1x1"), rows=2)
    slow = replace(fast, need=1e9)  # no function can be this much faster than the loop

    def product(X, K):
        return np.tensordot(K, X, axes=(1, 0))

    assert speedcheck.measure(product, fast, repeats=1).on_track
    with pytest.raises(AssertionError, match="is too slow"):
        feedback.require_check(slow, product)
    assert len(notes) == 1 and "is too slow" in notes[0]


def test_the_template_copy_carries_every_graded_limit_and_hint():
    source = speedcheck_source(STAGES)
    namespace: dict[str, object] = {}
    exec(compile(source, "speedcheck.py", "exec"), namespace)  # the kit's own file
    graded = namespace["GRADED"]
    assert isinstance(graded, dict)
    for stage, key in KEYS:
        spec = stage.config.grading.timing[key]
        assert graded[(stage.id, key)] == (spec.limit, spec.hint.strip())
    template = KIT / "student_template" / "tests" / "speedcheck.py"
    assert template.read_text(encoding="utf-8") == source


# -- grading leaves the speed feedback out ------------------------------------------------------

FEEDBACK_TEST = '''

def test_speed_feedback(submission, speedcheck):
    """double: speed feedback (would fail if graded)"""
    raise AssertionError("the public speed feedback ran during grading")
'''


def test_grading_neither_runs_nor_counts_the_speed_feedback(tmp_path):
    """Is a public test that uses the template's ``speedcheck`` fixture left out of grading:
    not in the results, not in the points ``cnngrade list`` shows?"""
    stage = write_kit(tmp_path)
    toml = stage.directory / "assignment.toml"
    toml.write_text(toml.read_text().replace("test_typo = 1\n", ""))
    public = stage.public_tests / "test_demo.py"
    public.write_text(public.read_text() + FEEDBACK_TEST)
    results = grade(stage, stage.reference)
    names = [test.name for test in results.tests]
    assert not any("speed feedback" in name for name in names), names
    assert results.score == results.max_score == stage_points(stage) == 1.0


def test_reference_results_hold_no_speed_feedback(grade_cached):
    """The real stage 1: graded results name no speed-feedback test."""
    results = grade_cached("reference")
    assert not any("speed feedback" in test["name"] for test in results["tests"])


# -- agreement with the graded speed test over the zoo ---------------------------------------

MEMBERS = [
    (stage, member)
    for stage in STAGES
    for path in stage.zoo
    for member in read_members(path, stage)
]
MEMBER_IDS = [f"{s.id}-{m.name}-{m.function}" for s, m in MEMBERS]
#: a clear pass and a clear fail per stage, for the default run (a few seconds in all)
SAMPLE = {
    ("correlate2d", "sliding_einsum", "correlate2d"),
    ("correlate2d", "pixel_loop_window_vdot", "correlate2d"),
    ("padding", "shift_add_strided", "correlate2d"),
    ("padding", "full_then_subsample", "correlate2d"),
    ("channels", "im2col_matmul", "conv2d"),
    ("channels", "one_by_one_pixel_loop", "correlate2d_1x1"),
    ("pooling", "shift_max", "pool2d"),
    ("pooling", "output_loop", "pool2d"),
}
SAMPLED = [(s, m) for s, m in MEMBERS if (s.id, m.name, m.function) in SAMPLE]


def test_the_sample_names_zoo_members():
    assert len(SAMPLED) == len(SAMPLE)


@pytest.mark.parametrize(("stage", "member"), SAMPLED,
                         ids=[f"{s.id}-{m.name}-{m.function}" for s, m in SAMPLED])  # fmt: skip
def test_speed_feedback_gives_sampled_zoo_members_their_graded_verdict(stage, member):
    outcome = student_member(stage, member)
    if outcome.skipped:
        pytest.skip(outcome.problem)
    assert outcome.ok, outcome.problem or f"{outcome.speedup:.2f}× vs need {outcome.need:g}"


@pytest.mark.calibration
@pytest.mark.parametrize(("stage", "member"), MEMBERS, ids=MEMBER_IDS)
def test_speed_feedback_is_at_least_3x_from_its_threshold(stage, member):
    """Does the students' check give every zoo member the graded verdict, 3× or more from
    its threshold? (``cnngrade calibrate STAGE --student`` prints the table.)"""
    outcome = student_member(stage, member)
    if outcome.skipped:
        pytest.skip(outcome.problem)
    detail = outcome.problem or f"{outcome.speedup:.2f}× vs need {outcome.need:g}"
    assert outcome.ok and outcome.margin is not None and outcome.margin >= 3.0, detail


def test_stage_without_timing_has_no_feedback():
    assert not any(t.stage == "lenet" for t in speedcheck.TIMED)
    assert get_stage("lenet", KIT).config.grading.timing == {}


def test_student_member_reports_a_crash(tmp_path, stage1):
    broken = tmp_path / "broken.py"
    broken.write_text('EXPECTED = "pass"\ndef correlate2d(X, K):\n    raise ValueError("no")\n')
    (member,) = read_members(broken, stage1)
    outcome = student_member(stage1, member)
    assert outcome.verdict == "error" and "ValueError" in (outcome.problem or "")
    assert not outcome.ok


def test_calibrate_student_prints_the_table_and_fails_on_a_wrong_verdict(monkeypatch, stage1):
    """Is ``cnngrade calibrate STAGE --student`` plumbing over calibrate_student?"""
    from click.testing import CliRunner

    from autograder.authoring.calibration import StudentOutcome, zoo_members
    from autograder.cli import app as cli

    member = zoo_members(stage1)[0]
    seen = {}

    def fake(stage, progress=None):
        seen["stage"] = stage.id
        wrong = "fail" if member.expected == "pass" else "pass"
        speedup = 100.0 if wrong == "pass" else 1.0
        return [StudentOutcome(member, need=16.0, speedup=speedup)]

    monkeypatch.setattr(cli, "calibrate_student", fake)
    result = CliRunner().invoke(cli.main, ["calibrate", "correlate2d", "--student"])
    assert seen == {"stage": "correlate2d"}
    assert result.exit_code == 1
    assert "speed-up" in result.output and "WRONG VERDICT" in result.output
