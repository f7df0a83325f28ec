"""Hidden tests for stage @NUMBER@. Students see each test's name and message, never this file.

The ``submission`` fixture runs the student's ``@MODULE_NAME@`` in the sandbox; every call
is recorded (``submission.last_call``: its description, and whether it changed its inputs).
``reference`` is the reference solution, imported here in the trusted process; ``speed``
times a function against it (``[grading.timing]`` in assignment.toml, inputs in timing.py).
The helpers of ``autograder.grading.checks`` write messages that name the call and give a hint;
``check_against_reference`` calls the student's function and the reference's on the same
arguments (a ``Strided`` one reaches the reference as its view) and compares the results.
"""

import numpy as np
import pytest

from autograder.grading.checks import (
    LAYOUT_HINT,
    Strided,
    assert_array,
    assert_call_clean,
    assert_raises,
    check_against_reference,
    numerical_gradient,
)

RELU_HINT = "relu(x) = max(x, 0), entry by entry: np.maximum(X, 0)"
BACKWARD_HINT = "the gradient is dY where X > 0 and 0 where X <= 0: np.where(X > 0, dY, 0)"

SHAPES = [(7,), (3, 5), (2, 3, 4), (1, 1), (2, 1, 3, 2)]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_relu_values(submission, reference, shape):
    """relu: random inputs of several shapes"""
    X = np.random.default_rng(1).normal(size=shape)
    check_against_reference(submission, reference, "relu", X, hint=RELU_HINT)


@pytest.mark.parametrize(
    ("dtype", "expected"), [(np.float32, np.float32), (np.float64, np.float64), (np.int64, np.float64)]
)
def test_relu_dtype(submission, dtype, expected):
    """relu: float inputs keep their dtype, integer inputs give float64"""
    X = np.arange(-3, 3).reshape(2, 3).astype(dtype)
    assert_array(
        submission.relu(X), np.maximum(X, 0).astype(expected), dtype=expected,
        call=submission.last_call.description,
        hint="integers become float64; float32 stays float32 (np.maximum keeps X's dtype)",
    )  # fmt: skip


def test_relu_non_contiguous_input(submission, reference):
    """relu: a non-contiguous input (a slice with steps)"""
    base = np.random.default_rng(2).normal(size=(8, 9))
    check_against_reference(submission, reference, "relu", Strided(base, (2, 3)), hint=LAYOUT_HINT)


@pytest.mark.parametrize("function", ["relu", "relu_backward"])
def test_inputs_unmodified(submission, function):
    """Inputs are never modified and results never share memory with them"""
    rng = np.random.default_rng(3)
    args = (rng.normal(size=(4, 5)),)
    if function == "relu_backward":
        args += (rng.normal(size=(4, 5)),)
    getattr(submission, function)(*args)
    assert_call_clean(submission, names=("X", "dY"))


@pytest.mark.parametrize("shape", SHAPES[:3], ids=str)
def test_relu_backward_numerical(submission, shape):
    """relu_backward: matches the numerical gradient of sum(relu(X) * dY)"""
    rng = np.random.default_rng(4)
    X = rng.normal(size=shape)
    X[np.abs(X) < 0.1] = 0.5  # central differences are exact away from the kink at 0
    dY = rng.normal(size=shape)
    expected = numerical_gradient(lambda x: float((np.maximum(x, 0) * dY).sum()), X)
    assert_array(
        submission.relu_backward(X, dY), expected, rtol=1e-5, atol=1e-7,
        call=submission.last_call.description, hint=BACKWARD_HINT,
    )  # fmt: skip


def test_relu_backward_at_zero(submission):
    """relu_backward: the gradient at exactly 0 is 0"""
    X = np.array([0.0, -0.0, 1.0])
    assert_array(
        submission.relu_backward(X, np.ones(3)), np.array([0.0, 0.0, 1.0]),
        call=submission.last_call.description, hint="pass dY only where X > 0 (strictly)",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("function", "args", "why"),
    [
        ("relu", (np.array([1 + 2j, 3]),), "X holds complex numbers"),
        ("relu_backward", (np.ones((2, 3)), np.ones((2, 2))), "dY's shape differs from X's"),
        ("relu_backward", (np.ones(4), np.ones((4, 1))), "dY has another number of axes"),
    ],
)
def test_errors(submission, function, args, why):
    """Bad arguments raise ValueError"""
    assert_raises(ValueError, getattr(submission, function), *args, name=function, why=why)


def test_relu_speed(submission, speed):
    """relu: vectorised (CPU time within the limit of the reference's)"""
    speed.check("relu")
