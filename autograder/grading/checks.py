"""Checking helpers for hidden tests: one place that writes teaching failure messages.

Every message names the call (function and input shapes), says what was expected and what
came back, and adds the test's hint. None includes grader internals or test source.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np

from autograder.grading.mismatch import describe_mismatch
from autograder.grading.proxy import describe_call
from autograder.sandbox.faults import StudentRaised
from autograder.sandbox.protocol import Strided as Strided  # re-exported: tests send strided views


def _fail(call: str, problem: str, hint: str) -> AssertionError:
    text = f"{call}: {problem}"
    return AssertionError(text + (f"\nHint: {hint}" if hint else ""))


def assert_array(
    got: Any,
    expected: np.ndarray,
    *,
    call: str,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    dtype: np.dtype[Any] | type | None = None,
    hint: str = "",
    shape_hint: str | None = None,
    swapped_hint: str | None = None,
    dtype_hint: str | None = None,
) -> np.ndarray:
    """``got`` must be an ndarray of ``expected``'s shape (and ``dtype``), close in value.

    The hint fits what is wrong: ``shape_hint`` for a wrong shape (``swapped_hint`` for a
    2-D result of the shape transposed), ``dtype_hint`` for a wrong dtype, ``hint`` for
    wrong values and wherever the others are not given.
    """
    if not isinstance(got, np.ndarray):
        raise _fail(call, f"returned {type(got).__name__}, expected a NumPy array", hint)
    if got.shape != expected.shape:
        swapped = got.ndim == 2 and got.shape == expected.shape[::-1]
        fits = (swapped_hint if swapped else None) or shape_hint or hint
        empty = 0 in got.shape and 0 not in expected.shape
        problem = f"returned shape {got.shape}, expected shape {expected.shape}"
        raise _fail(call, problem, EMPTY_HINT + (f"; {fits}" if fits else "") if empty else fits)
    if dtype is not None and got.dtype != np.dtype(dtype):
        fits = hint if dtype_hint is None else dtype_hint
        raise _fail(call, f"returned dtype {got.dtype}, expected {np.dtype(dtype)}", fits)
    if got.dtype.kind not in "biuf":
        raise _fail(call, f"returned dtype {got.dtype}, expected real numbers", hint)
    close = np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        bad = np.argwhere(~close)
        first = tuple(int(i) for i in bad[0])
        error = np.abs(got.astype(np.float64) - expected.astype(np.float64))
        problem = (
            f"{bad.shape[0]} of {close.size} values are wrong; first at index {first}: "
            f"got {got[first].item()!r}, expected {expected[first].item()!r} "
            f"(largest error {np.nanmax(error):.3g})"
        )
        problem += "\n" + describe_mismatch(got, expected, close)
        raise _fail(call, problem, _rounding_hint(error, expected) or hint)
    return got


#: an empty result where the expected one is not: most often a slice that ends at ``-p``
EMPTY_HINT = (
    "your result is empty along an axis: a slice that ends at -p, such as dX[p:-p], is "
    "empty when p = 0 (0:-0 is 0:0); cut with dX[p : p + H] instead"
)
ROUNDING_HINT = (
    "every value is right to about {relative:.0e} of the largest one: that is rounding, not a "
    "wrong formula. Compute in the input's precision (float64 in, float64 arithmetic): look "
    "for a cast to np.float32 or a float32 array your code creates"
)
#: errors this small, relative to the largest expected value, are float32 rounding
_FLOAT32_RELATIVE = 1e-5


def _rounding_hint(error: np.ndarray, expected: np.ndarray) -> str:
    """The hint for results off only by float32 rounding (the test's own hint would send
    the student looking for a bug in the formula)."""
    scale = float(np.nanmax(np.abs(expected.astype(np.float64)))) if expected.size else 0.0
    if not scale or not np.isfinite(scale) or expected.dtype == np.float32:
        return ""
    relative = float(np.nanmax(error)) / scale
    return ROUNDING_HINT.format(relative=relative) if relative <= _FLOAT32_RELATIVE else ""


def assert_equal(got: Any, expected: Any, *, call: str, hint: str = "") -> Any:
    """``got`` must equal ``expected`` exactly, type included (ints, tuples, strings...).

    NumPy integer scalars count as ints and lists of them as equal to tuples only when
    ``expected`` is a list; a float where an int is expected is an error, with its own message.
    """
    normal = _plain(got)
    if normal == expected and type(normal) is type(expected):
        return got
    if normal == expected:
        problem = f"returned {normal!r} as {type(got).__name__}, expected {type(expected).__name__}"
    else:
        problem = f"returned {normal!r}, expected {expected!r}"
    raise _fail(call, problem, hint)


def assert_integers(got: Any, expected: int | tuple[int, ...], *, call: str, hint: str = "") -> Any:
    """Sizes and counts: ``got`` must be whole numbers equal to ``expected`` (an int, or a
    tuple of ints that may come back as a tuple or a list). Floats fail with a hint about
    floor division, even when their value is right."""
    if isinstance(expected, tuple):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            shown = f"{type(got).__name__} {got!r}"[:80]
            raise _fail(call, f"returned {shown}, expected a tuple like {expected}", "")
        values = list(got)
    else:
        values = [got]
    for value in values:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise _fail(
                call,
                f"returned {_plain(got)!r}, which holds a {type(value).__name__}; sizes are "
                f"whole numbers (expected {expected})",
                "use floor division // (not /)",
            )
    wanted = expected if isinstance(expected, tuple) else (expected,)
    if tuple(int(v) for v in values) != wanted:
        raise _fail(call, f"returned {_plain(got)!r}, expected {expected!r}", hint)
    return got


def call_with_hint(function: Callable[..., Any], *args: Any, hint: str, **kwargs: Any) -> Any:
    """Call a student function; if it raises, fail the test with its error and ``hint``.

    The stub's ``NotImplementedError`` passes through, so stubs keep their own message; a
    student's own ``NotImplementedError`` gets the hint like any other error.
    """
    try:
        return function(*args, **kwargs)
    except StudentRaised as exc:
        if exc.unfinished:
            raise
        raise AssertionError(f"{exc.describe()}\nHint: {hint}") from None


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def assert_call_clean(submission: Any, names: tuple[str, ...] = ("X", "K")) -> None:
    """The last proxied call left its inputs unmodified and returned fresh memory."""
    record = submission.last_call
    if record is None:
        raise AssertionError("no call to check (the grader needs a call first)")
    for index in record.mutated:
        name = _argument_name(index, names)
        raise _fail(
            record.description,
            f"modified its input {name}",
            "work on a copy (or write results into a new array); never change the inputs",
        )
    for index in record.aliased:
        name = _argument_name(index, names)
        raise _fail(
            record.description,
            f"returned an array that shares memory with its input {name}",
            "return a new array (e.g. np.array(..., copy=True)), not a view of the input",
        )


def _argument_name(key: int | str, names: tuple[str, ...]) -> str:
    if isinstance(key, str):
        return key
    return names[key] if key < len(names) else f"argument {key + 1}"


def assert_raises(
    exc_type: type[BaseException],
    function: Callable[..., Any],
    *args: Any,
    name: str,
    why: str,
    **kwargs: Any,
) -> None:
    """Calling ``function`` must raise ``exc_type`` (the student's own exception type)."""
    call = describe_call(name, args, kwargs)
    try:
        result = function(*args, **kwargs)
    except exc_type:
        return
    except Exception as exc:  # noqa: BLE001 - a different exception: say which
        shown = getattr(exc, "type_name", type(exc).__name__)
        raise _fail(call, f"raised {shown}, expected {exc_type.__name__} ({why})", "") from None
    raise _fail(
        call,
        f"returned {describe_value_short(result)} instead of raising {exc_type.__name__} ({why})",
        "",
    )


def describe_value_short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return type(value).__name__


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    """Central differences of a scalar function, computed in the trusted process."""
    x = x.astype(np.float64, copy=True)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + eps
        plus = f(x)
        x[index] = saved - eps
        minus = f(x)
        x[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad


# -- the hidden tests' idioms, written once ---------------------------------------------------


def check_against_reference(
    submission: Any,
    reference: Any,
    function: str,
    *args: Any,
    hint: str = "",
    shape_hint: str | None = None,
    swapped_hint: str | None = None,
    dtype: np.dtype[Any] | type | None = None,
    dtype_hint: str | None = None,
    clean: bool = False,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    **kwargs: Any,
) -> np.ndarray:
    """Call ``function`` on the submission and on the reference with the same arguments;
    the student's result must be the reference's (:func:`assert_array`). Returns it.

    - :class:`Strided` arguments reach the student as non-contiguous views and the
      reference as the same view (``.view``).
    - The hints are :func:`assert_array`'s: each fits what is wrong.
    - ``clean=True`` also checks that the call left its inputs unmodified and returned
      fresh memory, naming the inputs by the reference's parameter names.
    """
    own = getattr(reference, function)
    expected = own(*(_unwrapped(a) for a in args), **{k: _unwrapped(v) for k, v in kwargs.items()})
    got = getattr(submission, function)(*args, **kwargs)
    checked = assert_array(got, np.asarray(expected), call=submission.last_call.description,
                           rtol=rtol, atol=atol, dtype=dtype, hint=hint, shape_hint=shape_hint,
                           swapped_hint=swapped_hint, dtype_hint=dtype_hint)  # fmt: skip
    if clean:
        assert_call_clean(submission, names=parameter_names(own))
    return checked


def parameter_names(function: Callable[..., Any]) -> tuple[str, ...]:
    """The positional parameter names of a (reference) function: how messages name inputs."""
    return tuple(
        parameter.name
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    )


def _unwrapped(value: Any) -> Any:
    return value.view if isinstance(value, Strided) else value


#: the hint of every non-contiguous-input test
LAYOUT_HINT = "index with the array's shape, not assumptions about its memory layout"
