"""Readable terminal summaries of grading results (the CLI prints these)."""

from __future__ import annotations

import shutil
import textwrap

from autograder.authoring.calibration import Check, Gap, StudentOutcome, ZooOutcome, gaps
from autograder.grading.feedback import blocks
from autograder.grading.results import GradingResults, TestResult


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def shorten(name: str, width: int) -> str:
    """Fit a test name into ``width``, keeping a parametrisation suffix like ``[3x3]``."""
    if len(name) <= width:
        return name
    base, bracket, case = name.rpartition(" [") if name.endswith("]") else (name, "", "")
    suffix = f" [{case}" if bracket else ""
    room = max(8, width - len(suffix) - 1)
    return base[:room].rstrip() + "…" + suffix[: width - room - 1]


#: the most lines of a failure's message that the table prints under its row
MESSAGE_LINES = 30


def message_lines(message: str, width: int, indent: int = 8) -> list[str]:
    """A failure's message under its row: prose wrapped to ``width``, preformatted lines (an
    array, the map of wrong cells, a traceback) verbatim, since wrapping breaks their
    columns; at most :data:`MESSAGE_LINES`."""
    margin = " " * indent
    out: list[str] = []
    for block in blocks(message):
        for line in block.lines:
            if block.preformatted:
                out.append(margin + line)
            else:
                out += textwrap.wrap(line, width - indent, initial_indent=margin,
                                     subsequent_indent=margin + "  ") or [""]  # fmt: skip
    if len(out) > MESSAGE_LINES:
        out[MESSAGE_LINES - 1 :] = [f"{margin}… ({len(out) - MESSAGE_LINES + 1} more lines)"]
    return out


def _gradable(results: GradingResults, staff: bool) -> list[TestResult]:
    return [
        t for t in results.tests
        if staff or not t.staff
    ]  # fmt: skip


def score_table(results: GradingResults, *, details: bool = False, staff: bool = False) -> str:
    """One row per test: status, points, name; optionally each failure's message below it."""
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    rows = _gradable(results, staff)
    name_width = max(20, width - 20)
    lines = [f"{'':4}{'points':>11}  test", f"{'':4}{'-' * 11}  {'-' * min(name_width, 60)}"]
    for test in rows:
        mark = "ok" if test.passed else "FAIL"
        points = f"{_fmt(test.score)}/{_fmt(test.max_score)}"
        lines.append(f"{mark:4}{points:>11}  {shorten(test.name, name_width)}")
        if details and not test.passed and test.output:
            lines += message_lines(test.output, width)
    lines.append(f"{'':4}{'-' * 11}")
    lines.append(f"{'':4}{_fmt(results.score) + '/' + _fmt(results.max_score):>11}  total "
                 f"({results.execution_time:.1f} s)")  # fmt: skip
    return "\n".join(lines)


def side_by_side(columns: dict[str, GradingResults]) -> str:
    """Several gradings of the same stage, one column each (used by ``cnngrade demo``)."""
    labels = list(columns)
    first = _gradable(columns[labels[0]], staff=False)
    name_width = min(60, max((len(t.name) for t in first), default=10))
    header = f"{'test':<{name_width}}  " + "  ".join(f"{label:>12}" for label in labels)
    lines = [header, "-" * len(header)]
    by_name = {label: {t.name: t for t in columns[label].tests} for label in labels}
    for test in first:
        name = shorten(test.name, name_width)
        cells = []
        for label in labels:
            other = by_name[label].get(test.name)
            cells.append(f"{_fmt(other.score) + '/' + _fmt(other.max_score):>12}" if other
                         else f"{'-':>12}")  # fmt: skip
        lines.append(f"{name:<{name_width}}  " + "  ".join(cells))
    lines.append("-" * len(header))
    totals = [f"{_fmt(columns[label].score) + '/' + _fmt(columns[label].max_score):>12}"
              for label in labels]  # fmt: skip
    lines.append(f"{'total':<{name_width}}  " + "  ".join(totals))
    times = [f"{columns[label].execution_time:>11.1f}s" for label in labels]
    lines.append(f"{'grading time':<{name_width}}  " + "  ".join(times))
    return "\n".join(lines)


def zoo_table(outcomes: list[ZooOutcome]) -> str:
    """Calibration results: one row per zoo member."""
    header = (f"{'implementation':<24} {'function':<14} {'ratio':>8} {'limit':>6} "
              f"{'verdict':>8} {'expected':>8} {'margin':>7}")  # fmt: skip
    lines = [header, "-" * len(header)]
    for outcome in sorted(outcomes, key=lambda o: (o.member.function, _ratio(o))):
        member, result = outcome.member, outcome.result
        ratio = f"{result.ratio:.2f}" if result else "-"
        limit = f"{result.limit:g}" if result else "-"
        margin = f"{outcome.margin:.1f}×" if outcome.margin is not None else "-"
        flag = "" if outcome.ok else "  <-- WRONG VERDICT"
        lines.append(f"{member.name:<24} {member.function:<14} {ratio:>8} {limit:>6} "
                     f"{outcome.verdict:>8} {member.expected:>8} {margin:>7}{flag}")  # fmt: skip
        if outcome.problem:
            lines.append(f"{'':<24} {outcome.problem}")
    if outcomes and outcomes[0].result:
        ref = min((o.result.reference_seconds for o in outcomes if o.result), default=0.0)
        lines.append(f"reference: {ref * 1e3:.2f} ms of CPU time per call (best)")
    lines += [gap_line(gap) for gap in gaps(outcomes)]
    return "\n".join(lines)


def gap_line(gap: Gap) -> str:
    """Where the limit sits in the zoo's gap, and where it would sit centred."""
    return (
        f"{gap.function}: members that must pass reach {gap.slowest_pass:.1f}×, those that "
        f"must fail start at {gap.fastest_fail:.1f}× ({gap.width:.1f}× apart). The limit "
        f"{gap.limit:g} is {gap.limit / gap.slowest_pass:.1f}× and "
        f"{gap.fastest_fail / gap.limit:.1f}× from them; {gap.centre:.3g} would be "
        f"{gap.best_margin:.1f}× from both on this machine."
    )


def student_zoo_table(outcomes: list[StudentOutcome]) -> str:
    """The students' speed feedback over the zoo: one row per member; ``speed-up`` is how
    many times faster than the template's double loop, ``need`` the on-track threshold."""
    header = (f"{'implementation':<28} {'function':<20} {'speed-up':>9} {'need':>6} "
              f"{'verdict':>8} {'expected':>8} {'margin':>7}")  # fmt: skip
    lines = [header, "-" * len(header)]
    ordered = sorted(outcomes, key=lambda o: (o.member.function, -(o.speedup or 0.0)))
    for outcome in ordered:
        member = outcome.member
        speedup = f"{outcome.speedup:.2f}" if outcome.speedup is not None else "-"
        margin = f"{outcome.margin:.1f}×" if outcome.margin is not None else "-"
        flag = "" if outcome.ok else "  <-- WRONG VERDICT"
        lines.append(f"{member.name:<28} {member.function:<20} {speedup:>9} {outcome.need:>6g} "
                     f"{outcome.verdict:>8} {member.expected:>8} {margin:>7}{flag}")  # fmt: skip
        if outcome.problem:
            lines.append(f"{'':<28} {outcome.problem}")
    return "\n".join(lines)


def _ratio(outcome: ZooOutcome) -> float:
    return outcome.result.ratio if outcome.result else float("inf")


def checks_table(checks: list[Check]) -> str:
    return "\n".join(
        f"  {'ok ' if check.ok else 'FAIL'} {check.name}: {check.detail}" for check in checks
    )
