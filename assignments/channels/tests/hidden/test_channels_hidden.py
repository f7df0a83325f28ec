"""Hidden tests for stage 3. Students see each test's name and message, never this file."""

import numpy as np
import pytest

from autograder.grading.checks import (
    Strided,
    assert_array,
    assert_call_clean,
    assert_raises,
    check_against_reference,
    numerical_gradient,
)

PAIRING_HINT = (
    "channel c of X is correlated with channel c of the kernel, and the c_i results are "
    "added (summed, not averaged)"
)
OUT_HINT = (
    "output channel o is correlate2d_multi_in(X, K[o]): K is (c_o, c_i, k_h, k_w), so K[o, c] "
    "pairs output channel o with input channel c (not K[c, o])"
)
CONV_HINT = (
    "Y[i, o] = sum over c of the correlation of zero-padded X[i, c] with W[o, c], keeping "
    "every s-th position, plus b[o]; output size (h + 2*p_h - k_h)//s_h + 1 (same for w); "
    "padding adds p zeros on each side; a pair is (for height, for width)"
)


def magnitude(reference, X, W, b, **geometry):
    """The largest sum of |x * w| (+ |b|) behind one output value: rounding errors of a sum
    scale with it, so float32 comparisons use it as the absolute tolerance's unit."""
    return float(np.max(reference.conv2d(np.abs(X), np.abs(W), np.abs(b), **geometry)))


# --- correlate2d_multi_in --------------------------------------------------------------------


@pytest.mark.parametrize("function", ["correlate2d_multi_in", "correlate2d_multi_in_out"])
def test_hidden_book_examples(submission, function):
    """The book's two-channel examples"""
    X = np.array([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]])
    K = np.array([[[0.0, 1], [2, 3]], [[1.0, 2], [3, 4]]])
    if function == "correlate2d_multi_in":
        got = submission.correlate2d_multi_in(X, K)
        expected = np.array([[56.0, 72.0], [104.0, 120.0]])
    else:
        got = submission.correlate2d_multi_in_out(X, np.stack([K, K + 1, K + 2]))
        expected = np.array(
            [[[56.0, 72], [104, 120]], [[76.0, 100], [148, 172]], [[96.0, 128], [192, 224]]]
        )
    hint = PAIRING_HINT if function == "correlate2d_multi_in" else OUT_HINT
    assert_array(got, expected, call=submission.last_call.description, hint=hint)


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [
        ((2, 5, 6), (2, 3, 2)),
        ((3, 7, 4), (3, 2, 2)),
        ((4, 6, 5), (4, 1, 3)),
        ((1, 5, 5), (1, 2, 2)),  # a single channel: stage 1's correlation
        ((3, 4, 4), (3, 4, 4)),  # kernel = input: one output
    ],
    ids=lambda s: "x".join(map(str, s)),
)
def test_multi_in_random(submission, reference, x_shape, k_shape):
    """correlate2d_multi_in: random inputs whose channels all differ"""
    rng = np.random.default_rng(sum(x_shape) * 17 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    check_against_reference(submission, reference, "correlate2d_multi_in", X, K, hint=PAIRING_HINT)


def test_multi_in_sums_channels(submission):
    """correlate2d_multi_in: every channel counts once, paired with its own kernel channel"""
    # X[c] is the constant c + 1 and K[c] the constant 10**c, so each output value spells
    # out which pairs were used: 4 * (1*1 + 2*10 + 3*100) = 1284. Averaging gives 428,
    # reversed pairing 492, channel 0 alone 4.
    X = np.ones((3, 4, 5)) * np.array([1.0, 2.0, 3.0])[:, None, None]
    K = np.ones((3, 2, 2)) * np.array([1.0, 10.0, 100.0])[:, None, None]
    assert_array(
        submission.correlate2d_multi_in(X, K),
        np.full((3, 4), 1284.0),
        call=submission.last_call.description,
        hint=PAIRING_HINT + "; with X[c] = c + 1 and K[c] = 10**c every value must be "
        "4 * (1*1 + 2*10 + 3*100) = 1284",
    )


# --- correlate2d_multi_in_out ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [
        ((3, 6, 6), (3, 3, 2, 2)),  # c_o == c_i: swapping the two axes keeps the shape
        ((2, 5, 7), (4, 2, 3, 3)),
        ((4, 5, 5), (2, 4, 1, 2)),
        ((1, 4, 6), (3, 1, 2, 3)),
        ((2, 4, 4), (1, 2, 4, 4)),
    ],
    ids=lambda s: "x".join(map(str, s)),
)
def test_multi_in_out_random(submission, reference, x_shape, k_shape):
    """correlate2d_multi_in_out: random inputs and kernel banks"""
    rng = np.random.default_rng(sum(x_shape) * 19 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    check_against_reference(submission, reference, "correlate2d_multi_in_out", X, K, hint=OUT_HINT)


def test_multi_in_out_pairing(submission):
    """correlate2d_multi_in_out: K[o, c] pairs output channel o with input channel c"""
    X = np.stack([np.ones((3, 3)), 10.0 * np.ones((3, 3))])  # channels 1 and 10
    K = np.ones((2, 2, 2, 2)) * np.array([[1.0, 2.0], [3.0, 4.0]])[:, :, None, None]
    # out 0: 4 * (1*1 + 10*2) = 84; out 1: 4 * (1*3 + 10*4) = 172 (swapped axes: 124, 168)
    expected = np.stack([np.full((2, 2), 84.0), np.full((2, 2), 172.0)])
    assert_array(
        submission.correlate2d_multi_in_out(X, K),
        expected,
        call=submission.last_call.description,
        hint=OUT_HINT,
    )


# --- correlate2d_1x1 ---------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("form", ["2d", "4d"], ids=["K-(c_o,c_i)", "K-(c_o,c_i,1,1)"])
def test_1x1_matches_general(submission, reference, dtype, form):
    """correlate2d_1x1: equals the general multi_in_out correlation (to float rounding)"""
    rng = np.random.default_rng(23)
    X, K = rng.normal(size=(6, 5, 7)), rng.normal(size=(4, 6))
    expected = reference.correlate2d_multi_in_out(X, K[:, :, None, None])  # float64
    kernel = K if form == "2d" else K[:, :, None, None]
    got = submission.correlate2d_1x1(X.astype(dtype), kernel.astype(dtype))
    scale = float(np.max(np.abs(K) @ np.abs(X).reshape(6, -1)))
    tolerance = 1e-5 if dtype == np.float32 else 1e-12
    assert_array(
        got,
        expected,
        call=submission.last_call.description,
        dtype=dtype,
        rtol=tolerance,
        atol=tolerance * scale,
        hint="a 1×1 convolution mixes channels pixel by pixel: Y[:, i, j] = K @ X[:, i, j] "
        "for every pixel, i.e. one (c_o, c_i) @ (c_i, h*w) product; float32 inputs stay float32",
    )


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "x_shape", "k_shape", "why"),
    [
        (
            "correlate2d_multi_in",
            (3, 5, 5),
            (2, 2, 2),
            "X has 3 channels, K has 2; zip(X, K) silently stops at the shorter one",
        ),
        ("correlate2d_multi_in", (5, 5), (1, 2, 2), "X is 2-D, not (c_i, h, w)"),
        ("correlate2d_multi_in", (2, 5, 5), (2, 2), "K is 2-D, not (c_i, k_h, k_w)"),
        ("correlate2d_multi_in", (2, 3, 3), (2, 4, 2), "the kernel is taller than the input"),
        (
            "correlate2d_multi_in_out",
            (2, 5, 5),
            (4, 3, 2, 2),
            "X has 2 channels, K expects 3; zip(X, K[o]) silently stops at the shorter one",
        ),
        ("correlate2d_multi_in_out", (2, 5, 5), (2, 2, 2), "K is 3-D, not (c_o, c_i, k_h, k_w)"),
        ("correlate2d_multi_in_out", (2, 3, 3), (1, 2, 3, 4), "the kernel is wider than X"),
        ("correlate2d_1x1", (3, 4, 4), (2, 4), "X has 3 channels, K expects 4"),
        ("correlate2d_1x1", (3, 4, 4), (2, 3, 2, 2), "the kernel is 2×2, not 1×1"),
        ("correlate2d_1x1", (3, 4, 4), (2, 3, 1), "K is 3-D"),
        ("correlate2d_1x1", (4, 4), (2, 4), "X is 2-D"),
    ],
    ids=[
        "multi_in-channels",
        "multi_in-2d-X",
        "multi_in-2d-K",
        "multi_in-big-kernel",
        "multi_in_out-channels",
        "multi_in_out-3d-K",
        "multi_in_out-big-kernel",
        "1x1-channels",
        "1x1-not-1x1",
        "1x1-3d-K",
        "1x1-2d-X",
    ],
)
def test_multi_errors(submission, function, x_shape, k_shape, why):
    """ValueError for mismatched channels, wrong numbers of axes and oversized kernels"""
    assert_raises(
        ValueError,
        getattr(submission, function),
        np.ones(x_shape),
        np.ones(k_shape),
        name=function,
        why=why,
    )


# --- conv2d ------------------------------------------------------------------------------------

CONV_CASES = {
    "int-stride1-pad1-bias": ((2, 3, 7, 8), (4, 3, 3, 3), True, 1, 1),
    "stride2-pad0": ((3, 2, 9, 9), (2, 2, 3, 3), False, 2, 0),
    "pair-stride": ((2, 3, 8, 10), (4, 3, 3, 2), True, (2, 3), 0),
    "pair-padding": ((1, 2, 5, 6), (3, 2, 4, 3), True, 1, (2, 1)),
    "pairs-as-lists": ((2, 4, 9, 7), (5, 4, 2, 3), False, [3, 2], [1, 2]),
    "square-channels": ((2, 3, 6, 6), (3, 3, 3, 3), True, 1, 0),
    "kernel-fits-only-padded": ((1, 2, 2, 3), (2, 2, 3, 3), True, 1, 1),
    "1x1-stride2": ((2, 5, 4, 4), (3, 5, 1, 1), False, 2, 0),
    "stride-beyond-kernel": ((1, 1, 9, 9), (1, 1, 2, 2), True, 4, 1),
    "padding-beyond-kernel": ((2, 1, 3, 4), (2, 1, 2, 2), False, 1, 3),
}


@pytest.mark.parametrize("case", list(CONV_CASES), ids=list(CONV_CASES))
def test_conv2d_random(submission, reference, case):
    """conv2d: batches with int and pair strides and paddings, with and without bias"""
    x_shape, w_shape, with_bias, stride, padding = CONV_CASES[case]
    rng = np.random.default_rng(sum(x_shape) * 29 + sum(w_shape))
    X, W = rng.normal(size=x_shape), rng.normal(size=w_shape)
    b = rng.normal(size=w_shape[0]) if with_bias else None
    check_against_reference(
        submission, reference, "conv2d", X, W, b=b, stride=stride, padding=padding, hint=CONV_HINT
    )


def test_conv2d_bias(submission, reference):
    """conv2d: b[o] is added to every pixel of output channel o"""
    rng = np.random.default_rng(31)
    # o_w == c_o == 3, so adding b along the width axis still has the right shape
    X, W = rng.normal(size=(2, 2, 5, 5)), rng.normal(size=(3, 2, 3, 3))
    b = np.array([1.0, -20.0, 300.0])
    check_against_reference(
        submission,
        reference,
        "conv2d",
        X,
        W,
        b,
        hint="add b[:, None, None] to each image's (c_o, o_h, o_w) result (or "
        "b[None, :, None, None] to the batch), not b along the last axis",
    )


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [(np.float32, np.float32), (np.float64, np.float64), (np.int64, np.float64)],
    ids=["float32", "float64", "int64"],
)
def test_conv2d_dtype(submission, reference, dtype, expected):
    """conv2d: float32 stays float32, float64 stays float64, integers give float64"""
    rng = np.random.default_rng(37)
    X64 = rng.integers(-4, 5, size=(3, 4, 9, 8)).astype(np.float64)
    W64 = rng.integers(-3, 4, size=(5, 4, 3, 3)).astype(np.float64)
    b64 = rng.integers(-3, 4, size=5).astype(np.float64)
    if dtype == np.float32:  # fractions so that float32 rounding happens
        X64, W64 = X64 / 7.0, W64 / 3.0
    X, W, b = X64.astype(dtype), W64.astype(dtype), b64.astype(dtype)
    expected_values = reference.conv2d(X.astype(np.float64), W.astype(np.float64),
                                       b.astype(np.float64), stride=2, padding=1)  # fmt: skip
    tolerance = 1e-5 if expected == np.float32 else 1e-12
    scale = magnitude(reference, X64, W64, b64, stride=2, padding=1)
    got = submission.conv2d(X, W, b, stride=2, padding=1)
    call = submission.last_call.description
    if isinstance(got, np.ndarray) and got.dtype != np.dtype(expected):
        raise AssertionError(
            f"{call}: returned dtype {got.dtype}, expected {np.dtype(expected)}\nHint: work out "
            "the result dtype first (integers → float64, float32 stays float32) and create "
            "every buffer with it; np.zeros(shape) alone is float64"
        )
    assert_array(
        got,
        expected_values,
        call=call,
        rtol=tolerance,
        atol=tolerance * scale,
        hint=CONV_HINT,
    )


@pytest.mark.parametrize("layout", ["strided-X", "fortran-W"])
def test_conv2d_non_contiguous(submission, reference, layout):
    """conv2d: non-contiguous inputs (slices with steps, transposes)"""
    rng = np.random.default_rng(41)
    if layout == "strided-X":
        X, W = Strided(rng.normal(size=(2, 6, 10, 12)), (1, 2, 1, 2)), rng.normal(size=(2, 3, 3, 2))
        expected = reference.conv2d(X.view, W, stride=1, padding=1)
    else:
        X, W = rng.normal(size=(2, 3, 7, 6)), rng.normal(size=(2, 3, 3, 4)).T  # (4, 3, 3, 2)
        expected = reference.conv2d(X, W, stride=1, padding=1)
    got = submission.conv2d(X, W, stride=1, padding=1)
    call = submission.last_call.description
    close = isinstance(got, np.ndarray) and got.shape == expected.shape
    if not (close and np.allclose(got, expected, rtol=1e-6, atol=1e-9)):
        # wrong: is it the layout, or is the result wrong for contiguous copies too?
        plain = X.view if isinstance(X, Strided) else X
        copy = submission.conv2d(np.ascontiguousarray(plain), np.ascontiguousarray(W), 1, 1)
        layout_only = isinstance(copy, np.ndarray) and copy.shape == expected.shape
        layout_only = layout_only and np.allclose(copy, expected, rtol=1e-6, atol=1e-9)
        hint = (
            "your result is right for contiguous copies of the same arrays: index with the "
            "arrays' shapes, not assumptions about their memory layout (reshape of a "
            "non-contiguous array copies; .strides differ)"
            if layout_only
            else CONV_HINT + " (the result is wrong for contiguous copies of these arrays too)"
        )
        assert_array(got, expected, call=call, hint=hint)


CLEAN_CALLS = {
    "correlate2d_multi_in": (("X", "K"), [(3, 5, 6), (3, 2, 2)]),
    "correlate2d_multi_in_out": (("X", "K"), [(3, 5, 6), (2, 3, 2, 2)]),
    "correlate2d_1x1": (("X", "K"), [(3, 5, 6), (2, 3)]),
    "conv2d": (("X", "W", "b"), [(2, 3, 5, 6), (2, 3, 2, 2), (2,)]),
    "conv2d_backward": (("X", "W", "dY"), [(2, 3, 5, 6), (2, 3, 2, 2), (2, 2, 4, 5)]),
}


@pytest.mark.parametrize("function", list(CLEAN_CALLS))
def test_inputs_unmodified(submission, function):
    """Inputs are never modified and results never share memory with them"""
    names, shapes = CLEAN_CALLS[function]
    rng = np.random.default_rng(43)
    getattr(submission, function)(*(rng.normal(size=shape) for shape in shapes))
    assert_call_clean(submission, names=names)


CONV_ERRORS = {
    "channel-mismatch": ((2, 3, 5, 5), (4, 2, 3, 3), None, {}, "X has 3 channels, W expects 2"),
    "3d-X": ((3, 5, 5), (4, 3, 3, 3), None, {}, "X is 3-D, not (n, c_i, h, w)"),
    "3d-W": ((1, 3, 5, 5), (3, 3, 3), None, {}, "W is 3-D, not (c_o, c_i, k_h, k_w)"),
    "bias-length": ((1, 3, 5, 5), (4, 3, 3, 3), (3,), {}, "b has 3 entries for 4 channels"),
    "bias-2d": ((1, 3, 5, 5), (4, 3, 3, 3), (4, 1), {}, "b is 2-D, not (c_o,)"),
    "kernel-too-big": ((1, 1, 3, 3), (1, 1, 6, 6), None, {"padding": 1},
                       "the 6×6 kernel is larger than the padded 5×5 input"),
    "stride-0": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"stride": 0}, "stride 0"),
    "stride-negative": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"stride": -1}, "stride -1"),
    "stride-pair-0": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"stride": (1, 0)}, "stride (1, 0)"),
    "stride-3-values": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"stride": (1, 2, 1)},
                        "stride with 3 values"),
    "padding-negative": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"padding": -1}, "padding -1"),
    "padding-pair-negative": ((1, 1, 5, 5), (1, 1, 2, 2), None, {"padding": (0, -2)},
                              "padding (0, -2)"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CONV_ERRORS), ids=list(CONV_ERRORS))
def test_conv2d_errors(submission, case):
    """conv2d: ValueError for bad shapes, bias, stride or padding"""
    x_shape, w_shape, b_shape, kwargs, why = CONV_ERRORS[case]
    args = (np.ones(x_shape), np.ones(w_shape))
    if b_shape is not None:
        args += (np.ones(b_shape),)
    assert_raises(ValueError, submission.conv2d, *args, name="conv2d", why=why, **kwargs)


# --- conv2d_backward ---------------------------------------------------------------------------

BACKWARD_CASES = {
    "1x1x4x4-k2": ((1, 1, 4, 4), (1, 1, 2, 2), 1, 0),
    "channels-pad1": ((2, 2, 5, 5), (3, 2, 3, 3), 1, 1),
    "stride2": ((2, 2, 6, 5), (2, 2, 3, 2), 2, 0),
    "stride2-pad1": ((1, 3, 5, 6), (2, 3, 3, 3), 2, 1),
    "pairs": ((2, 1, 7, 6), (2, 1, 3, 2), (2, 1), (1, 0)),
    "stride3-k2": ((2, 2, 7, 6), (2, 2, 2, 2), 3, 0),  # windows skip rows; the last 2 unread
}


BACKWARD_HINTS = {
    "dX": "every output pixel sends dY[i, o, y, x] * W[o] back onto the (strided, padded) "
    "window it read; windows overlap, so add (+=) every contribution, never assign; cut the "
    "padding off at the end with dXp[:, :, p_h:p_h + h, p_w:p_w + w] (dXp[..., p:-p] is "
    "empty when p = 0); with stride > 1 the last rows or columns of the input may be read by "
    "no window and get zero gradient",
    "dW": "dW[o, c] is the correlation of padded X[i, c] with dY[i, o] (at the strided "
    "positions), summed over the batch (L is a sum: no 1/n)",
    "db": "db[o] is dY summed over the batch and all output pixels of channel o: "
    "dY.sum(axis=(0, 2, 3)) in the NCHW layout",
}


def check_backward(submission, reference, x_shape, w_shape, stride, padding):
    """conv2d_backward on random inputs against numerical differentiation of
    L = sum(dY * conv2d(X, W, b)) through the reference."""
    rng = np.random.default_rng(sum(x_shape) * 47 + sum(w_shape))
    X, W, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])
    geometry = {"stride": stride, "padding": padding}
    dY = rng.normal(size=reference.conv2d(X, W, b, **geometry).shape)
    got = submission.conv2d_backward(X, W, dY, **geometry)
    call = submission.last_call.description
    if not (isinstance(got, tuple | list) and len(got) == 3):
        raise AssertionError(f"{call}: returned {type(got).__name__}, expected (dX, dW, db)")

    def loss(x, w, bias):
        return float(np.sum(dY * reference.conv2d(x, w, bias, **geometry)))

    expected = {
        "dX": numerical_gradient(lambda x: loss(x, W, b), X),
        "dW": numerical_gradient(lambda w: loss(X, w, b), W),
        "db": numerical_gradient(lambda bias: loss(X, W, bias), b),
    }
    for index, name in enumerate(("dX", "dW", "db")):
        assert_array(
            got[index],
            expected[name],
            call=f"{call} → {name} (the gradient of sum(dY * conv2d(X, W, b)) with respect "
            f"to {name[1:]})",
            rtol=1e-5,
            atol=1e-6,
            hint=BACKWARD_HINTS[name],
        )


@pytest.mark.parametrize("case", list(BACKWARD_CASES), ids=list(BACKWARD_CASES))
def test_conv2d_backward_numerical(submission, reference, case):
    """conv2d_backward: dX, dW and db match numerical differentiation"""
    check_backward(submission, reference, *BACKWARD_CASES[case])


# Geometry that simple cases miss: windows that skip input (stride > kernel), rows and
# columns that no window reaches ((h + 2p - k) not a multiple of the stride), overlapping
# windows without padding, pairs whose two numbers differ, c_i != c_o, several images.
GEOMETRY_CASES = {
    "stride-beyond-kernel": ((2, 2, 10, 7), (3, 2, 2, 2), True, 3, 0),
    "stride-beyond-kernel-padded": ((2, 3, 8, 9), (2, 3, 1, 2), False, (3, 4), (1, 0)),
    "remainder-rows-and-columns": ((2, 3, 8, 10), (4, 3, 3, 3), True, 2, 1),
    "pad0-overlapping": ((3, 2, 6, 7), (4, 2, 3, 3), True, 1, 0),
    "pad0-overlapping-stride2": ((2, 1, 7, 8), (3, 1, 3, 4), False, 2, 0),
    "all-pairs-non-square": ((2, 3, 7, 11), (4, 3, 3, 2), True, (2, 3), (1, 2)),
    "pairs-reversed": ((1, 2, 9, 5), (3, 2, 2, 4), True, (3, 1), (0, 2)),
    "tall-kernel-wide-stride": ((2, 2, 9, 6), (1, 2, 4, 1), True, (1, 2), (2, 0)),
}


@pytest.mark.parametrize("case", list(GEOMETRY_CASES), ids=list(GEOMETRY_CASES))
def test_conv2d_geometry(submission, reference, case):
    """conv2d: strides beyond the kernel, leftover rows, no padding, non-square pairs"""
    x_shape, w_shape, with_bias, stride, padding = GEOMETRY_CASES[case]
    rng = np.random.default_rng(sum(x_shape) * 53 + sum(w_shape))
    X, W = rng.normal(size=x_shape), rng.normal(size=w_shape)
    b = rng.normal(size=w_shape[0]) if with_bias else None
    check_against_reference(
        submission, reference, "conv2d", X, W, b=b, stride=stride, padding=padding, hint=CONV_HINT
    )


@pytest.mark.parametrize("case", list(GEOMETRY_CASES), ids=list(GEOMETRY_CASES))
def test_conv2d_backward_geometry(submission, reference, case):
    """conv2d_backward: strides beyond the kernel, leftover rows, no padding, non-square pairs"""
    x_shape, w_shape, _, stride, padding = GEOMETRY_CASES[case]
    check_backward(submission, reference, x_shape, w_shape, stride, padding)


def test_conv2d_backward_errors(submission):
    """conv2d_backward: ValueError for a dY that is not the output's shape"""
    assert_raises(
        ValueError,
        submission.conv2d_backward,
        np.ones((2, 3, 6, 6)),
        np.ones((4, 3, 3, 3)),
        np.ones((2, 4, 4, 4)),  # the output is (2, 4, 2, 2) at stride 2
        stride=2,
        name="conv2d_backward",
        why="dY must have the output's shape (2, 4, 2, 2)",
    )


# --- speed -----------------------------------------------------------------------------------


def test_conv2d_speed(submission, speed):
    """conv2d: vectorised (CPU time within the limit of the reference's)"""
    speed.check("conv2d")


def test_1x1_speed(submission, speed):
    """correlate2d_1x1: one matrix product (CPU time within the limit of the reference's)"""
    speed.check("correlate2d_1x1")
