"""Hidden tests for stage 1. Students see each test's name and message, never this file."""

import numpy as np
import pytest

from autograder.checks import assert_array, assert_call_clean, assert_raises, numerical_gradient
from autograder.sandbox.protocol import Strided

FLIP_HINT = "correlation does not flip the kernel; convolution flips it on both axes"
SHAPES = [
    ((6, 6), (3, 3)),
    ((7, 5), (2, 3)),
    ((1, 9), (1, 4)),  # 1×k
    ((9, 1), (4, 1)),  # k×1
    ((4, 6), (4, 6)),  # kernel = input: a single output
    ((12, 17), (5, 2)),
]


def test_hidden_lecture_example(submission):
    """correlate2d: the lecture's example gives [[19, 25], [37, 43]]"""
    X = np.arange(9.0).reshape(3, 3)
    K = np.array([[0.0, 1.0], [2.0, 3.0]])
    assert_array(
        submission.correlate2d(X, K),
        np.array([[19.0, 25.0], [37.0, 43.0]]),
        call=submission.last_call.description,
    )


@pytest.mark.parametrize(
    "kernel",
    [[[1.0, -1.0]], [[1.0], [-2.0]], [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]],
    ids=["horizontal-edge", "vertical-edge", "2x3-ramp"],
)
def test_asymmetric_kernels(submission, reference, kernel):
    """correlate2d: asymmetric kernels (a symmetric one would hide flipping bugs)"""
    X = np.random.default_rng(1).normal(size=(6, 7))
    K = np.array(kernel)
    assert_array(
        submission.correlate2d(X, K),
        reference.correlate2d(X, K),
        call=submission.last_call.description,
        hint=FLIP_HINT,
    )


@pytest.mark.parametrize(("x_shape", "k_shape"), SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_random_shapes(submission, reference, x_shape, k_shape):
    """correlate2d: random inputs of many shapes"""
    rng = np.random.default_rng(sum(x_shape) * 31 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    assert_array(
        submission.correlate2d(X, K),
        reference.correlate2d(X, K),
        call=submission.last_call.description,
        hint="the output has shape (n_h - k_h + 1, n_w - k_w + 1)",
    )


@pytest.mark.parametrize(
    ("x_dtype", "k_dtype", "expected"),
    [
        (np.int64, np.int64, np.float64),
        (np.int32, np.int64, np.float64),
        (np.float32, np.float32, np.float32),
        (np.float64, np.float64, np.float64),
        (np.float32, np.float64, np.float64),
    ],
    ids=["int-int", "int32-int", "float32", "float64", "float32-float64"],
)
def test_result_dtype(submission, reference, x_dtype, k_dtype, expected):
    """correlate2d: the dtype that comes back (ints give float64, float32 stays float32)"""
    rng = np.random.default_rng(7)
    X = rng.integers(-5, 6, size=(5, 6)).astype(x_dtype)
    K = rng.integers(-3, 4, size=(2, 3)).astype(k_dtype)
    tolerance = 1e-5 if expected == np.float32 else 1e-9
    assert_array(
        submission.correlate2d(X, K),
        reference.correlate2d(X, K),
        call=submission.last_call.description,
        dtype=expected,
        rtol=tolerance,
        hint="integer inputs give float64; float32 inputs keep float32 (no upcast)",
    )


@pytest.mark.parametrize("layout", ["strided", "transposed", "strided-kernel"])
def test_non_contiguous_inputs(submission, reference, layout):
    """correlate2d: non-contiguous inputs (slices with steps, transposes)"""
    rng = np.random.default_rng(11)
    base = rng.normal(size=(14, 18))
    kernel = rng.normal(size=(3, 2))
    if layout == "strided":
        X, K = Strided(base, (2, 3)), kernel
        expected = reference.correlate2d(X.view, K)
    elif layout == "transposed":
        X, K = base.T, kernel
        expected = reference.correlate2d(X, K)
    else:
        X, K = base, Strided(rng.normal(size=(6, 4)), (2, 2))
        expected = reference.correlate2d(X, K.view)
    assert_array(
        submission.correlate2d(X, K),
        expected,
        call=submission.last_call.description,
        hint="index with the array's shape, not assumptions about its memory layout",
    )


@pytest.mark.parametrize("function", ["correlate2d", "convolve2d", "correlate2d_backward"])
def test_inputs_unmodified(submission, function):
    """Inputs are never modified and results never share memory with them"""
    rng = np.random.default_rng(5)
    X, K = rng.normal(size=(6, 6)), rng.normal(size=(2, 2))
    args = (X, K, rng.normal(size=(5, 5))) if function == "correlate2d_backward" else (X, K)
    getattr(submission, function)(*args)
    assert_call_clean(submission, names=("X", "K", "dY"))


@pytest.mark.parametrize(
    ("x_shape", "k_shape", "why"),
    [
        ((3, 3), (4, 2), "the kernel is taller than the input"),
        ((3, 3), (2, 4), "the kernel is wider than the input"),
        ((9,), (2, 2), "X is 1-D"),
        ((2, 3, 3), (2, 2), "X is 3-D"),
        ((4, 4), (3,), "K is 1-D"),
    ],
    ids=["tall-kernel", "wide-kernel", "1d-input", "3d-input", "1d-kernel"],
)
def test_errors(submission, x_shape, k_shape, why):
    """correlate2d: ValueError for bad shapes"""
    assert_raises(
        ValueError,
        submission.correlate2d,
        np.ones(x_shape),
        np.ones(k_shape),
        name="correlate2d",
        why=why,
    )


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [((5, 5), (2, 2)), ((6, 9), (3, 4)), ((4, 4), (1, 3))],
    ids=lambda s: "x".join(map(str, s)),
)
def test_convolve_matches_flipped_correlation(submission, reference, x_shape, k_shape):
    """convolve2d: equals correlation with the kernel flipped on both axes"""
    rng = np.random.default_rng(x_shape[1] * 7 + k_shape[1])
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    assert_array(
        submission.convolve2d(X, K),
        reference.correlate2d(X, K[::-1, ::-1]),
        call=submission.last_call.description,
        hint="flip the kernel on both axes: K[::-1, ::-1]",
    )


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [((4, 5), (2, 2)), ((6, 6), (3, 2)), ((3, 7), (1, 3)), ((4, 4), (4, 4))],
    ids=lambda s: "x".join(map(str, s)),
)
def test_backward_numerical(submission, reference, x_shape, k_shape):
    """correlate2d_backward: gradients match numerical differentiation"""
    rng = np.random.default_rng(x_shape[0] * 13 + k_shape[1])
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    dY = rng.normal(size=(x_shape[0] - k_shape[0] + 1, x_shape[1] - k_shape[1] + 1))
    got = submission.correlate2d_backward(X, K, dY)
    call = submission.last_call.description
    if not (isinstance(got, tuple | list) and len(got) == 2):
        raise AssertionError(f"{call}: returned {type(got).__name__}, expected a tuple (dX, dK)")
    dX = numerical_gradient(lambda x: float(np.sum(dY * reference.correlate2d(x, K))), X)
    dK = numerical_gradient(lambda k: float(np.sum(dY * reference.correlate2d(X, k))), K)
    assert_array(
        got[0],
        dX,
        call=call + " → dX",
        rtol=1e-5,
        atol=1e-6,
        hint="dX is the full convolution of dY with K (pad dY by k - 1 on each side)",
    )
    assert_array(
        got[1],
        dK,
        call=call + " → dK",
        rtol=1e-5,
        atol=1e-6,
        hint="dK is the correlation of X with dY",
    )


def test_learn_kernel(submission):
    """learn_kernel: recovers about [[1, -1]] from the book's edge image"""
    X = np.ones((6, 8))
    X[:, 2:6] = 0.0
    Y = np.zeros((6, 7))
    Y[:, 1], Y[:, 5] = 1.0, -1.0
    K = submission.learn_kernel(X, Y, (1, 2))
    assert_array(
        K,
        np.array([[1.0, -1.0]]),
        call=submission.last_call.description,
        atol=0.05,
        rtol=0.0,
        hint="check the gradient's sign and the learning rate; the loss "
        "is sum((correlate2d(X, K) - Y) ** 2), so dY = 2 * (Y_hat - Y)",
    )


def test_correlate2d_speed(submission, speed):
    """correlate2d: vectorised (CPU time within the limit of the reference's)"""
    speed.check("correlate2d")
