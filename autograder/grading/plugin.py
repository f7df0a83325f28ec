"""The pytest plugin used while grading: fixtures, points, and outcomes → test results.

Test metadata comes from gradescope-utils' decorators (``weight``, ``visibility``,
``number``, ``tags``, ``partial_credit``, ``hide_errors``, ``leaderboard``) and, for points,
from the stage config. Points are fixed at collection, before anything runs, so a crash
never shrinks the denominator.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from autograder.course.config import GradingSpec
from autograder.course.stages import load_module
from autograder.grading.feedback import preformatted
from autograder.grading.guard import OUT_OF_TIME
from autograder.grading.outcomes import explain
from autograder.grading.proxy import SubmissionProxy
from autograder.grading.results import LeaderboardEntry, TestResult, Visibility
from autograder.grading.session import GradingSession
from autograder.grading.timing import SpeedCheck
from autograder.sandbox.faults import OutOfTime, SubmissionNotLoadable


@dataclass
class TestMeta:
    nodeid: str
    name: str
    max_score: float
    visibility: Visibility
    number: str | None
    tags: tuple[str, ...]
    hide_errors: str | None
    leaderboard: tuple[str, str] | None  # (column, order)

    __test__ = False


@dataclass
class Record:
    meta: TestMeta
    passed: bool = False
    score: float | None = None
    output: str = ""
    staff: str | None = None
    leaderboard_value: float | str | None = None
    ran: bool = False
    called: frozenset[str] = frozenset()  # the student functions the test called


@dataclass
class Collected:
    records: dict[str, Record] = field(default_factory=dict)
    staff_notes: list[str] = field(default_factory=list)
    collection_errors: list[str] = field(default_factory=list)


def _attr(item: pytest.Item, name: str) -> Any:
    obj = getattr(item, "obj", None)
    return getattr(obj, name, None)


def _test_name(item: pytest.Item) -> str:
    obj = getattr(item, "obj", None)
    doc = (getattr(obj, "__doc__", None) or "").strip().splitlines()
    base = doc[0].strip() if doc else getattr(item, "originalname", item.name)
    callspec = getattr(item, "callspec", None)
    return f"{base} [{callspec.id}]" if callspec is not None else base


def split_points(total: float, parts: int) -> list[float]:
    """Share ``total`` among ``parts`` cases in 4-decimal amounts that add up to it exactly."""
    each = round(total / parts, 4)
    return [each] * (parts - 1) + [round(total - each * (parts - 1), 4)]


def item_points(items: list[pytest.Item], grading: GradingSpec) -> dict[str, float]:
    """Each collected test's points (by node id): a test function's points, from
    gradescope-utils' ``@weight``, else ``[grading.points]``, else the default, shared
    equally among its parametrised cases; a leaderboard column scores none."""
    cases: dict[tuple[str, str], list[pytest.Item]] = {}
    for item in items:
        key = (str(item.path), getattr(item, "originalname", item.name))
        cases.setdefault(key, []).append(item)
    shares: dict[str, float] = {}
    for group in cases.values():
        weight = _attr(group[0], "__weight__")
        base = getattr(group[0], "originalname", group[0].name)
        total = (
            float(weight)
            if weight is not None
            else grading.points.get(base, grading.default_points)
        )
        for item, share in zip(group, split_points(total, len(group)), strict=True):
            leaderboard = _attr(item, "__leaderboard_column__") is not None
            shares[item.nodeid] = 0.0 if leaderboard else share
    return shares


#: the fixture that only the student template provides (``tests/speedcheck.py``): a test
#: that asks for it is local speed feedback, never graded (the hidden speed test counts)
STUDENT_ONLY_FIXTURE = "speedcheck"


class StudentOnlyTests:
    """Deselects the tests meant for students' own machines: those using the template's
    ``speedcheck`` fixture. They are not collected while grading, so they neither run nor
    count, in ``grade``, ``check`` and ``list`` alike (every run goes through the runner)."""

    @pytest.hookimpl(tryfirst=True)  # before any plugin gives the items points
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        keep: list[pytest.Item] = []
        drop: list[pytest.Item] = []
        for item in items:
            student_only = STUDENT_ONLY_FIXTURE in getattr(item, "fixturenames", ())
            (drop if student_only else keep).append(item)
        if drop:
            items[:] = keep
            config.hook.pytest_deselected(items=drop)


class GradingPlugin:
    def __init__(self, session: GradingSession, public_dir: Path) -> None:
        self.session = session
        self.public_dir = public_dir.resolve()
        self.collected = Collected()
        self._proxy = SubmissionProxy(session)
        self._speed = SpeedCheck(session, session.config.grading.timing)
        self._reference: ModuleType | None = None
        self.metrics: dict[str, float] = {}

    # -- fixtures ---------------------------------------------------------------------------

    @pytest.fixture
    def submission(self) -> SubmissionProxy:
        """The student's module, every call run in the sandboxed worker."""
        return self._proxy

    @pytest.fixture
    def tools(self) -> Any:
        """The stage's test helpers (``[grading] tools``), run in the student's worker."""
        return self._proxy.tools

    @pytest.fixture
    def reference(self) -> ModuleType:
        """The reference solution, imported in the trusted process."""
        if self._reference is None:
            stage = self.session.stage
            self._reference = load_module(stage.reference, f"cnngrade_reference_{stage.id}")
        return self._reference

    @pytest.fixture
    def speed(self) -> SpeedCheck:
        return self._speed

    @pytest.fixture
    def assignment(self) -> Any:
        return self.session.config

    @pytest.fixture
    def record(self) -> Any:
        """``record(name, value)``: keep a number for the leaderboard and staff."""

        def record(name: str, value: float) -> None:
            self.metrics[name] = float(value)

        return record

    # -- collection: metadata and points ----------------------------------------------------

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        shares = item_points(items, self.session.config.grading)
        for item in items:
            share = shares[item.nodeid]
            public = self._is_public(item)
            tags = tuple(str(t) for t in (_attr(item, "__tags__") or ()))
            column = _attr(item, "__leaderboard_column__")
            meta = TestMeta(
                nodeid=item.nodeid,
                name=_test_name(item),
                max_score=share,
                visibility=Visibility.parse(_attr(item, "__visibility__"), Visibility.VISIBLE),
                number=_attr(item, "__number__"),
                tags=tags or (("public",) if public else ()),
                hide_errors=_attr(item, "__hide_errors__"),
                leaderboard=(
                    (str(column), str(_attr(item, "__leaderboard_sort_order__") or "desc"))
                    if column is not None
                    else None
                ),
            )
            self.collected.records[item.nodeid] = Record(meta)

    def _is_public(self, item: pytest.Item) -> bool:
        return Path(str(item.path)).resolve().is_relative_to(self.public_dir)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collected.collection_errors.append(f"{report.nodeid}:\n{report.longreprtext}")

    # -- running ----------------------------------------------------------------------------

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self.session.guard.last_description = None
        self.session.guard.called = set()
        left = self.session.guard.time_left()
        if left is not None and left <= 0:
            raise OutOfTime(OUT_OF_TIME)
        fatal = self.session.fatal
        if fatal is not None:  # not gradable: fail fast; the full message is at the top
            first = fatal.message.splitlines()[0] if fatal.message else "see above"
            raise SubmissionNotLoadable(f"Not graded: {first[:300]} (details at the top).")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, Any, None]:
        obj = getattr(item, "obj", None)
        holder = getattr(obj, "__func__", obj)
        for name in ("__score__", "__leaderboard_value__"):
            if holder is not None and hasattr(holder, name):
                delattr(holder, name)
        yield
        record = self.collected.records.get(item.nodeid)
        if record is not None and holder is not None:
            score = getattr(holder, "__score__", None)
            if score is not None:
                record.score = float(score)
            value = getattr(holder, "__leaderboard_value__", None)
            if value is not None:
                record.leaderboard_value = value

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        record = self.collected.records.get(item.nodeid)
        if record is None:
            return
        if call.when == "call" or (call.when == "setup" and report.outcome != "passed"):
            record.ran = True
            record.passed = report.passed
            if report.skipped:
                record.passed = False
                record.output = "Skipped: " + _skip_reason(report)
            elif call.excinfo is not None and not report.passed:
                explained = explain(call.excinfo.value, self.session.guard.last_description)
                record.output = explained.student
                record.staff = explained.staff
        if call.when == "teardown":
            record.called = frozenset(self.session.guard.called)
            printed = self.session.take_output()
            if printed.strip():
                limit = self.session.limits.output_chars
                shown = printed if len(printed) <= limit else printed[:limit] + "\n… [cut]"
                record.output = (record.output + "\n\n" if record.output else "") + (
                    "Your code printed:\n" + preformatted(shown)
                )

    # -- results ----------------------------------------------------------------------------

    def test_results(
        self, not_run: str = "This test did not run (the grading was cut short)."
    ) -> list[TestResult]:
        """Every collected test, scored; ``not_run`` is what those that did not run say."""
        out = []
        for record in self.collected.records.values():
            meta = record.meta
            if record.score is not None:  # partial credit
                score = max(0.0, min(record.score, meta.max_score))
            else:
                score = meta.max_score if record.passed else 0.0
            output = record.output
            if not record.ran:
                output = output or not_run
            elif meta.hide_errors and not record.passed:
                output = str(meta.hide_errors)
            out.append(
                TestResult(
                    name=meta.name,
                    score=round(score, 6),
                    max_score=meta.max_score,
                    passed=record.passed,
                    output=output,
                    visibility=meta.visibility,
                    number=meta.number,
                    tags=meta.tags,
                    nodeid=meta.nodeid,
                )
            )
        return out

    def called(self, nodeid: str) -> frozenset[str]:
        """The student functions the test ``nodeid`` called (fixtures included)."""
        record = self.collected.records.get(nodeid)
        return record.called if record is not None else frozenset()

    def leaderboard(self) -> list[LeaderboardEntry]:
        entries = []
        for record in self.collected.records.values():
            if record.meta.leaderboard and record.leaderboard_value is not None:
                column, order = record.meta.leaderboard
                entries.append(LeaderboardEntry(column, record.leaderboard_value, order))
        return entries

    def all_metrics(self) -> dict[str, float]:
        speeds = {f"speed:{r.function}": r.ratio for r in self._speed.results}
        return {**speeds, **self.metrics}

    def timing_data(self) -> list[dict[str, float | str]]:
        return [
            {
                "function": r.function,
                "student_seconds": r.student_seconds,
                "reference_seconds": r.reference_seconds,
                "ratio": r.ratio,
                "limit": r.limit,
            }
            for r in self._speed.results
        ]

    def staff_report(self) -> str:
        lines = []
        for record in self.collected.records.values():
            if record.staff:
                lines.append(f"--- {record.meta.nodeid}\n{record.staff}")
        lines += self.collected.collection_errors
        lines += self.collected.staff_notes
        for result in self._speed.results:
            lines.append("timing: " + result.summary())
        events = self.session.events
        if events.restarts or events.crashes:
            lines.append(f"worker restarts: {events.restarts}")
            lines += [f"worker failure: {c}" for c in events.crashes]
        lines += [f"sandbox: {note}" for note in events.notes]
        return "\n".join(lines)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)
