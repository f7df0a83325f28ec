"""What students are told for each way a test can fail."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.authoring.markers import DEFAULT_HINT
from autograder.grading.checks import assert_array, assert_equal
from autograder.grading.outcomes import GENERIC_MESSAGES, GRADER_ERROR, STRUCTURE_ERROR, explain
from autograder.sandbox.faults import CallTimedOut, raised_exception


def _did_not_raise() -> pytest.fail.Exception:
    try:
        with pytest.raises(ValueError):
            pass
    except pytest.fail.Exception as exc:
        return exc
    raise AssertionError("pytest.raises did not fail")


def test_did_not_raise_is_the_students_failure_and_names_the_call():
    explained = explain(_did_not_raise(), "correlate2d(X: (2, 2), K: (3, 3))")
    assert explained.staff is None
    assert explained.student.startswith(
        "correlate2d(X: (2, 2), K: (3, 3)) returned normally, but it must raise ValueError."
    )


def test_faults_and_assertions_are_shown_as_written():
    assert explain(CallTimedOut("too slow")).student == "too slow"
    assert explain(AssertionError("shape (2, 2) expected")).student == "shape (2, 2) expected"


def _key_error() -> KeyError:
    try:
        {}["missing"]
    except KeyError as exc:
        return exc
    raise AssertionError("no KeyError")


def test_errors_of_the_test_itself_are_grader_errors_with_staff_details():
    explained = explain(_key_error())
    assert explained.student == GRADER_ERROR.format(what="KeyError: 'missing'")
    assert explained.staff is not None and "Traceback" in explained.staff


def test_a_return_value_the_test_cannot_read_is_named_with_its_call():
    """Is a missing key in what the student returned reported as theirs, with the call?"""
    explained = explain(_key_error(), "train(net, ...)")
    assert explained.student == STRUCTURE_ERROR.format(
        call="train(net, ...)", what="KeyError: 'missing'"
    )
    assert "instructor" not in explained.student


def _raised(type_name: str, message: str) -> BaseException:
    return raised_exception(
        {"type": type_name, "message": message}, "pool2d", "pool2d(X: (4, 4), 2)"
    )


@pytest.mark.parametrize("message", [DEFAULT_HINT, "", "todo: finish me"])
def test_the_stubs_not_implemented_error_says_not_implemented_yet(message):
    assert explain(_raised("NotImplementedError", message)).student.startswith(
        "pool2d is not implemented yet"
    )


def test_a_students_own_not_implemented_error_is_shown_as_theirs():
    """A finished function that raises NotImplementedError on purpose for one case keeps the
    call and its own message."""
    student = explain(_raised("NotImplementedError", "mode 'lp' is not supported")).student
    assert student.startswith("pool2d(X: (4, 4), 2) raised NotImplementedError: mode 'lp'")
    assert "not implemented yet" not in student
    assert "your own" in student


def test_generic_messages_are_known_to_validate():
    assert explain(AssertionError()).student in GENERIC_MESSAGES


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
    from autograder.grading.checks import assert_integers

    if message is None:
        assert_integers(got, expected, call="output_shape()")
    else:
        with pytest.raises(AssertionError, match=message):
            assert_integers(got, expected, call="output_shape()")


def test_call_with_hint_adds_the_hint_to_the_students_error():
    from autograder.grading.checks import call_with_hint
    from autograder.sandbox.faults import raised_exception

    def raising(error):
        raise raised_exception(error, "pool2d", "pool2d(...)")

    with pytest.raises(AssertionError, match="raised ValueError: bad mode\nHint: check"):
        call_with_hint(raising, {"type": "ValueError", "message": "bad mode"}, hint="check")
    with pytest.raises(NotImplementedError):
        call_with_hint(raising, {"type": "NotImplementedError"}, hint="x")


def test_float32_rounding_gets_a_rounding_hint_not_the_tests_hint():
    """An error of about 1e-7 on float64 input is float32 arithmetic, not a padding bug."""
    rng = np.random.default_rng(0)
    expected = rng.normal(size=(6, 6))
    expected[0, 0] = 1e-4  # a small value: the absolute tolerance decides there
    rounded = expected.astype(np.float32).astype(np.float64)
    rounded[0, 0] += 3e-7
    with pytest.raises(AssertionError) as info:
        assert_array(rounded, expected, call="conv2d(X: (1, 1, 6, 6))", hint="padded windows")
    assert "rounding" in str(info.value) and "padded windows" not in str(info.value)
    with pytest.raises(AssertionError) as info:
        assert_array(
            expected + 0.1, expected, call="conv2d(X: (1, 1, 6, 6))", hint="padded windows"
        )
    assert "padded windows" in str(info.value) and "rounding" not in str(info.value)


def test_empty_result_names_the_slice_that_empties_it():
    """dX[p:-p] with p = 0 is empty: the message says so, and keeps the test's own hint."""
    expected = np.ones((4, 5))
    with pytest.raises(AssertionError) as info:
        assert_array(np.ones((0, 0)), expected, call="pool2d_backward(X (4, 5))", hint="own")
    text = str(info.value)
    assert "p:-p" in text and "p = 0" in text and "own" in text
    with pytest.raises(AssertionError) as info:
        assert_array(np.ones((3, 5)), expected, call="pool2d_backward(X (4, 5))", hint="own")
    assert "p:-p" not in str(info.value) and "own" in str(info.value)


def test_an_import_failure_names_what_grading_provides_not_numpy_alone():
    """Stage 5 grades with torch: a missing module must not be blamed on "NumPy only"."""
    from autograder.sandbox.faults import import_failure

    text = import_failure({"type": "ModuleNotFoundError", "message": "No module named 'cv2'"})
    assert "No module named 'cv2'" in text and "Only NumPy" not in text
    assert "standard library and the packages of the stage's Gradescope image" in text
