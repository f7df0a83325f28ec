"""What a failed test tells the student, and what it tells staff.

Student errors, grader errors and format errors are distinct outcomes: an assertion from a
checking helper is shown as written; a fault of the student's code (crash, timeout, an
exception it raised) is explained; anything else is a grader error, shown to the student as
a neutral message while the traceback goes to the staff diagnostics.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

import pytest

from autograder.sandbox.faults import StudentFault, StudentRaised

GRADER_ERROR = (
    "The grader could not check this test ({what}). This usually means a function returned "
    "a value of the wrong type or structure; compare your return values with the handout. "
    "If that looks right, tell your instructor."
)


@dataclass(frozen=True)
class Explained:
    student: str  # message for the student
    staff: str | None = None  # diagnostics for staff only (grader errors)


def explain(exc: BaseException) -> Explained:
    if isinstance(exc, StudentRaised):
        return Explained(exc.describe())
    if isinstance(exc, StudentFault):
        return Explained(exc.message)
    if isinstance(exc, AssertionError):
        text = str(exc).strip()
        return Explained(text or "An assertion failed (the test gave no message).")
    if isinstance(exc, pytest.fail.Exception):  # pytest.fail(), and pytest.raises' DID NOT RAISE
        text = str(exc).strip()
        if text.startswith("DID NOT RAISE"):
            expected = text.removeprefix("DID NOT RAISE").strip()
            return Explained(
                f"Expected your function to raise {expected}, but it returned "
                "normally. Check the arguments it must reject (see the handout)."
            )
        return Explained(text or "The test failed.")
    what = f"{type(exc).__name__}: {_short(exc)}"
    staff = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Explained(GRADER_ERROR.format(what=what), staff)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."
