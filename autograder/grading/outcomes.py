"""What a failed test tells the student, and what it tells staff.

Student errors, grader errors and format errors are distinct outcomes: an assertion from a
checking helper is shown as written; a fault of the student's code (crash, timeout, an
exception it raised) is explained with the call; a test that could not read the structure
of what the student's function returned (a missing key, an index out of range) names the
call and the problem; anything else is a grader error, shown to the student as a neutral
message while the traceback goes to the staff diagnostics.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

import pytest

from autograder.sandbox.faults import StudentFault, StudentRaised

GRADER_ERROR = (
    "The grader could not check this test ({what}). This is a problem of the grader, not of "
    "your code as far as it can tell; your instructor can see the details."
)
STRUCTURE_ERROR = (
    "{call} returned a value the test could not read ({what}). Check the structure of its "
    "return value (keys, length, types) against the handout."
)
NO_MESSAGE = "An assertion failed (the test gave no message)."
NO_TEXT = "The test failed."
#: messages that teach nothing; ``cnngrade validate`` refuses a stage whose tests give them
GENERIC_MESSAGES = (NO_MESSAGE, NO_TEXT, GRADER_ERROR.split("(")[0].strip())
# Errors of test code that reads a student's return value: the value had the wrong shape.
_STRUCTURE = (KeyError, IndexError, TypeError, AttributeError, ValueError)


@dataclass(frozen=True)
class Explained:
    student: str  # message for the student
    staff: str | None = None  # diagnostics for staff only (grader errors)


def explain(exc: BaseException, last_call: str | None = None) -> Explained:
    """The student's message for a test that failed with ``exc``; ``last_call`` describes
    the test's most recent call to a student function, if any."""
    if isinstance(exc, StudentRaised):
        return Explained(exc.describe())
    if isinstance(exc, StudentFault):
        return Explained(exc.message)
    if isinstance(exc, AssertionError):
        text = str(exc).strip()
        return Explained(text or NO_MESSAGE)
    if isinstance(exc, pytest.fail.Exception):  # pytest.fail(), and pytest.raises' DID NOT RAISE
        text = str(exc).strip()
        if text.startswith("DID NOT RAISE"):
            expected = text.removeprefix("DID NOT RAISE").strip()
            expected = expected.removeprefix("<class '").removesuffix("'>")
            call = last_call or "Your function"
            return Explained(
                f"{call} returned normally, but it must raise {expected}. Check the "
                "arguments it must reject (see the handout)."
            )
        return Explained(text or NO_TEXT)
    what = f"{type(exc).__name__}: {_short(exc)}"
    staff = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if last_call is not None and isinstance(exc, _STRUCTURE):
        return Explained(STRUCTURE_ERROR.format(call=last_call, what=what), staff)
    return Explained(GRADER_ERROR.format(what=what), staff)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."
