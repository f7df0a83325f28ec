"""``cnngrade batch --report``: one self-contained HTML page about a class's gradings.

Built from the per-submission results alone (what :func:`~autograder.grading.results.
read_results` reads back), so it can be drawn again from a results folder without grading
anything: the scores' histogram; every test's pass rate with its share of the points (the
item analysis: which test the class fails); for the tests failed most, the messages and
hints students got, grouped once numbers are normalised away; the speed tests' ratios
against their limits; and the submissions that did not load, crashed or timed out.

The page has no script and fetches nothing (the figures are inline SVG, the styles inline;
a Content-Security-Policy says so to the browser too), and every string a student
controls (names, ids, messages) is escaped. Same results, same bytes.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import import_extra
from autograder.grading.batch import BatchReport
from autograder.grading.results import GradingEvents, GradingResults, read_results

FAILED_TESTS_SHOWN = 6  # tests in "common failures"
GROUPS_SHOWN = 5  # message groups per test
EXAMPLE_CHARACTERS = 1200


def require_matplotlib() -> None:
    """:class:`~autograder.errors.MissingExtra` where the figures cannot be drawn."""
    import_extra("matplotlib", "report", "the class report's figures")


@dataclass(frozen=True)
class Submission:
    id: str
    results: GradingResults
    names: tuple[str, ...] = ()


def submissions_of(report: BatchReport) -> list[Submission]:
    """A batch's gradings, as it holds them (read back from each results file)."""
    return [Submission(o.entry.id, o.results, o.entry.names) for o in report.outcomes]


def load_submissions(folder: Path) -> list[Submission]:
    """The results files of a batch's results folder (``<id>.json`` each), by id."""
    return [Submission(path.stem, read_results(path)) for path in sorted(folder.glob("*.json"))]


# -- what the report says ---------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One test across the class."""

    name: str
    max_score: float
    graded: int  # submissions whose results have this test
    passed: int
    points_lost: float  # in all, over the class

    @property
    def pass_rate(self) -> float:
        return self.passed / self.graded if self.graded else 0.0


@dataclass(frozen=True)
class MessageGroup:
    count: int  # submissions told this (in any case of the test)
    example: str  # the first message of the group, as a student got it


@dataclass(frozen=True)
class Failures:
    """A test (all the cases of a parametrised one) and what those who failed it were told."""

    test: str
    failed: int  # submissions failing at least one case
    cases: int
    groups: tuple[MessageGroup, ...]
    other: int  # groups not shown


@dataclass(frozen=True)
class Speed:
    function: str
    limit: float
    ratios: tuple[float, ...]

    @property
    def within(self) -> int:
        return sum(r <= self.limit for r in self.ratios)


@dataclass(frozen=True)
class Problem:
    id: str
    names: tuple[str, ...]
    what: tuple[str, ...]  # "did not load", "crashed", "timed out", ...
    detail: str


@dataclass(frozen=True)
class ClassSummary:
    title: str
    scores: tuple[float, ...]
    max_score: float
    items: tuple[Item, ...]  # hardest first
    failures: tuple[Failures, ...]
    speeds: tuple[Speed, ...]
    problems: tuple[Problem, ...]


def summarise(submissions: Sequence[Submission], title: str) -> ClassSummary:
    items = _items(submissions)
    lost: dict[str, float] = {}
    for item in items:
        lost[family(item.name)] = lost.get(family(item.name), 0.0) + item.points_lost
    failures = [_failures(test, submissions) for test in lost]
    failures = [f for f in failures if f.failed]
    failures.sort(key=lambda f: (-f.failed, -lost[f.test], f.test))
    return ClassSummary(
        title=title,
        scores=tuple(s.results.score for s in submissions),
        max_score=round(sum(i.max_score for i in items), 4),
        items=tuple(items),
        failures=tuple(failures[:FAILED_TESTS_SHOWN]),
        speeds=_speeds(submissions),
        problems=tuple(p for p in map(_problem, submissions) if p is not None),
    )


def _graded(results: GradingResults) -> Iterable[tuple[str, float, float, bool, str]]:
    for test in results.tests:
        if not test.staff:
            yield test.name, test.score, test.max_score, test.passed, test.output


def _items(submissions: Sequence[Submission]) -> list[Item]:
    seen: dict[str, list[tuple[float, float, bool]]] = {}
    for submission in submissions:
        for name, score, max_score, passed, _ in _graded(submission.results):
            seen.setdefault(name, []).append((score, max_score, passed))
    items = [
        Item(name, max(m for _, m, _ in rows), len(rows), sum(p for *_, p in rows),
             round(sum(max(m - s, 0.0) for s, m, _ in rows), 4))
        for name, rows in seen.items()
    ]  # fmt: skip
    items.sort(key=lambda i: (i.pass_rate, -i.max_score, i.name))
    return items


def family(name: str) -> str:
    """The test a parametrised case (``name [case]``) belongs to; a plain test's own name."""
    base = name.rpartition(" [")[0] if name.endswith("]") else ""
    return base or name


def families(items: Sequence[Item]) -> list[tuple[str, float]]:
    """(label, pass rate) per test, a parametrised test's cases counted together, hardest
    first: the figure's bars (the table keeps every case)."""
    counts: dict[str, list[int]] = {}
    for item in items:
        row = counts.setdefault(family(item.name), [0, 0, 0])
        row[0], row[1], row[2] = row[0] + item.passed, row[1] + item.graded, row[2] + 1
    rates = [(f"{base} ({cases} cases)" if cases > 1 else base, passed / graded if graded else 0.0)
             for base, (passed, graded, cases) in counts.items()]  # fmt: skip
    return sorted(rates, key=lambda pair: (pair[1], pair[0]))


_CODE = re.compile(r"```.*?```", re.DOTALL)
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_RUN = re.compile(r"#(?:[\s,;×x]+#)+")
_PUNCTUATION = re.compile(r"\s*([\[\](){},;])\s*")  # NumPy pads arrays with spaces


def normalise(message: str) -> str:
    """What alike messages share: code blocks, numbers (and runs of them) and spacing
    made the same, so that one mistake's messages on different inputs group together."""
    text = _CODE.sub("[code]", message)
    text = _RUN.sub("#…", _PUNCTUATION.sub(r"\1", _NUMBER.sub("#", text)))
    return " ".join(text.split())


def _failures(test: str, submissions: Sequence[Submission]) -> Failures:
    """What the submissions failing ``test`` (any of its cases) were told, alike messages
    together, each group counted in submissions (one mistake fails many cases)."""
    examples: dict[str, str] = {}
    told: dict[str, set[int]] = {}
    cases: set[str] = set()
    failed: set[int] = set()
    for index, submission in enumerate(submissions):
        for name, _, _, passed, output in _graded(submission.results):
            if family(name) != test:
                continue
            cases.add(name)
            if not passed:
                key = normalise(output) or "(no message)"
                examples.setdefault(key, output.strip() or "(no message)")
                told.setdefault(key, set()).add(index)
                failed.add(index)
    ranked = sorted(told, key=lambda k: (-len(told[k]), k))
    groups = tuple(MessageGroup(len(told[k]), _clip(examples[k])) for k in ranked[:GROUPS_SHOWN])
    return Failures(test, len(failed), len(cases), groups, len(ranked) - len(groups))


def _clip(text: str) -> str:
    if len(text) <= EXAMPLE_CHARACTERS:
        return text
    return text[:EXAMPLE_CHARACTERS] + f"… [{len(text) - EXAMPLE_CHARACTERS} more characters]"


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value and abs(value) != float("inf") else None


def _speeds(submissions: Sequence[Submission]) -> tuple[Speed, ...]:
    """The speed tests' measurements (``extra_data["timing"]``: function, ratio, limit)."""
    found: dict[str, tuple[float, list[float]]] = {}
    for submission in submissions:
        timing = submission.results.extra_data.get("timing")
        for row in timing if isinstance(timing, list) else []:
            if not isinstance(row, dict) or not isinstance(row.get("function"), str):
                continue
            ratio, limit = _number(row.get("ratio")), _number(row.get("limit"))
            if ratio is not None and limit is not None and limit > 0:
                found.setdefault(row["function"], (limit, []))[1].append(ratio)
    return tuple(Speed(name, limit, tuple(ratios))
                 for name, (limit, ratios) in sorted(found.items()))  # fmt: skip


def _problem(submission: Submission) -> Problem | None:
    events = GradingEvents.of(submission.results)
    what = []
    if events.not_loadable:
        what.append("did not load")
    if events.crashes:
        what.append(f"crashed ({events.crashes} call{'s' * (events.crashes > 1)})")
    if events.timeouts:
        what.append(f"timed out ({events.timeouts} call{'s' * (events.timeouts > 1)})")
    if events.batch:
        what.append(f"grading process: {events.batch}")
    elif events.grader_failed:
        what.append("grader failed")
    if not what:
        return None
    tests = submission.results.tests
    if events.batch or events.grader_failed:  # the student's message says nothing: staff's
        texts = [t.output for t in tests if t.staff]
    elif events.not_loadable:
        texts = [submission.results.output]
    else:
        texts = []
    # else, or where that says nothing: what the first failed test said (a crash, a timeout)
    texts += [t.output for t in tests if not t.staff and not t.passed]
    detail = next((t.strip().split("\n\n")[0] for t in texts if t.strip()), "")
    return Problem(submission.id, submission.names, tuple(what), _clip(detail))


# -- the page ---------------------------------------------------------------------------------


def write_report(path: Path, submissions: Sequence[Submission], title: str) -> Path:
    from autograder.grading.classpage import render

    require_matplotlib()
    page = render(summarise(submissions, title))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0
