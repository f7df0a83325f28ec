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

InputMaker = Callable[[np.random.Generator], tuple[Any, ...]]
CLEAR_FAILURE = 3.0  # stop repeating once the ratio is this many times over the limit


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

    @property
    def ratio(self) -> float:
        return self.student_seconds / max(self.reference_seconds, 1e-9)

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit

    def message(self, hint: str) -> str:
        text = (
            f"{self.description} is too slow: it took {_ms(self.student_seconds)} of CPU time "
            f"(best of {self.repeats_run}); the reference took {_ms(self.reference_seconds)}. "
            f"That is {self.ratio:.1f}× the reference; the limit is {self.limit:g}×."
        )
        return text + (f"\nHint: {hint}" if hint else "")

    def summary(self) -> str:
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
        best_student = best_reference = float("inf")
        runs = 0
        student_done = False
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
                seconds = worker.run_stashed(function, key, timeout, description)
                if index == 0:
                    continue  # warm-up: first-call costs are not the student's speed
                if is_student:
                    best_student = min(best_student, seconds)
                else:
                    best_reference = min(best_reference, seconds)
            if index == 0 or student_done:
                continue
            runs = index
            if index >= 2 and best_student > CLEAR_FAILURE * spec.limit * best_reference:
                # clearly failing: spare the grader more slow runs, but keep timing the
                # (fast) reference, so its best is still a best of N
                student_done = True
        return TimingResult(timed, description, best_student, best_reference, spec.limit, runs)

    def check(
        self, function: str, make_inputs: InputMaker | None = None, *, seed: int = 0
    ) -> TimingResult:
        """Measure and fail the test with a teaching message when over the limit."""
        result = self.measure(function, make_inputs, seed=seed)
        if not result.passed:
            raise TooSlow(result.message(self._specs[function].hint))
        return result
