"""The one guard every call to the student's worker passes: proxy calls, speed tests and
stage tools alike.

It applies the grading's deadline, gives up on a function that keeps running past its time
limit (an infinite loop must not cost one full timeout per test), remembers which student
functions a test called (a banned use costs the tests that reach it), and records timeouts
and crashes for the staff diagnostics.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from autograder.sandbox.faults import CallTimedOut, OutOfTime, WorkerCrashed
from autograder.sandbox.limits import Limits
from autograder.sandbox.target import Target

#: after this many timeouts of one function, further calls to it fail at once
TIMEOUTS_BEFORE_GIVING_UP = 2
#: ... and after this many timeouts in all, every further call does (functions call each other)
TIMEOUTS_IN_ALL = 6
OUT_OF_TIME = (
    "Not run: the time for grading this submission ran out before this test. Slow or "
    "hanging code in the tests before it is the usual cause; make your functions faster."
)


@dataclass
class SessionEvents:
    """What happened to the worker, for the staff diagnostics."""

    restarts: int = 0
    crashes: list[str] = field(default_factory=list)  # what went wrong, timeouts included
    crashed: int = 0  # calls whose worker died
    timeouts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how the sandbox fell short of its rules


class CallGuard:
    def __init__(self, limits: Limits, deadline: float | None, events: SessionEvents) -> None:
        """``deadline``: a ``time.monotonic()`` instant after which nothing more runs."""
        self.limits = limits
        self.deadline = deadline
        self.events = events
        #: the student functions called since the plugin last cleared it (one test's calls)
        self.called: set[str] = set()
        #: the most recent call (what failure messages name)
        self.last_description: str | None = None

    def time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    @contextmanager
    def guarding(self, target: Target, description: str,
                 timeout: float | None = None) -> Iterator[float]:  # fmt: skip
        """Around one call of ``target``: yields its time limit (``timeout``, else the
        stage's for the function, cut to the time left), or raises at once when out of
        time or when the function has run past its limit too often."""
        self.last_description = description
        if target.is_student_function:
            self.called.add(target.name)
        limit = timeout or self.limits.timeout_for(target.name)
        left = self.time_left()
        if left is not None:
            if left <= 0:
                raise OutOfTime(OUT_OF_TIME)
            limit = min(limit, left)
        self._refuse_after_timeouts(target.name, description, limit)
        try:
            yield limit
        except CallTimedOut as exc:
            self.events.timeouts[target.name] = self.events.timeouts.get(target.name, 0) + 1
            self.events.crashes.append(f"{description}: {exc}")
            raise
        except WorkerCrashed as exc:
            self.events.crashed += 1
            self.events.crashes.append(f"{description}: {exc}")
            raise

    def _refuse_after_timeouts(self, name: str, description: str, limit: float) -> None:
        timeouts = self.events.timeouts
        if timeouts.get(name, 0) >= TIMEOUTS_BEFORE_GIVING_UP:
            raise CallTimedOut(
                f"{description} was not run: {name} already ran past its {limit:g} s limit "
                f"{TIMEOUTS_BEFORE_GIVING_UP} times. Look for an infinite loop in {name}."
            )
        if sum(timeouts.values()) >= TIMEOUTS_IN_ALL:
            slow = ", ".join(sorted(timeouts))
            raise CallTimedOut(
                f"{description} was not run: your functions ran past the {limit:g} s limit "
                f"{sum(timeouts.values())} times ({slow}). Look for an infinite loop there."
            )
