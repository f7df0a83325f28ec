"""Calibration and validation: do the speed limits separate the zoo, and does `validate`
catch a stage that is not ready?"""

from __future__ import annotations

import pytest

from autograder.authoring.calibration import read_members, time_member, validate
from autograder.course.stages import all_stages
from autograder.errors import ConfigError
from tests.support import KIT, write_kit

MEMBERS = [
    (stage, member)
    for stage in all_stages(KIT)
    for path in stage.zoo
    for member in read_members(path, stage)
]
IDS = [f"{s.id}-{m.name}-{m.function}" for s, m in MEMBERS]


@pytest.mark.parametrize(("stage", "member"), MEMBERS, ids=IDS)
def test_zoo_member_gets_its_declared_verdict(stage, member):
    """Is every zoo implementation judged as it declares?"""
    outcome = time_member(stage, member)
    if outcome.skipped:
        pytest.skip(outcome.problem)
    assert outcome.ok, outcome.problem or outcome.result.summary()


@pytest.mark.calibration
@pytest.mark.parametrize(("stage", "member"), MEMBERS, ids=IDS)
def test_zoo_member_is_at_least_3x_from_the_limit(stage, member):
    """Is every zoo implementation at least 3× on its side of the limit? (On a quiet
    machine; four `cnngrade calibrate` runs per stage are the release check.)"""
    outcome = time_member(stage, member)
    if outcome.skipped:
        pytest.skip(outcome.problem)
    assert outcome.ok and outcome.margin is not None and outcome.margin >= 3.0, (
        outcome.problem or outcome.result.summary()
    )


def test_validate_flags_a_broken_reference_and_a_typo(tmp_path):
    checks = {c.name: c for c in validate(write_kit(tmp_path, "return x"))}
    assert not checks["reference scores full marks"].ok
    typo = checks["every [grading.points] entry names a test"]
    assert not typo.ok and "test_typo" in typo.detail


def test_validate_flags_a_reference_without_markers(tmp_path):
    """Its stub is the working reference itself: it must not score."""
    checks = {c.name: c for c in validate(write_kit(tmp_path, "return 2 * x"))}
    assert checks["reference scores full marks"].ok
    stub = checks["the stub (from the reference's markers) scores zero"]
    assert not stub.ok and stub.detail.startswith("1/")


def test_validate_passes_a_good_stage(tmp_path):
    stage = write_kit(tmp_path)
    (stage.directory / "assignment.toml").write_text(
        (stage.directory / "assignment.toml").read_text().replace("test_typo = 1\n", "")
    )
    assert all(check.ok for check in validate(stage))


@pytest.mark.parametrize(("text", "key"), [
    ('"""m"""\nTIMED = "correlate2d"\n', "EXPECTED"),
    ('"""m"""\nTIMED = "nope"\nEXPECTED = "pass"\n', "TIMED"),
    ('"""m"""\nEXPECTED = "maybe"\n', "EXPECTED"),
])  # fmt: skip
def test_zoo_declarations_are_checked(tmp_path, stage1, text, key):
    path = tmp_path / "member.py"
    path.write_text(text)
    with pytest.raises(ConfigError, match=key):
        read_members(path, stage1)
