"""Hidden tests for stage 4. Students see each test's name and message, never this file."""

import numpy as np
import pytest

from autograder.grading.checks import (
    LAYOUT_HINT,
    Strided,
    assert_array,
    assert_call_clean,
    assert_raises,
    call_with_hint,
    check_against_reference,
    numerical_gradient,
)

X16 = np.arange(16.0).reshape(4, 4)
PAD_MAX_HINT = (
    "max pooling pads with -inf (integers: the dtype's minimum), never with 0: "
    "a padded cell must never be a window's maximum"
)
PAD_AVG_HINT = (
    "average pooling pads with zeros and divides every window by k_h * k_w, padded cells "
    "included (PyTorch's count_include_pad=True)"
)
SHAPE_HINT = (
    "o_h = (H + 2 * p_h - k_h) // s_h + 1, rounded down: a last window that would stick out "
    "past the padded input is dropped (and the same for the width)"
)
STRIDE_HINT = "window i starts at row i * s_h - p_h of the input (and the same for columns)"
ROUTE_HINT = (
    "each output's gradient goes to the cell holding that window's maximum; when windows "
    "overlap, a cell that is the maximum of several windows receives the sum of their "
    "gradients (use +=, not =)"
)


def _dims(value):
    return "x".join(map(str, value)) if isinstance(value, tuple | list) else str(value)


def _config_ids(configs):
    """Readable test ids: 2x3x9x9-k3-s2-p1 (stride "default" when None)."""
    return [
        f"{_dims(shape)}-k{_dims(k)}-s{'default' if s is None else _dims(s)}-p{_dims(p)}"
        for shape, k, s, p in configs
    ]


def _distinct(rng, shape):
    """Random values without ties (a numerical gradient of max is defined away from ties)."""
    return rng.permutation(np.prod(shape, dtype=int)).reshape(shape) * 0.37 + rng.normal(
        scale=0.01, size=shape
    )


# --- forward: values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("max", [[5.0, 7.0], [13.0, 15.0]]), ("avg", [[2.5, 4.5], [10.5, 12.5]])],
    ids=["max", "avg"],
)
def test_hidden_examples(submission, mode, expected):
    """pool2d: 2×2 pooling of a 4×4 ramp"""
    assert_array(
        submission.pool2d(X16, 2, mode=mode),
        np.array(expected),
        call=submission.last_call.description,
        hint="each output is the max (or mean) of one 2×2 block; the stride defaults to 2",
    )


@pytest.mark.parametrize(
    ("shape", "k", "s", "p"),
    [
        ((4, 4), 3, 1, 1),
        ((5, 6), 2, 2, 1),
        ((6, 6), 3, 2, 1),
        ((2, 3, 5, 5), 3, 3, 1),
        ((7, 5), (3, 2), (2, 1), (1, 1)),
    ],
    ids=["3x3-s1-p1", "2x2-s2-p1", "3x3-s2-p1", "batch-3x3-s3-p1", "3x2-pairs"],
)
def test_max_padding_negative_inputs(submission, reference, shape, k, s, p):
    """pool2d: max pooling with padding on all-negative inputs (padding is -inf, not 0)"""
    X = -1.0 - np.random.default_rng(sum(shape)).uniform(size=shape) * 10
    check_against_reference(
        submission, reference, "pool2d", X, k, stride=s, padding=p, hint=PAD_MAX_HINT
    )


@pytest.mark.parametrize(
    ("shape", "k", "s", "p"),
    [((4, 4), 3, 1, 1), ((5, 6), 2, 2, 1), ((3, 6, 6), 3, 2, 1), ((6, 5), (2, 3), 1, (1, 1))],
    ids=["3x3-s1-p1", "2x2-s2-p1", "batch-3x3-s2-p1", "2x3-pairs"],
)
def test_avg_counts_padding(submission, reference, shape, k, s, p):
    """pool2d: average pooling with padding divides by the full window size"""
    X = 1.0 + np.random.default_rng(sum(shape) + 1).uniform(size=shape)
    check_against_reference(
        submission, reference, "pool2d", X, k, stride=s, padding=p, mode="avg", hint=PAD_AVG_HINT
    )


@pytest.mark.parametrize(
    ("shape", "k"),
    [((6, 6), 2), ((6, 9), 3), ((7, 7), 2), ((6, 8), (3, 4))],
    ids=["6x6-k2", "6x9-k3", "7x7-k2-leftover", "6x8-k3x4"],
)
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_default_stride(submission, reference, shape, k, mode):
    """pool2d: the stride defaults to the window (non-overlapping windows)"""
    X = np.random.default_rng(shape[1] * 5 + len(str(k))).normal(size=shape)
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        k,
        mode=mode,
        hint="stride=None means stride = pool_size; rows and columns left over at the "
        "bottom and right that do not fill a window are dropped",
    )


@pytest.mark.parametrize(
    "shape", [(2, 3, 6, 8), (5, 6, 6), (1, 2, 1, 4, 4), (3, 1, 5, 7)], ids=_dims
)
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_leading_axes_kept_hidden(submission, reference, shape, mode):
    """pool2d: every leading axis is kept: (..., H, W) in, (..., o_h, o_w) out"""
    X = np.random.default_rng(len(shape) * 11 + shape[-1]).normal(size=shape)
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        2,
        stride=1,
        mode=mode,
        hint="pool over the last two axes only (index with [..., rows, cols]) and keep every "
        "leading axis in place and in its order: a reshape never moves axes, so move them "
        "back (np.moveaxis) before reshaping",
    )


CONFIGS = [
    ((8, 8), 3, 1, 0),  # overlapping
    ((9, 9), 3, 2, 0),  # overlapping, stride 2
    ((10, 11), 2, 3, 0),  # stride larger than the window: cells are skipped
    ((9, 12), (2, 3), (3, 2), 0),  # pairs
    ((7, 10), (3, 1), (1, 2), (1, 0)),  # pair padding
    ((2, 3, 9, 9), 3, 2, 1),  # ResNet's stem pooling on a batch
    ((6, 6), 1, 1, 0),  # 1×1 window: a copy
    ((5, 8), (5, 1), 1, 0),  # window as tall as the input
    ((3, 5, 5), 5, 1, 2),  # padding of half the window
]


@pytest.mark.parametrize(("shape", "k", "s", "p"), CONFIGS, ids=_config_ids(CONFIGS))
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_strides_and_windows(submission, reference, shape, k, s, p, mode):
    """pool2d: overlapping windows, strides larger than the window, pairs"""
    rng = np.random.default_rng(np.prod(shape) + (7 if mode == "max" else 3))
    X = rng.normal(size=shape)
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        k,
        s,
        p,
        mode,
        hint=f"{SHAPE_HINT}; {STRIDE_HINT}; pool_size, stride and padding may each be an "
        "int or a pair (rows, columns)",
    )


@pytest.mark.parametrize(
    ("k", "s", "p"),
    [((2, 3), (1, 2), (1, 0)), ([2, 3], [1, 2], [1, 0]), (np.int64(3), np.int64(2), np.int64(1))],
    ids=["tuples", "lists", "numpy-ints"],
)
def test_argument_types(submission, reference, k, s, p):
    """pool2d: pool_size, stride and padding as tuples, lists or NumPy integers"""
    X = np.random.default_rng(3).normal(size=(7, 9))
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        k,
        stride=s,
        padding=p,
        hint="accept an int or any pair (tuple or list) of ints",
    )


# --- forward: dtypes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dtype", "p"),
    [(np.uint8, 0), (np.uint8, 1), (np.int32, 0), (np.int64, 1), (np.int8, 1)],
    ids=["uint8", "uint8-padded", "int32", "int64-padded", "int8-padded"],
)
def test_max_integer_dtypes(submission, reference, dtype, p):
    """pool2d: max pooling of integers keeps their dtype (padding with the dtype's minimum)"""
    rng = np.random.default_rng(np.dtype(dtype).itemsize + p)
    info = np.iinfo(dtype)
    low = max(info.min + 1, -(10**6)) if info.min < 0 else 0
    X = rng.integers(low, min(info.max, 1000), size=(2, 6, 7), endpoint=True).astype(dtype)
    if info.min < 0:
        X = -np.abs(X)  # all values ≤ 0: padding with 0 would show
    got = call_with_hint(
        submission.pool2d, X, 3, stride=2, padding=p, hint="integers have no -inf: pad max "
        "pooling with np.iinfo(X.dtype).min (or leave padded cells out of the max)"
    )  # fmt: skip
    assert_array(
        got,
        reference.pool2d(X, 3, stride=2, padding=p),
        call=submission.last_call.description,
        dtype=dtype,
        rtol=0,
        atol=0,
        hint="max pooling picks input values, so the result keeps the input's dtype (uint8 in, "
        "uint8 out); " + PAD_MAX_HINT,
    )


@pytest.mark.parametrize(
    ("values", "p"),
    [("ramp", 0), ("large", 0), ("large", 1), ("int32", 1)],
    ids=["uint8-4x4-ramp", "uint8-near-255", "uint8-near-255-padded", "int32"],
)
def test_avg_integer_dtypes(submission, reference, values, p):
    """pool2d: average pooling of integers gives exact float64 (no truncation, no overflow)"""
    if values == "ramp":
        X = np.arange(16, dtype=np.uint8).reshape(4, 4)  # 2×2 means are not integers
    elif values == "large":
        X = (np.arange(16) + 240).astype(np.uint8).reshape(4, 4)  # sums overflow uint8
    else:
        X = np.random.default_rng(8).integers(-50, 50, size=(3, 4, 4)).astype(np.int32)
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        2,
        padding=p,
        mode="avg",
        dtype=np.float64,
        hint="sum in float64 (e.g. X.astype(np.float64) first): summing uint8 values "
        "in uint8 wraps around past 255, and an integer result truncates 2.5 to 2",
    )


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_float32_stays_float32(submission, reference, mode):
    """pool2d: float32 input gives a float32 result"""
    X = np.random.default_rng(4).normal(size=(2, 8, 8)).astype(np.float32)
    check_against_reference(
        submission,
        reference,
        "pool2d",
        X,
        3,
        stride=2,
        padding=1,
        mode=mode,
        dtype=np.float32,
        rtol=1e-5,
        atol=1e-6,
        hint="do not upcast float32 (np.zeros(shape) and np.full(shape, -np.inf) default to "
        "float64: pass dtype=X.dtype)",
    )


# --- forward: memory --------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["strided", "transposed", "strided-batch"])
def test_non_contiguous_inputs(submission, reference, layout):
    """pool2d: non-contiguous inputs (slices with steps, transposes)"""
    rng = np.random.default_rng(12)
    X = {
        "strided": lambda: Strided(rng.normal(size=(14, 18)), (2, 3)),
        "transposed": lambda: rng.normal(size=(11, 9)).T,
        "strided-batch": lambda: Strided(rng.normal(size=(4, 3, 12, 10)), (2, 1, 1, 2)),
    }[layout]()
    check_against_reference(submission, reference, "pool2d", X, 3, stride=2, padding=1,
                            hint=LAYOUT_HINT)  # fmt: skip


@pytest.mark.parametrize(
    ("k", "s", "mode"),
    [(1, 1, "max"), (1, 1, "avg"), (2, None, "max"), (3, 1, "avg")],
    ids=["1x1-max", "1x1-avg", "2x2-max", "3x3-avg"],
)
def test_pool2d_clean(submission, k, s, mode):
    """pool2d: the input is never modified and the result is a new array"""
    X = np.random.default_rng(6).normal(size=(2, 6, 6))
    submission.pool2d(X, k, stride=s, mode=mode)
    assert_call_clean(submission, names=("X",))


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_backward_clean(submission, mode):
    """pool2d_backward: X and dY are never modified and dX is a new array"""
    rng = np.random.default_rng(9)
    X, dY = rng.normal(size=(2, 4, 4)), rng.normal(size=(2, 4, 4))
    submission.pool2d_backward(X, dY, 1, stride=1, mode=mode)
    assert_call_clean(submission, names=("X", "dY"))


# --- errors -----------------------------------------------------------------------------

ERRORS = [
    ((4, 4), (2,), {"mode": "median"}, "mode must be 'max' or 'avg'", "unknown-mode"),
    ((6, 6), (3,), {"padding": 2}, "padding 2 is more than half of a 3-wide window", "pad-3-2"),
    (
        (6, 6),
        (2,),
        {"padding": (0, 2)},
        "padding 2 is more than half of a 2-wide window",
        "pad-pair",
    ),
    ((4, 4), (3,), {"padding": -1}, "padding cannot be negative", "negative-padding"),
    ((3, 3), (4,), {}, "the 4×4 window is larger than the 3×3 input", "window-too-big"),
    ((5, 2), ((2, 3),), {}, "the window is 3 wide but the input only 2", "window-too-wide"),
    (
        (2, 2),
        (5,),
        {"padding": 1},
        "the 5×5 window is larger than the padded 4×4 input",
        "pad-small",
    ),
    ((4, 4), (0,), {}, "a pool size of 0", "zero-pool-size"),
    ((4, 4), ((2, -1),), {}, "a negative pool size", "negative-pool-size"),
    ((4, 4), (2,), {"stride": 0}, "a stride of 0", "zero-stride"),
    ((4, 4), (2,), {"stride": (1, -2)}, "a negative stride", "negative-stride"),
    ((9,), (2,), {}, "X is 1-D: it needs at least 2 dimensions (..., H, W)", "1d-input"),
    ((), (1,), {}, "X is a scalar (0-D)", "0d-input"),
]


@pytest.mark.parametrize(
    ("shape", "args", "kwargs", "why"),
    [e[:4] for e in ERRORS],
    ids=[e[4] for e in ERRORS],
)
def test_pool2d_errors(submission, shape, args, kwargs, why):
    """pool2d: ValueError for bad arguments"""
    assert_raises(
        ValueError, submission.pool2d, np.ones(shape), *args, name="pool2d", why=why, **kwargs
    )


@pytest.mark.parametrize(
    ("dy_shape", "kwargs", "why"),
    [
        ((2, 3), {}, "dY must have the output's shape (2, 2)"),
        ((1, 2, 2), {}, "dY has an extra axis"),
        ((2, 2), {"mode": "sum"}, "mode must be 'max' or 'avg'"),
        ((2, 2), {"padding": 3}, "padding 3 is more than half of the 2-wide window"),
    ],
    ids=["wrong-dy-shape", "extra-axis", "unknown-mode", "too-much-padding"],
)
def test_backward_errors(submission, dy_shape, kwargs, why):
    """pool2d_backward: ValueError for bad arguments or a dY of the wrong shape"""
    assert_raises(
        ValueError,
        submission.pool2d_backward,
        np.ones((4, 4)),
        np.ones(dy_shape),
        2,
        name="pool2d_backward",
        why=why,
        **kwargs,
    )


# --- backward ---------------------------------------------------------------------------


BACKWARD_CONFIGS = [
    ((4, 4), 2, None, 0),
    ((6, 7), 3, 1, 0),  # overlapping windows
    ((7, 7), 3, 2, 1),
    ((2, 3, 5, 6), (2, 3), (1, 2), (1, 1)),
    ((9, 8), 2, 3, 0),  # stride > window: some cells get nothing
    ((8, 10), 3, 4, 1),  # stride > window with padding; 8 + 2 - 3 is not a multiple of 4
    ((2, 7, 11), (3, 2), (2, 3), (1, 1)),  # pairs; neither size divides by its stride
]


@pytest.mark.parametrize(
    ("shape", "k", "s", "p"), BACKWARD_CONFIGS, ids=_config_ids(BACKWARD_CONFIGS)
)
def test_backward_max_numerical(submission, reference, shape, k, s, p):
    """pool2d_backward: max gradient matches numerical differentiation (no ties)"""
    rng = np.random.default_rng(np.prod(shape))
    X = _distinct(rng, shape)
    dY = rng.normal(size=reference.pool2d(X, k, s, p).shape)
    got = submission.pool2d_backward(X, dY, k, s, p, "max")
    expected = numerical_gradient(lambda x: float(np.sum(dY * reference.pool2d(x, k, s, p))), X)
    assert_array(
        got,
        expected,
        call=submission.last_call.description,
        rtol=1e-5,
        atol=1e-6,
        hint=ROUTE_HINT + "; padded cells never receive gradient",
    )


@pytest.mark.parametrize(
    ("shape", "k", "s", "p"), BACKWARD_CONFIGS, ids=_config_ids(BACKWARD_CONFIGS)
)
def test_backward_avg_numerical(submission, reference, shape, k, s, p):
    """pool2d_backward: average gradient matches numerical differentiation"""
    rng = np.random.default_rng(np.prod(shape) + 1)
    X = rng.normal(size=shape)
    dY = rng.normal(size=reference.pool2d(X, k, s, p, "avg").shape)
    got = submission.pool2d_backward(X, dY, k, s, p, "avg")
    expected = numerical_gradient(
        lambda x: float(np.sum(dY * reference.pool2d(x, k, s, p, "avg"))), X
    )
    assert_array(
        got,
        expected,
        call=submission.last_call.description,
        rtol=1e-5,
        atol=1e-6,
        hint="every cell of a window receives dY / (k_h * k_w) from it (padded cells "
        "included in the count); overlapping windows add up",
    )


def test_backward_shared_maximum(submission):
    """pool2d_backward: a maximum shared by overlapping windows gets the sum of their gradients"""
    X = np.zeros((5, 5))
    X[2, 2] = 9.0  # the maximum of all nine 3×3 windows
    X[0, 0] = -1.0
    dY = np.arange(1.0, 10.0).reshape(3, 3)
    got = submission.pool2d_backward(X - 5.0, dY, 3, 1, 0, "max")
    expected = np.zeros((5, 5))
    expected[2, 2] = dY.sum()
    assert_array(got, expected, call=submission.last_call.description, hint=ROUTE_HINT)


TIE_CONFIGS = [((4, 4), 2, None, 0), ((6, 6), 3, 1, 1), ((2, 5, 5), 2, 1, 1)]


@pytest.mark.parametrize(
    ("shape", "k", "s", "p"),
    TIE_CONFIGS,
    ids=_config_ids(TIE_CONFIGS),
)
def test_backward_max_ties(submission, reference, shape, k, s, p):
    """pool2d_backward: ties go to the first maximum in row-major window order"""
    rng = np.random.default_rng(np.prod(shape) + 5)
    X = rng.integers(0, 2, size=shape).astype(np.float64)  # many ties
    dY = rng.normal(size=reference.pool2d(X, k, s, p).shape)
    check_against_reference(
        submission,
        reference,
        "pool2d_backward",
        X,
        dY,
        k,
        s,
        p,
        "max",
        hint="when several cells of a window hold its maximum, the whole gradient goes to "
        "the first of them, scanning the window row by row (top to bottom, left to right) "
        "as PyTorch does, never to all of them",
    )


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_backward_leading_axes(submission, reference, mode):
    """pool2d_backward: leading axes are kept and each image gets its own gradient"""
    rng = np.random.default_rng(21)
    X = _distinct(rng, (2, 3, 6, 6))
    dY = rng.normal(size=(2, 3, 3, 3))
    check_against_reference(
        submission,
        reference,
        "pool2d_backward",
        X,
        dY,
        2,
        mode=mode,
        hint="dX has X's shape (..., H, W); work over the last two axes only",
    )


@pytest.mark.parametrize("dtype", [np.uint8, np.int64])
def test_backward_integer_input(submission, reference, dtype):
    """pool2d_backward: integer X gives a float64 gradient"""
    X = np.random.default_rng(2).permutation(36).reshape(6, 6).astype(dtype)
    dY = np.full((3, 3), 0.5)
    hint = (
        "gradients are real numbers: build dX as float64 (np.zeros(X.shape)), not "
        "np.zeros_like(X), which would be an integer array"
    )
    assert_array(
        call_with_hint(submission.pool2d_backward, X, dY, 2, hint=hint),
        reference.pool2d_backward(X, dY, 2),
        call=submission.last_call.description,
        dtype=np.float64,
        hint=hint,
    )


# --- speed ------------------------------------------------------------------------------


def test_pool2d_speed(submission, speed):
    """pool2d: vectorised (CPU time within the limit of the reference's)"""
    speed.check("pool2d")


def test_pool2d_speed_pixels(submission, speed):
    """pool2d: vectorised over the output pixels (a 1×1 window over a large image)"""
    speed.check("pool2d:pixels")
