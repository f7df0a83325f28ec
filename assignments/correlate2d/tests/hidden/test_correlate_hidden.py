"""Hidden tests for stage 1. Students see each test's name and message, never this file."""

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

FLIP_HINT = "correlation does not flip the kernel; convolution flips it on both axes"
SHAPE_HINT = "the output has shape (n_h - k_h + 1, n_w - k_w + 1)"
VALUE_HINT = "Y[i, j] = sum(X[i:i+k_h, j:j+k_w] * K): the window starts at (i, j); " + FLIP_HINT
DX_SHAPE_HINT = (
    "dX has X's shape: it is the FULL convolution of dY with K, so pad dY by k - 1 on each "
    "side (k_h - 1 rows above and below, k_w - 1 columns left and right)"
)
DX_VALUE_HINT = (
    "dX is the full convolution of dY with K: pad dY by k - 1 on each side and correlate it "
    "with K flipped on both axes (K[::-1, ::-1]); in a loop over kernel offsets, ADD (+=) "
    "K[a, b] * dY into dX[a:a+o_h, b:b+o_w], since neighbouring windows overlap"
)
DK_HINT = (
    "dK is the correlation of X with dY (dY plays the kernel): dK[a, b] = "
    "sum(dY * X[a:a+o_h, b:b+o_w]), not a convolution (no flip)"
)
LEARN_HINT = (
    "check the gradient's sign (step against it: K -= lr * dK) and the loss: it is the SUM "
    "sum((correlate2d(X, K) - Y) ** 2), not the mean (with the mean the template's lr is far "
    "too small), so dY = 2 * (Y_hat - Y)"
)


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
        shape_hint=SHAPE_HINT,
        hint="Y[0, 0] = 0*0 + 1*1 + 3*2 + 4*3 = 19; " + FLIP_HINT,
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
    check_against_reference(
        submission, reference, "correlate2d", X, K, shape_hint=SHAPE_HINT, hint=FLIP_HINT
    )


@pytest.mark.parametrize(("x_shape", "k_shape"), SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_random_shapes(submission, reference, x_shape, k_shape):
    """correlate2d: random inputs of many shapes"""
    rng = np.random.default_rng(sum(x_shape) * 31 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    check_against_reference(
        submission, reference, "correlate2d", X, K, shape_hint=SHAPE_HINT, hint=VALUE_HINT
    )


DTYPE_HINT = (
    "integer inputs give float64 and float32 inputs keep float32 (no upcast): create the "
    "output with a floating-point dtype, since an integer output array truncates 2.5 to 2"
)


@pytest.mark.parametrize(
    ("x_dtype", "k_dtype", "expected"),
    [
        (np.int64, np.int64, np.float64),
        (np.int32, np.int64, np.float64),
        (np.uint8, np.float64, np.float64),
        (np.float32, np.float32, np.float32),
        (np.float64, np.float64, np.float64),
        (np.float32, np.float64, np.float64),
    ],
    ids=["int-int", "int32-int", "uint8-float-kernel", "float32", "float64", "float32-float64"],
)
def test_result_dtype(submission, reference, x_dtype, k_dtype, expected):
    """correlate2d: the dtype that comes back (ints give float64, float32 stays float32)"""
    rng = np.random.default_rng(7)
    X = rng.integers(0, 11, size=(5, 6)).astype(x_dtype)
    K = rng.integers(-3, 4, size=(2, 3))
    K = (K / 4 if np.dtype(k_dtype).kind == "f" else K).astype(k_dtype)  # quarters: exact
    got = submission.correlate2d(X, K)
    call = submission.last_call.description
    if isinstance(got, np.ndarray) and got.dtype != expected:
        raise AssertionError(
            f"{call}: returned dtype {got.dtype}, expected {np.dtype(expected)}\nHint: {DTYPE_HINT}"
        )
    assert_array(
        got,
        reference.correlate2d(X, K),
        call=call,
        rtol=1e-5 if expected == np.float32 else 1e-9,
        shape_hint=SHAPE_HINT,
        hint=VALUE_HINT,
    )


@pytest.mark.parametrize("layout", ["strided", "transposed", "strided-kernel"])
def test_non_contiguous_inputs(submission, reference, layout):
    """correlate2d: non-contiguous inputs (slices with steps, transposes)"""
    rng = np.random.default_rng(11)
    base = rng.normal(size=(14, 18))
    kernel = rng.normal(size=(3, 2))
    if layout == "strided":
        X, K = Strided(base, (2, 3)), kernel
    elif layout == "transposed":
        X, K = base.T, kernel
    else:
        X, K = base, Strided(rng.normal(size=(6, 4)), (2, 2))
    check_against_reference(submission, reference, "correlate2d", X, K, shape_hint=SHAPE_HINT,
                            hint=LAYOUT_HINT)  # fmt: skip


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
        shape_hint="convolution keeps correlation's output shape: flip the kernel on both axes "
        "with K[::-1, ::-1] (a transpose K.T is not a flip)",
        hint="flip the kernel on both axes: K[::-1, ::-1] (np.flipud or K[::-1] flips "
        "only the rows, K.T transposes)",
    )


def check_backward(submission, reference, X, K, dY):
    """correlate2d_backward(X, K, dY) against central differences of sum(dY * Y)."""
    got = submission.correlate2d_backward(X, K, dY)
    call = submission.last_call.description
    if not (isinstance(got, tuple | list) and len(got) == 2):
        raise AssertionError(f"{call}: returned {type(got).__name__}, expected a tuple (dX, dK)")
    dX = numerical_gradient(lambda x: float(np.sum(dY * reference.correlate2d(x, K))), X)
    dK = numerical_gradient(lambda k: float(np.sum(dY * reference.correlate2d(X, k))), K)
    tolerances = {"rtol": 1e-5, "atol": 1e-6}
    assert_array(
        got[0],
        dX,
        call=call + " → dX",
        shape_hint=DX_SHAPE_HINT,
        hint=DX_VALUE_HINT,
        **tolerances,
    )
    assert_array(
        got[1],
        dK,
        call=call + " → dK",
        shape_hint="dK has K's shape: correlate X with dY (dY plays the kernel)",
        hint=DK_HINT,
        **tolerances,
    )


def random_backward_inputs(x_shape, k_shape, seed):
    rng = np.random.default_rng(seed)
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    dY = rng.normal(size=(x_shape[0] - k_shape[0] + 1, x_shape[1] - k_shape[1] + 1))
    return X, K, dY


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [((4, 5), (2, 2)), ((6, 6), (3, 2)), ((3, 7), (1, 3)), ((4, 4), (4, 4))],
    ids=lambda s: "x".join(map(str, s)),
)
def test_backward_numerical(submission, reference, x_shape, k_shape):
    """correlate2d_backward: gradients match numerical differentiation"""
    inputs = random_backward_inputs(x_shape, k_shape, x_shape[0] * 13 + k_shape[1])
    check_backward(submission, reference, *inputs)


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [
        ((5, 8), (2, 4)),  # non-square input and kernel, wider than tall
        ((9, 4), (4, 2)),  # taller than wide
        ((2, 9), (1, 5)),  # a 1×N kernel
        ((8, 3), (5, 1)),  # an N×1 kernel
        ((3, 6), (3, 6)),  # kernel = input (non-square): a single output
        ((1, 7), (1, 7)),  # a 1×N input and kernel of the same size
    ],
    ids=["5x8-2x4", "9x4-4x2", "1xN-kernel", "Nx1-kernel", "kernel-is-input", "1xN-is-input"],
)
def test_backward_geometry(submission, reference, x_shape, k_shape):
    """correlate2d_backward: non-square, 1×N and N×1 kernels, kernel as large as the input"""
    inputs = random_backward_inputs(x_shape, k_shape, x_shape[1] * 17 + k_shape[0])
    check_backward(submission, reference, *inputs)


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
        shape_hint="return the learned kernel, of shape kernel_shape",
        hint=LEARN_HINT,
    )


def test_correlate2d_speed(submission, speed):
    """correlate2d: vectorised (CPU time within the limit of the reference's)"""
    speed.check("correlate2d")
