"""The class report's HTML (:mod:`.classreport` says what is in it; :mod:`.classplots`
draws its figures). Everything not written here is escaped on the way in: ids, names and
messages are the students'."""

from __future__ import annotations

from html import escape

from autograder.grading import classplots
from autograder.grading.classreport import (
    ClassSummary,
    Failures,
    Item,
    Problem,
    Speed,
    families,
    median,
)

#: no script runs and nothing is fetched, whatever a message slipped past the escaping
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.5rem; margin: 0.2rem 0;
      font-size: 0.8rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
.count { font-weight: bold; }
"""


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def _summary(summary: ClassSummary) -> str:
    scores, top = summary.scores, summary.max_score
    if not scores:
        return "<p>No submissions.</p>"
    full = sum(s >= top for s in scores)
    zero = sum(s <= 0 for s in scores)
    return (
        f"<p>{len(scores)} submissions, {_n(top)} points. Mean {_n(sum(scores) / len(scores))}, "
        f"median {_n(median(scores))}, lowest {_n(min(scores))}, highest {_n(max(scores))}; "
        f"{full} with full marks, {zero} with none.</p>"
    )


def _scores(summary: ClassSummary) -> str:
    svg = classplots.score_histogram(summary.scores, summary.max_score)
    return "<h2>Scores</h2>" + _figure(svg, "Submissions per score band.")


def _item_row(item: Item, total: float) -> str:
    return (
        f"<tr><td>{escape(item.name)}</td><td class=n>{_percent(item.passed, item.graded)}</td>"
        f"<td class=n>{item.passed} / {item.graded}</td><td class=n>{_n(item.max_score)}</td>"
        f"<td class=n>{_percent(item.max_score, total)}</td>"
        f"<td class=n>{_n(item.points_lost / item.graded if item.graded else 0)}</td></tr>"
    )


def _items(summary: ClassSummary) -> str:
    bars = [classplots.Bar(label, rate) for label, rate in families(summary.items)]
    rows = "".join(_item_row(i, summary.max_score) for i in summary.items)
    return (
        "<h2>Item analysis</h2><p>Every test, the one the class fails most first.</p>"
        + _figure(
            classplots.pass_rates(bars),
            "Share of submissions passing each test (a "
            "parametrised test's cases together; the table has each case).",
        )
        + "<table><tr><th>test</th><th>passed</th><th>submissions</th><th>points</th>"
        "<th>share of the points</th><th>points lost per submission</th></tr>"
        f"{rows}</table>"
    )


def _failure(failures: Failures) -> str:
    groups = "".join(
        f"<li><span class=count>{g.count}×</span><pre>{escape(g.example)}</pre></li>"
        for g in failures.groups
    )
    other = f"<p>… and {failures.other} other kinds of message.</p>" if failures.other else ""
    cases = f" (of its {failures.cases} cases)" if failures.cases > 1 else ""
    return (
        f"<h3>{escape(failures.test)}</h3><p>failed{cases} by {failures.failed} submissions; "
        f"what they were told (alike messages grouped, counted in submissions):</p>"
        f"<ul>{groups}</ul>{other}"
    )


def _failures(summary: ClassSummary) -> str:
    if not summary.failures:
        return "<h2>Common failures</h2><p>Every submission passed every test.</p>"
    return "<h2>Common failures</h2>" + "".join(_failure(f) for f in summary.failures)


def _speed_row(speed: Speed) -> str:
    ratios = speed.ratios
    return (
        f"<tr><td>{escape(speed.function)}</td><td class=n>{_n(speed.limit)}×</td>"
        f"<td class=n>{len(ratios)}</td><td class=n>{speed.within} "
        f"({_percent(speed.within, len(ratios))})</td>"
        f"<td class=n>{_n(median(ratios))}×</td><td class=n>{_n(min(ratios))}× – "
        f"{_n(max(ratios))}×</td></tr>"
    )


def _speeds(summary: ClassSummary) -> str:
    if not summary.speeds:
        return "<h2>Speed</h2><p>No speed test was measured.</p>"
    groups = [classplots.Ratios(s.function, s.ratios, s.limit) for s in summary.speeds]
    rows = "".join(_speed_row(s) for s in summary.speeds)
    return (
        "<h2>Speed</h2><p>The speed tests' CPU time against the reference's, and the limit.</p>"
        + _figure(classplots.speed_ratios(groups), "Measured ratios, log scale.")
        + "<table><tr><th>function</th><th>limit</th><th>measured</th><th>within</th>"
        f"<th>median</th><th>range</th></tr>{rows}</table>"
    )


def _problem_row(problem: Problem) -> str:
    return (
        f"<tr><td>{escape(problem.id)}</td><td>{escape('; '.join(problem.names))}</td>"
        f"<td>{escape(', '.join(problem.what))}</td><td><pre>{escape(problem.detail)}</pre>"
        "</td></tr>"
    )


def _problems(summary: ClassSummary) -> str:
    title = "<h2>Submissions that did not load, crashed or timed out</h2>"
    if not summary.problems:
        return title + "<p>None.</p>"
    rows = "".join(_problem_row(p) for p in summary.problems)
    return (
        f"{title}<table><tr><th>submission</th><th>names</th><th>what happened</th>"
        f"<th>first message</th></tr>{rows}</table>"
    )


def render(summary: ClassSummary) -> str:
    """The whole page."""
    title = escape(f"Class report: {summary.title}")
    body = "".join(
        part(summary) for part in (_summary, _scores, _items, _failures, _speeds, _problems)
    )
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        f"<title>{title}</title><style>{STYLE}</style></head>"
        f"<body><h1>{title}</h1>{body}</body></html>\n"
    )
