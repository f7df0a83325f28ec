"""Speed tests: the student's function against the reference, by CPU time.

Both run in workers started the same way (one BLAS thread each), on the same inputs, a
fresh input set per repetition (memoising across repetitions gains nothing), interleaved
and alternating who goes first. CPU time is read by the trusted side from the kernel's
accounting, so patching ``time`` in the worker changes nothing and a throttled or busy
machine slows both sides' wall clocks without moving the ratio. The best of N counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.course.config import TimingSpec
from autograder.grading.proxy import describe_call
from autograder.grading.session import GradingSession
from autograder.sandbox.client import Worker
from autograder.sandbox.faults import CallTimedOut
from autograder.sandbox.target import Target

InputMaker = Callable[[np.random.Generator], tuple[Any, ...]]
CLEAR_FAILURE = 3.0  # stop repeating once the ratio is this many times over the limit
GLITCH = 0.2  # a reading under this share of its side's median is a clock glitch, not a run


def best_of(readings: list[float]) -> float:
    """The best (smallest) CPU time of a side's runs, ignoring clock glitches.

    A call's CPU time read from the kernel has, rarely, come back as 0 or near it (measured:
    a 0.5 ms reference read as nothing once in a few hundred calls on a busy VM), and one
    such reading would make the best of N meaningless (a ratio of millions, or of zero).
    Readings far below the median of the same side are not runs that fast: they are dropped.
    """
    if not readings:
        return float("inf")
    median = float(np.median(readings))
    return min(r for r in readings if r >= GLITCH * median)


def disagreement(got: Any, expected: Any) -> str:
    """What is wrong with a timed run's result ``got``, next to the reference's ("": nothing).

    Lenient on purpose (to 1e-3 of the largest value): the stage's own tests judge
    correctness to the last digit and precision (a float32 buffer) with their own hints;
    this makes sure that the time measured was the time of doing the work, all of it."""
    if isinstance(expected, tuple | list):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            return f"returned {_kind(got)}, expected {len(expected)} values"
        for position, (g, e) in enumerate(zip(got, expected, strict=True)):
            problem = disagreement(g, e)
            if problem:
                return f"value {position + 1} of {len(expected)}: {problem}"
        return ""
    if isinstance(expected, np.ndarray | float | int | np.number):
        if not isinstance(got, np.ndarray | float | int | np.number) or isinstance(got, bool):
            return f"returned {_kind(got)}, expected an array"
        got_array, expected_array = np.asarray(got), np.asarray(expected)
        if got_array.shape != expected_array.shape:
            return f"returned shape {got_array.shape}, expected {expected_array.shape}"
        if got_array.dtype.kind not in "biuf":
            return f"returned dtype {got_array.dtype}, expected real numbers"
        scale = float(np.max(np.abs(expected_array), initial=1.0))
        close = np.isclose(got_array, expected_array, rtol=1e-3, atol=1e-3 * scale,
                           equal_nan=True)  # fmt: skip
        if not close.all():
            return f"{int((~close).sum())} of {close.size} values differ from the reference's"
        return ""
    return "" if got == expected else f"returned {_kind(got)}, expected {expected!r}"


def _kind(value: Any) -> str:
    return "None" if value is None else type(value).__name__


class TooSlow(AssertionError):
    """The student's function is slower than the configured limit allows."""


@dataclass(frozen=True)
class TimingResult:
    function: str
    description: str
    student_seconds: float
    reference_seconds: float
    limit: float
    repeats_run: int
    timed_out: bool = False  # the student's call ran past the call timeout (a lower bound)
    wrong: str = ""  # what was wrong with a timed run's result ("": every one was right)

    @property
    def ratio(self) -> float:
        return self.student_seconds / max(self.reference_seconds, 1e-9)

    @property
    def passed(self) -> bool:
        return not self.wrong and self.ratio <= self.limit

    def message(self, hint: str) -> str:
        if self.wrong:
            return (
                f"{self.description} gave a wrong result on the speed test's inputs: "
                f"{self.wrong}. A speed test counts only a right answer; the tests that check "
                "values show where it goes wrong."
            )
        if self.timed_out:
            text = (
                f"{self.description} is far too slow: one call did not finish within "
                f"{self.student_seconds:g} s and was stopped; the reference took "
                f"{_ms(self.reference_seconds)}. That is over {self.ratio:.0f}× the reference; "
                f"the limit is {self.limit:g}×."
            )
            return text + (f"\nHint: {hint}" if hint else "")
        text = (
            f"{self.description} is too slow: it took {_ms(self.student_seconds)} of CPU time "
            f"(best of {self.repeats_run}); the reference took {_ms(self.reference_seconds)}. "
            f"That is {self.ratio:.1f}× the reference; the limit is {self.limit:g}×."
        )
        return text + (f"\nHint: {hint}" if hint else "")

    def summary(self) -> str:
        if self.wrong:
            return f"{self.function}: wrong result when timed ({self.wrong})"
        if self.timed_out:
            return (
                f"{self.function}: over {self.student_seconds:g} s (timed out) vs reference "
                f"{_ms(self.reference_seconds)} = over {self.ratio:.0f}× (limit {self.limit:g}×)"
            )
        return (
            f"{self.function}: {_ms(self.student_seconds)} vs reference "
            f"{_ms(self.reference_seconds)} = {self.ratio:.2f}× (limit {self.limit:g}×)"
        )


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms" if seconds < 10 else f"{seconds:.1f} s"


class SpeedCheck:
    """The ``speed`` fixture: ``speed.check("correlate2d", make_inputs)``."""

    def __init__(self, session: GradingSession, specs: dict[str, TimingSpec]) -> None:
        self._session = session
        self._specs = specs
        self.results: list[TimingResult] = []

    def measure(
        self, function: str, make_inputs: InputMaker | None = None, *, seed: int = 0
    ) -> TimingResult:
        """Time ``function`` against the reference on inputs from ``make_inputs`` (default:
        the stage's ``timing.py``). ``function`` may name a variant, ``"pool2d:avg"``: the
        spec and inputs of that key, the calls to ``pool2d``."""
        timed = function  # "pool2d" or a variant such as "pool2d:avg"
        spec = self._specs[timed]
        make_inputs = make_inputs or self._session.stage.timing_inputs[timed]
        student = self._session.student_worker()
        reference = self._session.reference_worker()
        with student.on_timing_cpu(), reference.on_timing_cpu():
            result = self._measure(timed, spec, make_inputs, student, reference, seed)
        self.results.append(result)
        return result

    def _measure(self, timed: str, spec: TimingSpec, make_inputs: InputMaker,
                 student: Worker, reference: Worker, seed: int) -> TimingResult:  # fmt: skip
        function = timed.partition(":")[0]
        target = Target.function(function)
        guard = self._session.guard
        rng = np.random.default_rng(seed)
        timeout = self._session.limits.timeout_for(function)  # the (trusted) reference's
        description = ""
        student_times: list[float] = []
        reference_times: list[float] = []
        runs = 0
        student_done = timed_out = False
        wrong = ""
        # One input set at a time: made, sent to both workers, run by both (alternating who
        # goes first), the results compared, dropped. Memory stays at one set, whatever the
        # number of repeats. Every result is checked: a function that skips the work when it
        # is timed fails, and nothing tells the worker a timed call from any other.
        for index in range(spec.repeats + 1):  # index 0 is the warm-up
            inputs = make_inputs(rng)
            description = description or describe_call(function, inputs, {})
            order = [(reference, False), (student, True)]
            if student_done:
                order = order[:1]
            keys = {is_student: worker.stash(inputs, {}) for worker, is_student in order}
            del inputs
            results: dict[bool, Any] = {}
            for worker, is_student in order if index % 2 else order[::-1]:
                key = keys[is_student]
                try:
                    if is_student:  # through the guard, like every call of student code
                        with guard.guarding(target, description) as limit:
                            seconds = worker.run_stashed(target, key, limit, description)
                    else:
                        seconds = worker.run_stashed(target, key, timeout, description)
                except CallTimedOut:
                    if not is_student:
                        raise
                    # a call past the timeout is far over any limit, and the worker is gone:
                    # stop timing the student; with no run finished, the timeout is a lower
                    # bound on its time (the reference keeps its best of N)
                    student_done = True
                    if not student_times:
                        timed_out, runs = True, 1
                    continue
                results[is_student] = worker.fetch(key, target, description, timeout).value
                if index:  # the warm-up's time is not the student's speed: first-call costs
                    (student_times if is_student else reference_times).append(seconds)
            if True in results:
                wrong = disagreement(results[True], results[False])
                if wrong:
                    # the times so far (none after the warm-up: 0, never an infinity)
                    mine, theirs = (best_of(t) if t else 0.0
                                    for t in (student_times, reference_times))  # fmt: skip
                    return TimingResult(timed, description, mine, theirs, spec.limit, index,
                                        wrong=wrong)  # fmt: skip
            del results
            if index == 0 or student_done:
                continue
            runs = index
            limit = CLEAR_FAILURE * spec.limit * best_of(reference_times)
            if index >= 2 and best_of(student_times) > limit:
                # clearly failing: spare the grader more slow runs, but keep timing the
                # (fast) reference, so its best is still a best of N
                student_done = True
        best_student = timeout if timed_out else best_of(student_times)
        return TimingResult(timed, description, best_student, best_of(reference_times),
                            spec.limit, runs, timed_out)  # fmt: skip

    def check(
        self, function: str, make_inputs: InputMaker | None = None, *, seed: int = 0
    ) -> TimingResult:
        """Measure and fail the test with a teaching message when over the limit."""
        result = self.measure(function, make_inputs, seed=seed)
        if not result.passed:
            raise TooSlow(result.message(self._specs[function].hint))
        return result
