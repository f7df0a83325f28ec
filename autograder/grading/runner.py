"""Grade one submission: run the stage's tests under pytest with the grading plugin.

:func:`grade` always returns results, whatever the submission does; :func:`grade_to_file`
always writes them. Student code never runs in this process.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from autograder.course.config import AssignmentConfig, GradingSpec, Limits
from autograder.course.stages import Stage
from autograder.grading.banned import Use, module_file, reaching, scan_module
from autograder.grading.plugin import GradingPlugin, StudentOnlyTests, item_points
from autograder.grading.results import (
    GradingEvents,
    GradingResults,
    LeaderboardEntry,
    TestResult,
    write_results,
)
from autograder.grading.session import GradingSession
from autograder.sandbox.faults import SubmissionNotLoadable

GRADER_FAILED = (
    "The autograder failed while grading your submission. This is not your fault; your "
    "instructor can see the details. Please resubmit later or contact your instructor."
)
NOT_RUN_GRADER_FAILED = (
    "This test did not run: the autograder failed before it (not your fault; the tests "
    "that ran keep their points)."
)
# Environment variables that would let anything outside the kit change how pytest runs.
_PYTEST_ENV = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD")


@dataclass(frozen=True)
class GradingOptions:
    """How to grade; defaults come from the stage config."""

    include_hidden: bool = True
    limits: Limits | None = None
    verbose: bool = False
    #: seconds from the start after which remaining tests are reported as not run
    time_budget: float | None = None


def grade(stage: Stage, upload: Path, options: GradingOptions | None = None) -> GradingResults:
    options = options or GradingOptions()
    started = time.monotonic()
    plugin: GradingPlugin | None = None
    try:
        deadline = started + options.time_budget if options.time_budget else None
        session = GradingSession(stage, Path(upload), limits=options.limits, deadline=deadline)
        try:
            plugin = GradingPlugin(session, stage.public_tests)
            exit_code = _run_pytest(stage, plugin, options)
            results = _assemble(session, plugin, exit_code)
        finally:
            session.close()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        known = plugin.test_results(NOT_RUN_GRADER_FAILED) if plugin is not None else []
        if plugin is not None and stage.config.banned:
            known.append(_banned_result(stage.config, None))
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        results = GradingResults.grader_failure(GRADER_FAILED, details, known)
    return results.with_time(time.monotonic() - started)


def grade_to_file(
    stage: Stage, upload: Path, output: Path, options: GradingOptions | None = None
) -> GradingResults:
    """Grade and write ``results.json``; if even grading cannot run, write a failure file."""
    try:
        results = grade(stage, upload, options)
    except BaseException as exc:
        write_results(GradingResults.grader_failure(GRADER_FAILED, repr(exc)), output)
        raise
    write_results(results, output)
    return results


def stage_points(stage: Stage, include_hidden: bool = True) -> float:
    """The stage's total points as grading counts them: its tests collected (never run)
    and scored by the same rule as a grading, plus the banned-API check."""
    counter = _PointsCounter(stage.config.grading)
    exit_code = _run_pytest(stage, counter, GradingOptions(include_hidden), ["--collect-only"])
    if exit_code != 0 or not counter.points:
        raise RuntimeError(f"cannot collect {stage.id}'s tests (pytest exit code {exit_code})")
    banned = stage.config.grading.points.get(BANNED_TEST, 0.0) if stage.config.banned else 0.0
    return round(sum(counter.points.values()) + banned, 4)


class _PointsCounter:
    def __init__(self, grading: GradingSpec) -> None:
        self.grading = grading
        self.points: dict[str, float] = {}

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.points = item_points(items, self.grading)


def _run_pytest(
    stage: Stage, plugin: object, options: GradingOptions, extra: Sequence[str] = ()
) -> int:
    paths = [str(stage.public_tests)]
    if options.include_hidden and stage.hidden_tests.is_dir():
        paths.append(str(stage.hidden_tests))
    args = [
        *extra,
        *paths,
        "-c", os.devnull,  # ignore any pytest config around the kit
        "--rootdir", str(stage.directory),
        "--import-mode=importlib",
        "--assert=plain",  # messages come from the checking helpers, not test source
        "-p", "no:cacheprovider",
        "-p", "no:randomly",
        *(["-q", "--tb=short"] if options.verbose else ["-p", "no:terminal"]),
        "--capture=fd",
    ]  # fmt: skip
    saved = {name: os.environ.pop(name) for name in _PYTEST_ENV if name in os.environ}
    try:
        return int(pytest.main(args, plugins=[StudentOnlyTests(), plugin]))
    finally:
        os.environ.update(saved)


def _assemble(session: GradingSession, plugin: GradingPlugin, exit_code: int) -> GradingResults:
    tests = _banned_calls_cost(session, plugin, plugin.test_results())
    messages = []
    if session.fatal is not None:
        messages.append(session.fatal.message)
    if session.located is not None:
        messages += list(session.located.notes)
    if not tests:
        raise RuntimeError(f"no tests were collected (pytest exit code {exit_code})")
    tests += _banned_api_check(session)
    staff = plugin.staff_report()
    user = session.user.name if session.user else "(same user as the grader)"
    staff = f"sandbox user: {user}\npytest exit code: {exit_code}\n" + staff
    if session.access.exposed:
        staff += (
            f"\nWARNING: the sandbox user can read {len(session.access.exposed)} secret file(s)"
        )
    if session.access.unreachable:
        staff += "\nshown to the sandbox user through a private mount namespace: " + ", ".join(
            session.access.unreachable
        )
    tests.append(TestResult.staff_report(staff))
    timing = plugin.timing_data()
    results = GradingResults(
        tests=tuple(tests),
        output="\n\n".join(messages),
        leaderboard=tuple(plugin.leaderboard() + _configured_leaderboard(session, plugin)),
        extra_data={"timing": timing} if timing else {},
    )
    summary = f"Score: {results.score:g} / {results.max_score:g}"
    events = GradingEvents(
        not_loadable=isinstance(session.fatal, SubmissionNotLoadable),
        crashes=session.events.crashed,
        timeouts=sum(session.events.timeouts.values()),
    )
    return replace(results, output="\n\n".join([*messages, summary])).with_events(events)


BANNED_TEST = "no_banned_apis"


def _banned_api_check(session: GradingSession) -> list[TestResult]:
    """One test: the student's source uses none of the stage's banned library calls."""
    config = session.config
    if not config.banned or session.located is None:
        return []
    located = session.located
    return [_banned_result(config, scan_module(located.root, located.module, config.banned))]


def _banned_calls_cost(session: GradingSession, plugin: GradingPlugin,
                       tests: list[TestResult]) -> list[TestResult]:  # fmt: skip
    """A test that called a function reaching a banned call (in its body or through the
    module's helpers) earns nothing: the library did that test's work, not the student."""
    located = session.located
    if not session.config.banned or located is None or session.fatal is not None:
        return tests
    path = module_file(located.root, located.module)
    if path is None:
        return tests
    try:
        source = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return tests
    reach = reaching(source, path.relative_to(located.root).as_posix(), session.config.banned)
    out = []
    for test in tests:
        hits = [(f, reach[f]) for f in sorted(plugin.called(test.nodeid)) if f in reach]
        if not hits or test.max_score == 0:
            out.append(test)
            continue
        named = "; ".join(f"{f} uses {uses[0].describe()}" for f, uses in hits)
        output = (f"No points: {named}, which this assignment bans (write the operation "
                  "yourself)." + (f"\n\n{test.output}" if test.output else ""))  # fmt: skip
        out.append(replace(test, score=0.0, passed=False, output=output))
    return out


def _banned_result(config: AssignmentConfig, uses: list[Use] | None) -> TestResult:
    """The banned-API test's result; ``uses`` is None when the scan could not run."""
    points = config.grading.points.get(BANNED_TEST, 0.0)
    name = (
        "Uses no banned library calls ("
        + ", ".join(config.banned[:4])
        + (", …)" if len(config.banned) > 4 else ")")
    )
    if uses is None:
        return TestResult(name, 0.0, points, False, NOT_RUN_GRADER_FAILED, nodeid=BANNED_TEST)
    output = ""
    if uses:
        output = (
            "This assignment asks you to write the operation yourself, so these library "
            "calls are not allowed (they also fail when called during grading):\n"
            + "\n".join(f"  {u.describe()}" for u in uses[:20])
        )
    return TestResult(name, 0.0 if uses else points, points, not uses, output,
                      nodeid=BANNED_TEST)  # fmt: skip


def _configured_leaderboard(
    session: GradingSession, plugin: GradingPlugin
) -> list[LeaderboardEntry]:
    """The stage's opt-in leaderboard column, when its metric was measured."""
    spec = session.config.leaderboard
    if spec is None:
        return []
    value = plugin.all_metrics().get(spec.metric)
    if value is None:
        return []
    return [LeaderboardEntry(spec.name, round(value, 4), spec.order)]


def public_only(results: GradingResults) -> GradingResults:
    """Drop the staff-only entries (for students' local checks)."""
    return replace(results, tests=tuple(t for t in results.tests if not t.staff))
