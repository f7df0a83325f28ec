"""What students are told for each way a test can fail."""

from __future__ import annotations

import pytest

from autograder.checks import assert_equal
from autograder.grading.outcomes import GRADER_ERROR, explain
from autograder.sandbox.faults import CallTimedOut


def test_did_not_raise_is_the_students_failure():
    try:
        with pytest.raises(ValueError):
            pass
    except pytest.fail.Exception as exc:
        explained = explain(exc)
    assert explained.staff is None
    assert (
        "Expected your function to raise" in explained.student and "ValueError" in explained.student
    )


def test_faults_and_assertions_are_shown_as_written():
    assert explain(CallTimedOut("too slow")).student == "too slow"
    assert explain(AssertionError("shape (2, 2) expected")).student == "shape (2, 2) expected"


def test_other_errors_are_grader_errors_with_staff_details():
    try:
        {}["missing"]
    except KeyError as exc:
        explained = explain(exc)
    assert explained.student == GRADER_ERROR.format(what="KeyError: 'missing'")
    assert "Traceback" in explained.staff


@pytest.mark.parametrize(("got", "expected", "ok"), [
    ((7, 7), (7, 7), True),
    (7, 7, True),
    (7.0, 7, False),  # a float where an int is expected
    ((7, 6), (7, 7), False),
    ([1, 2], (1, 2), False),
])  # fmt: skip
def test_assert_equal(got, expected, ok):
    import numpy as np

    got = tuple(np.int64(v) for v in got) if isinstance(got, tuple) else got
    if ok:
        assert_equal(got, expected, call="f()")
    else:
        with pytest.raises(AssertionError, match=r"^f\(\): returned"):
            assert_equal(got, expected, call="f()")


@pytest.mark.parametrize(("got", "expected", "message"), [
    ((3, 4), (3, 4), None),
    ([3, 4], (3, 4), None),
    ((3.0, 4), (3, 4), "floor division"),
    ((3, 5), (3, 4), r"returned \(3, 5\), expected \(3, 4\)"),
    (7, (3, 4), "expected a tuple"),
])  # fmt: skip
def test_assert_integers(got, expected, message):
    from autograder.checks import assert_integers

    if message is None:
        assert_integers(got, expected, call="output_shape()")
    else:
        with pytest.raises(AssertionError, match=message):
            assert_integers(got, expected, call="output_shape()")


def test_call_with_hint_adds_the_hint_to_the_students_error():
    from autograder.checks import call_with_hint
    from autograder.sandbox.faults import raised_exception

    def raising(error):
        raise raised_exception(error, "pool2d", "pool2d(...)")

    with pytest.raises(AssertionError, match="raised ValueError: bad mode\nHint: check"):
        call_with_hint(raising, {"type": "ValueError", "message": "bad mode"}, hint="check")
    with pytest.raises(NotImplementedError):
        call_with_hint(raising, {"type": "NotImplementedError"}, hint="x")
