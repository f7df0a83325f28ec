"""Calibration and validation of a stage: do its thresholds separate what they should?

A stage's zoo (``assignments/<stage>/zoo/*.py``) holds implementations of its timed
functions. Like a mistake, a member states only its own code: what is graded is the
reference followed by the member, so it may use the helpers the stub gives students (its
argument checks, say) and its definitions win. Each declares ``TIMED`` (the timed key, or a
list of keys the same code is timed on; optional when the stage times only one),
``EXPECTED`` ("pass" or "fail") and optionally ``REQUIRES`` (a package that must be
installed, e.g. a library call). Each member is timed against the reference exactly as
grading does. :func:`validate` adds the end-to-end checks: the
reference scores full marks and the stub scores zero.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from autograder.authoring import speedcheck
from autograder.authoring.markers import make_stub
from autograder.authoring.mistakes import check_mistakes, composed, function_of, mistake_files
from autograder.course.stages import Stage
from autograder.errors import ConfigError
from autograder.grading.runner import grade, stage_points
from autograder.grading.session import GradingSession
from autograder.grading.timing import SpeedCheck, TimingResult
from autograder.sandbox.client import THREAD_ENV
from autograder.sandbox.faults import StudentFault

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ZooMember:
    path: Path
    function: str
    expected: str
    summary: str
    requires: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class ZooOutcome:
    member: ZooMember
    result: TimingResult | None = None
    problem: str | None = None  # could not be timed (crash, missing package)
    skipped: bool = False

    @property
    def verdict(self) -> str:
        if self.skipped:
            return "skipped"
        if self.result is None:
            return "error"
        return "pass" if self.result.passed else "fail"

    @property
    def ok(self) -> bool:
        return self.skipped or self.verdict == self.member.expected

    @property
    def margin(self) -> float | None:
        """How far the ratio is from the limit, on the expected side (> 1 is good)."""
        if self.result is None:
            return None
        return _margin(self.result.limit / max(self.result.ratio, 1e-12), self.member.expected)


def _margin(room: float, expected: str) -> float:
    """The margin on the expected side, from ``room`` (> 1: on the passing side by that much)."""
    return room if expected == "pass" else 1 / room


def _missing(member: ZooMember) -> list[str]:
    """The libraries a zoo member needs that are not installed here."""
    return [name for name in member.requires if importlib.util.find_spec(name) is None]


def read_members(path: Path, stage: Stage) -> list[ZooMember]:
    """Read a zoo module's declarations without importing it: one member per timed key
    it names (``TIMED`` is a key, or a list of keys the same code is timed on)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("TIMED", "EXPECTED", "REQUIRES"):
                values[target.id] = ast.literal_eval(node.value)
    timed = list(stage.config.grading.timing)
    functions = values.get("TIMED", timed[0] if len(timed) == 1 else None)
    functions = [functions] if not isinstance(functions, list | tuple) else list(functions)
    if not functions or any(function not in timed for function in functions):
        raise ConfigError(path, "TIMED", f"must name one or more of the timed functions {timed}")
    expected = values.get("EXPECTED")
    if expected not in ("pass", "fail"):
        raise ConfigError(path, "EXPECTED", "must be 'pass' or 'fail'")
    requires = values.get("REQUIRES", ())
    requires = (requires,) if isinstance(requires, str) else tuple(str(r) for r in requires)  # type: ignore[attr-defined]
    doc = (ast.get_docstring(tree) or path.stem).strip().splitlines()[0]
    return [ZooMember(path, str(f), str(expected), doc, requires) for f in functions]


def time_member(stage: Stage, member: ZooMember) -> ZooOutcome:
    missing = _missing(member)
    if missing:
        return ZooOutcome(member, problem=f"not installed: {', '.join(missing)}", skipped=True)
    work = Path(tempfile.mkdtemp(prefix="cnngrade-zoo-"))
    try:
        upload = work / "upload"
        upload.mkdir()
        (upload / stage.config.module_basename).write_text(
            composed(stage, member.path, "zoo member"), encoding="utf-8"
        )
        session = GradingSession(stage, upload, enforce_bans=False, allow=member.requires)
        try:
            speed = SpeedCheck(session, stage.config.grading.timing)
            result = speed.measure(member.function)
            return ZooOutcome(
                member, result, problem=result.wrong and f"wrong result: {result.wrong}"
            )
        except StudentFault as exc:
            return ZooOutcome(member, problem=exc.message.splitlines()[0])
        finally:
            session.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def zoo_members(stage: Stage) -> list[ZooMember]:
    """Every member of the stage's zoo, one per timed key its module names."""
    return [member for path in stage.zoo for member in read_members(path, stage)]


@dataclass(frozen=True)
class Gap:
    """Where a timed function's limit can go, as one calibration run measured it: between
    the slowest member that must pass and the fastest that must fail. The ratios of the two
    families move with the machine (a loop over pixels costs what the interpreter costs, a
    vectorised member what the memory costs), so a limit chosen on one machine kind can sit
    off-centre on another: :attr:`centre` is where it belongs on this one."""

    function: str
    slowest_pass: float
    fastest_fail: float
    limit: float  # the configured one

    @property
    def width(self) -> float:
        """How many times apart the two families are (a limit 3× from both needs 9)."""
        return self.fastest_fail / self.slowest_pass

    @property
    def centre(self) -> float:
        """The limit as far from both families as can be: their geometric middle."""
        return math.sqrt(self.slowest_pass * self.fastest_fail)

    @property
    def best_margin(self) -> float:
        """The margin the centred limit leaves on both sides."""
        return math.sqrt(self.width)


def gaps(outcomes: list[ZooOutcome]) -> list[Gap]:
    """The gap of every timed function whose zoo has members of both verdicts, measured."""
    found = []
    for function in dict.fromkeys(o.member.function for o in outcomes):
        timed = [o for o in outcomes if o.member.function == function and o.result]
        passing = [o.result.ratio for o in timed if o.result and o.member.expected == "pass"]
        failing = [o.result.ratio for o in timed if o.result and o.member.expected == "fail"]
        if passing and failing and timed[0].result:
            found.append(Gap(function, max(passing), min(failing), timed[0].result.limit))
    return found


def calibrate(stage: Stage, progress: Progress | None = None) -> list[ZooOutcome]:
    """Time every zoo member against the reference."""
    outcomes = []
    for member in zoo_members(stage):
        if progress:
            progress(member.name)
        outcomes.append(time_member(stage, member))
    return outcomes


@dataclass(frozen=True)
class StudentOutcome:
    """A zoo member under the students' speed feedback: how many times faster than the
    double loop it ran, against the threshold ``need``."""

    member: ZooMember
    need: float
    speedup: float | None = None
    problem: str | None = None
    skipped: bool = False

    @property
    def verdict(self) -> str:
        if self.skipped:
            return "skipped"
        if self.speedup is None:
            return "error"
        return "pass" if self.speedup >= self.need else "fail"

    @property
    def ok(self) -> bool:
        return self.skipped or self.verdict == self.member.expected

    @property
    def margin(self) -> float | None:
        """How far from the threshold, on the expected side (> 1 is good)."""
        if self.speedup is None:
            return None
        return _margin(self.speedup / self.need, self.member.expected)


# Runs in a fresh interpreter: load the composed member by path, measure it as the template does.
_STUDENT_RUN = """
import importlib.util, json, sys
from autograder.authoring import speedcheck
from autograder.authoring.markers import make_stub
path, stage, key = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("zoo_member", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
check = speedcheck.timed(stage, key)
feedback = speedcheck.measure(getattr(module, check.function), check)
print(json.dumps({"speedup": feedback.speedup, "student": feedback.student_seconds,
                  "yardstick": feedback.yardstick_seconds}))
"""


def student_member(stage: Stage, member: ZooMember, timeout: float = 300.0) -> StudentOutcome:
    """Time one zoo member with the students' speed feedback, in a process of its own."""
    need = speedcheck.timed(stage.id, member.function).need
    missing = _missing(member)
    if missing:
        return StudentOutcome(member, need, problem=f"not installed: {', '.join(missing)}",
                              skipped=True)  # fmt: skip
    env = {**os.environ, **{name: "1" for name in THREAD_ENV}}
    with tempfile.TemporaryDirectory(prefix="cnngrade-zoo-") as work:
        module = Path(work) / stage.config.module_basename
        module.write_text(composed(stage, member.path, "zoo member"), encoding="utf-8")
        command = [sys.executable, "-c", _STUDENT_RUN, str(module), stage.id, member.function]
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=timeout, check=False)  # fmt: skip
        except subprocess.TimeoutExpired:
            return StudentOutcome(member, need, problem=f"took over {timeout:g} s")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return StudentOutcome(member, need, problem=last)
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return StudentOutcome(member, need, speedup=float(measured["speedup"]))


def calibrate_student(stage: Stage, progress: Progress | None = None) -> list[StudentOutcome]:
    """Run the students' speed feedback over every zoo member."""
    outcomes = []
    for member in zoo_members(stage):
        if progress:
            progress(member.name)
        outcomes.append(student_member(stage, member))
    return outcomes


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


PARTS = ("reference", "zoo", "mistakes")


def validate(
    stage: Stage, progress: Progress | None = None, parts: tuple[str, ...] = PARTS
) -> list[Check]:
    """The stage's end-to-end checks; all must be ok before the stage is released.

    ``parts`` chooses among "reference" (reference full marks, every points entry used,
    stub zero), "zoo" (each speed-zoo member its declared verdict) and "mistakes" (each
    mistake loses exactly its declared tests, with its hint).
    """
    checks: list[Check] = []
    if "reference" in parts:
        checks += _reference_checks(stage, progress)
    if "zoo" in parts:
        for outcome in calibrate(stage, progress):
            member = outcome.member
            detail = outcome.problem or (outcome.result.summary() if outcome.result else "")
            checks.append(Check(
                f"zoo {member.name} ({member.function}) should {member.expected}",
                outcome.ok,
                f"{outcome.verdict}: {detail}",
            ))  # fmt: skip
    if "mistakes" in parts:
        for judged in check_mistakes(stage, progress):
            mistake = judged.mistake
            score = f"{judged.score:g}/{judged.max_score:g}"
            detail = "; ".join(judged.problems) or f"{score}, lost {', '.join(judged.lost)}"
            checks.append(Check(
                f"mistake {mistake.name} ({mistake.breaks}) is caught",
                judged.ok,
                detail if judged.ok else f"{score}: {detail}",
            ))  # fmt: skip
    return checks


def steps(stage: Stage, parts: tuple[str, ...] = PARTS) -> int:
    """How many progress steps :func:`validate` reports for these parts."""
    counts = {"reference": 2, "zoo": len(zoo_members(stage)), "mistakes": len(mistake_files(stage))}
    return sum(counts[part] for part in parts)


def _reference_checks(stage: Stage, progress: Progress | None) -> list[Check]:
    checks: list[Check] = []
    if progress:
        progress("reference")
    reference = grade(stage, stage.reference)
    failing = [t.name for t in reference.tests if not t.passed and t.max_score > 0]
    checks.append(Check(
        "reference scores full marks",
        reference.score == reference.max_score > 0 and not failing,
        f"{reference.score:g}/{reference.max_score:g}"
        + (f"; failing: {'; '.join(failing[:5])}" if failing else ""),
    ))  # fmt: skip
    listed = stage_points(stage)
    checks.append(Check(
        "cnngrade list shows the points the results total",
        listed == reference.max_score,
        f"list {listed:g}, results {reference.max_score:g}",
    ))  # fmt: skip
    used = {function_of(t) for t in reference.tests if t.nodeid}
    unknown = sorted(set(stage.config.grading.points) - used)
    checks.append(Check(
        "every [grading.points] entry names a test",
        not unknown,
        "unknown: " + ", ".join(unknown) if unknown else f"{len(used)} test functions",
    ))  # fmt: skip
    if progress:
        progress("stub")
    with tempfile.TemporaryDirectory(prefix="cnngrade-stub-") as folder:
        stub = Path(folder) / stage.config.module_basename
        stub.write_text(make_stub(stage.reference.read_text("utf-8"), stage.reference).text)
        graded = grade(stage, stub)
    checks.append(Check(
        "the stub (from the reference's markers) scores zero",
        graded.score == 0,
        f"{graded.score:g}/{graded.max_score:g}",
    ))  # fmt: skip
    return checks
