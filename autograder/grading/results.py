"""Grading results as frozen value objects, and the one serializer for Gradescope's schema.

Nothing else in the framework knows the key names of ``results.json``. :meth:`GradingResults.
grader_failure` builds the results for "the grader itself failed": a safe message for the
student and a hidden test with the traceback for staff.

Outputs are feedback text in memory (:mod:`autograder.grading.feedback`) and Markdown in
``results.json`` (Gradescope's ``"md"`` format: code blocks for arrays and maps, prose
escaped); reading a file back turns them into the text again, so only Gradescope sees
Markdown. The limits below count the Markdown.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from autograder.grading.markdown import clip_markdown, from_markdown, to_markdown

GRADESCOPE_OUTPUT_LIMIT = 100_000  # Gradescope truncates longer outputs
OUTPUT_BUDGET = 90_000  # all outputs together stay below it, with room for the JSON
TOP_OUTPUT_LIMIT = 20_000
TEST_OUTPUT_LIMIT = 8_000
#: how Gradescope renders the outputs (and, on reading a file back, how they were written)
OUTPUT_FORMAT = "md"


class Visibility(str, Enum):
    VISIBLE = "visible"
    HIDDEN = "hidden"
    AFTER_DUE_DATE = "after_due_date"
    AFTER_PUBLISHED = "after_published"

    @classmethod
    def parse(cls, value: object, default: Visibility) -> Visibility:
        try:
            return cls(str(value))
        except ValueError:
            return default


#: the name Gradescope shows staff for the diagnostics entry
STAFF_NAME = "Grader diagnostics (staff only)"


@dataclass(frozen=True)
class TestResult:
    name: str
    score: float
    max_score: float
    passed: bool
    output: str = ""
    visibility: Visibility = Visibility.VISIBLE
    number: str | None = None
    tags: tuple[str, ...] = ()
    #: the pytest node id, in memory only (mistakes and calibration match tests by it); not
    #: written to results.json, so what reads results back keys tests by ``name``
    nodeid: str = ""
    #: the grader's diagnostics for staff, hidden from students and left out of tables and
    #: summaries (kept through results.json as the test's ``extra_data``)
    staff: bool = False

    __test__ = False  # not a pytest test class

    @classmethod
    def staff_report(cls, details: str) -> TestResult:
        """The one staff-only entry of a grading's results."""
        return cls(STAFF_NAME, 0.0, 0.0, True, details, visibility=Visibility.HIDDEN,
                   staff=True)  # fmt: skip


@dataclass(frozen=True)
class GradingEvents:
    """What went wrong in a grading, beyond the tests' scores (for class reports; kept in
    ``results.json`` as ``extra_data["events"]``, which Gradescope does not show students).

    A clean grading has none, and its results carry no ``events`` key."""

    #: the upload could not be loaded (no module found, a syntax error, an import that failed)
    not_loadable: bool = False
    #: calls of the student's code that crashed its worker
    crashes: int = 0
    #: calls of the student's code stopped at their time limit
    timeouts: int = 0
    #: the grader itself failed (the results are :meth:`GradingResults.grader_failure`'s)
    grader_failed: bool = False
    #: how a batch's ``cnngrade grade`` process ended when it wrote no readable results
    #: (``"timed out"``, ``"crashed"``, ``"no results"``; "" when it ended well)
    batch: str = ""

    def __bool__(self) -> bool:
        return self != GradingEvents()

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def of(cls, results: GradingResults) -> GradingEvents:
        """The events of ``results`` (none where it records none, or nothing readable)."""
        doc = results.extra_data.get("events")
        if not isinstance(doc, dict):
            return cls()
        return cls(
            not_loadable=doc.get("not_loadable") is True,
            crashes=_count(doc.get("crashes")),
            timeouts=_count(doc.get("timeouts")),
            grader_failed=doc.get("grader_failed") is True,
            batch=str(doc.get("batch") or ""),
        )


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


@dataclass(frozen=True)
class LeaderboardEntry:
    name: str
    value: float | str
    order: str = "desc"


@dataclass(frozen=True)
class GradingResults:
    tests: tuple[TestResult, ...]
    output: str = ""
    execution_time: float = 0.0
    visibility: Visibility = Visibility.VISIBLE
    stdout_visibility: Visibility = Visibility.HIDDEN
    leaderboard: tuple[LeaderboardEntry, ...] = ()
    extra_data: dict[str, Any] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return round(sum(t.score for t in self.tests), 4)

    @property
    def max_score(self) -> float:
        return round(sum(t.max_score for t in self.tests if t.max_score > 0), 4)

    def with_time(self, seconds: float) -> GradingResults:
        return replace(self, execution_time=seconds)

    def with_events(self, events: GradingEvents) -> GradingResults:
        """These results with ``events`` recorded (replacing any recorded before)."""
        extra = {k: v for k, v in self.extra_data.items() if k != "events"}
        return replace(self, extra_data={**extra, "events": events.to_dict()} if events else extra)

    @classmethod
    def grader_failure(
        cls,
        student_message: str,
        staff_details: str,
        tests: Iterable[TestResult] = (),
        execution_time: float = 0.0,
    ) -> GradingResults:
        """Results for a grading run that could not complete.

        ``tests`` are the tests as far as they got: those that ran keep their scores, those
        that did not score 0, so a crash neither takes away what was earned nor shrinks the
        denominator.
        """
        failed = tuple(t if t.output or t.passed else replace(t, output=student_message)
                       for t in tests)  # fmt: skip
        return cls(
            tests=(*failed, TestResult.staff_report(staff_details)),
            output=student_message,
            execution_time=execution_time,
        ).with_events(GradingEvents(grader_failed=True))

    # -- the serializer ---------------------------------------------------------------------

    def to_gradescope_dict(self) -> dict[str, Any]:
        top = clip_markdown(to_markdown(self.output), TOP_OUTPUT_LIMIT)
        outputs = [to_markdown(t.output) for t in self.tests]
        per_test = _per_test_limit(outputs, OUTPUT_BUDGET - len(top))
        doc: dict[str, Any] = {
            "score": _number(self.score),
            "execution_time": _number(round(self.execution_time, 3)),
            "output": top,
            "output_format": OUTPUT_FORMAT,
            "test_output_format": OUTPUT_FORMAT,
            "visibility": self.visibility.value,
            "stdout_visibility": self.stdout_visibility.value,
            "tests": [_test_dict(t, o, per_test) for t, o in zip(self.tests, outputs, strict=True)],
        }
        if self.leaderboard:
            doc["leaderboard"] = [
                {"name": e.name, "value": e.value, "order": e.order} for e in self.leaderboard
            ]
        if self.extra_data:
            doc["extra_data"] = self.extra_data
        return doc

    @classmethod
    def from_gradescope_dict(cls, doc: dict[str, Any]) -> GradingResults:
        """Read a results document back (for summaries and batch tables), outputs as text."""
        doc = as_text(doc)
        tests = tuple(
            TestResult(
                name=str(t.get("name", "")),
                score=float(t.get("score", 0.0)),
                max_score=float(t.get("max_score", 0.0)),
                passed=t.get("status", "failed") == "passed",
                output=str(t.get("output", "")),
                visibility=Visibility.parse(t.get("visibility"), Visibility.VISIBLE),
                number=t.get("number"),
                tags=tuple(t.get("tags", ())),
                staff=bool((t.get("extra_data") or {}).get("staff", False)),
            )
            for t in doc.get("tests", [])
        )
        board = tuple(
            LeaderboardEntry(str(e["name"]), e["value"], str(e.get("order", "desc")))
            for e in doc.get("leaderboard", [])
        )
        return cls(
            tests=tests,
            output=str(doc.get("output", "")),
            execution_time=float(doc.get("execution_time", 0.0)),
            visibility=Visibility.parse(doc.get("visibility"), Visibility.VISIBLE),
            stdout_visibility=Visibility.parse(doc.get("stdout_visibility"), Visibility.HIDDEN),
            leaderboard=board,
            extra_data=dict(doc.get("extra_data", {})),
        )


def _per_test_limit(outputs: list[str], budget: int) -> int:
    """The largest per-test cap that keeps all test outputs within ``budget`` characters.

    Short outputs are never cut; the long ones share what is left equally.
    """
    lengths = sorted(min(len(o), TEST_OUTPUT_LIMIT) for o in outputs)
    remaining, count = max(budget, 0), len(lengths)
    for index, length in enumerate(lengths):
        share = remaining // max(count - index, 1)
        if length > share:
            return max(share - 60, 200)  # room for the "not shown" note
        remaining -= length
    return TEST_OUTPUT_LIMIT


def _test_dict(test: TestResult, output: str, limit: int) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": test.name,
        "score": _number(test.score),
        "max_score": _number(test.max_score),
        "status": "passed" if test.passed else "failed",
        "output": clip_markdown(output, limit),
        "visibility": test.visibility.value,
        "tags": list(test.tags),
    }
    if test.number:
        doc["number"] = str(test.number)
    if test.staff:
        doc["extra_data"] = {"staff": True}
    return doc


def _number(value: float) -> float:
    """JSON has no NaN or infinity; Gradescope rejects them. Fail loudly in our own code."""
    if not math.isfinite(value):
        raise ValueError(f"non-finite score {value!r}")
    return round(float(value), 6)


def as_text(doc: dict[str, Any]) -> dict[str, Any]:
    """A results document with its outputs as feedback text, as a student reads them: the
    Markdown turned back into text (the formats then say ``"text"``)."""
    default = doc.get("test_output_format", "text")
    tests = []
    for test in doc.get("tests", []):
        shown = dict(test, output=_text(test, test.get("output_format", default)))
        if "output_format" in shown:
            shown["output_format"] = "text"
        tests.append(shown)
    out = dict(doc, output=_text(doc, doc.get("output_format", "text")), tests=tests)
    for key in ("output_format", "test_output_format"):
        if key in out:
            out[key] = "text"
    return out


def _text(item: dict[str, Any], output_format: object) -> str:
    output = str(item.get("output", ""))
    return from_markdown(output) if output_format == "md" else output


def write_results(results: GradingResults, path: Path | str) -> Path:
    """Write ``results.json`` atomically: a reader sees the old file or the new, never half."""
    text = json.dumps(results.to_gradescope_dict(), indent=2, allow_nan=False)
    return _write_atomically(text + "\n", Path(path))


def store_results_json(text: str, path: Path | str) -> GradingResults:
    """Check that ``text`` is a results document another process wrote (a batch's ``cnngrade
    grade``, on this machine or a cluster's) and write it to ``path`` as it is, atomically.

    Raises ``ValueError`` (and writes nothing) when it is not one."""
    results = results_from_json(text)
    _write_atomically(text, Path(path))
    return results


def _write_atomically(text: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".results-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_results(path: Path | str) -> GradingResults:
    return results_from_json(Path(path).read_text(encoding="utf-8"))


def results_from_json(text: str) -> GradingResults:
    """Read a results document; ``ValueError`` for anything that is not one (not JSON, NaN
    or infinite numbers, which Gradescope rejects, or the wrong structure)."""
    doc = json.loads(text, parse_constant=_no_constant)
    if not isinstance(doc, dict):
        raise ValueError(f"a results document is a JSON object, not {type(doc).__name__}")
    try:
        return GradingResults.from_gradescope_dict(doc)
    except (TypeError, AttributeError, KeyError) as exc:
        raise ValueError(f"not a results document ({type(exc).__name__}: {exc})") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a score (results hold finite numbers only)")
