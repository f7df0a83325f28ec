"""The hidden-test authors' helpers in ``autograder.grading.checks``."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from autograder.grading.checks import Strided, check_against_reference, parameter_names
from autograder.grading.proxy import CallRecord, describe_call


class FakeSubmission:
    """Stands for the proxy: calls a local function and records the call as the proxy does."""

    def __init__(self, function, mutated=(), aliased=()):
        self._function, self._mutated, self._aliased = function, mutated, aliased
        self.received = None
        self.last_call = None

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.received = args
            self.last_call = CallRecord(name, describe_call(name, args, kwargs),
                                        self._mutated, self._aliased)  # fmt: skip
            return self._function(*args, **kwargs)

        return call


def scaled(X, K, factor=2.0):
    return np.asarray(X) * factor + np.sum(K)


REFERENCE = SimpleNamespace(scaled=scaled)
X, K = np.arange(12.0).reshape(3, 4), np.ones((2, 2))


def test_a_right_result_is_returned():
    submission = FakeSubmission(scaled)
    got = check_against_reference(submission, REFERENCE, "scaled", X, K, factor=3.0)
    np.testing.assert_array_equal(got, scaled(X, K, 3.0))


def test_strided_arguments_reach_the_student_wrapped_and_the_reference_as_the_view():
    seen = []
    reference = SimpleNamespace(scaled=lambda X, K: seen.append(X) or scaled(X, K))
    submission = FakeSubmission(lambda X, K: scaled(X.view, K))
    check_against_reference(submission, reference, "scaled", Strided(X, (1, 2)), K)
    assert isinstance(submission.received[0], Strided)
    assert isinstance(seen[0], np.ndarray) and seen[0].shape == (3, 2)
    assert "non-contiguous" in submission.last_call.description


@pytest.mark.parametrize(
    ("student", "shown"),
    [
        (lambda X, K: scaled(X, K)[:, :-1], "SHAPE"),
        (lambda X, K: scaled(X, K).T, "SWAPPED"),
        (lambda X, K: scaled(X, K).astype(np.float32), "DTYPE"),
        (lambda X, K: scaled(X, K) + 1, "VALUES"),
    ],
    ids=["shape", "transposed", "dtype", "values"],
)
def test_the_hint_fits_what_is_wrong(student, shown):
    with pytest.raises(AssertionError) as failure:
        check_against_reference(FakeSubmission(student), REFERENCE, "scaled", X, K,
                                dtype=np.float64, hint="VALUES", shape_hint="SHAPE",
                                swapped_hint="SWAPPED", dtype_hint="DTYPE")  # fmt: skip
    message = str(failure.value)
    assert message.startswith("scaled(float64 array of shape (3, 4), float64 array of shape")
    assert message.endswith(f"Hint: {shown}")


def test_without_a_shape_hint_a_wrong_shape_gets_the_hint():
    with pytest.raises(AssertionError, match=r"Hint: VALUES$"):
        check_against_reference(FakeSubmission(lambda X, K: X[:1]), REFERENCE, "scaled", X, K,
                                hint="VALUES")  # fmt: skip


def test_clean_names_a_modified_input_by_the_references_parameter_name():
    submission = FakeSubmission(scaled, mutated=(1,))
    with pytest.raises(AssertionError, match="modified its input K"):
        check_against_reference(submission, REFERENCE, "scaled", X, K, clean=True)
    # without clean=True the same call passes: the check is what fails it
    check_against_reference(submission, REFERENCE, "scaled", X, K)


def test_parameter_names_are_the_positional_ones():
    assert parameter_names(scaled) == ("X", "K", "factor")
    assert parameter_names(lambda a, /, b, *rest, c=1: None) == ("a", "b")
