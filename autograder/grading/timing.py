"""Speed tests: the student's function against the reference, by CPU time.

Both run in workers started the same way (one BLAS thread each), on the same inputs, a
fresh input set per repetition (memoising across repetitions gains nothing), interleaved
and alternating who goes first. CPU time is read by the trusted side from the kernel's
accounting, so patching ``time`` in the worker changes nothing and a throttled or busy
machine slows both sides' wall clocks without moving the ratio. The best of N counts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.config import TimingSpec
from autograder.grading.proxy import describe_call
from autograder.grading.session import GradingSession
from autograder.sandbox.client import Worker
from autograder.sandbox.faults import CallTimedOut

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

    @property
    def ratio(self) -> float:
        return self.student_seconds / max(self.reference_seconds, 1e-9)

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit

    def message(self, hint: str) -> str:
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
        if self.timed_out:
            return (
                f"{self.function}: over {self.student_seconds:g} s (timed out) vs reference "
                f"{_ms(self.reference_seconds)} = over {self.ratio:.0f}× (limit {self.limit:g}×)"
            )
        return (
            f"{self.function}: {_ms(self.student_seconds)} vs reference "
            f"{_ms(self.reference_seconds)} = {self.ratio:.2f}× (limit {self.limit:g}×)"
        )


def _shared_cpu() -> set[int] | None:
    """The one CPU both timed workers run on (the first this process may use)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return {min(os.sched_getaffinity(0))}


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
        cpu = _shared_cpu()
        for worker in (student, reference):
            worker.pin(cpu)
        try:
            result = self._measure(timed, spec, make_inputs, student, reference, seed)
        finally:
            for worker in (student, reference):
                worker.pin(None)
        self.results.append(result)
        return result

    def _measure(self, timed: str, spec: TimingSpec, make_inputs: InputMaker,
                 student: Worker, reference: Worker, seed: int) -> TimingResult:  # fmt: skip
        function = timed.partition(":")[0]
        rng = np.random.default_rng(seed)
        timeout = self._session.limits.call_timeout
        description = ""
        student_times: list[float] = []
        reference_times: list[float] = []
        runs = 0
        student_done = timed_out = False
        # One input set at a time: made, sent to both workers, run by both (alternating who
        # goes first), dropped. Memory stays at one set, whatever the number of repeats.
        for index in range(spec.repeats + 1):  # index 0 is the warm-up
            key = f"t{seed}-{index}"
            inputs = make_inputs(rng)
            description = description or describe_call(function, inputs, {})
            order = [(reference, False), (student, True)]
            if student_done:
                order = order[:1]
            for worker, _ in order:
                worker.stash(key, inputs, {})
            del inputs
            for worker, is_student in order if index % 2 else order[::-1]:
                try:
                    seconds = worker.run_stashed(function, key, timeout, description)
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
                if index == 0:
                    continue  # warm-up: first-call costs are not the student's speed
                (student_times if is_student else reference_times).append(seconds)
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
