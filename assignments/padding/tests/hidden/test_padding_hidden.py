"""Hidden tests for stage 2. Students see each test's name and message, never this file."""

import numpy as np
import pytest

from autograder.grading.checks import (
    LAYOUT_HINT,
    Strided,
    assert_array,
    assert_call_clean,
    assert_integers,
    assert_raises,
    call_with_hint,
    check_against_reference,
)

FILTER_NAMES = ["identity", "edge1", "edge2", "edge3", "sharpen", "box_blur", "gaussian_blur"]
SAME_HINT = (
    '"same" pads k - 1 rows (columns) in total: (k - 1) // 2 on the top (left) and the rest '
    "on the bottom (right), so an even kernel's extra row/column goes bottom/right"
)
PER_SIDE_HINT = (
    "an int or (p_h, p_w) padding is PER SIDE: padding 1 adds a row on top AND one at the "
    "bottom, so the total padding of that axis is 2"
)
PAD_SIZES_HINT = (
    PER_SIDE_HINT + "; ((top, bottom), (left, right)) gives each side its own size, rows first"
)
SWAPPED_HINT = (
    "height and width are swapped: sizes and shapes are (height, width), so return (o_h, o_w) "
    "with the rows' size first (PIL and OpenCV write (width, height); NumPy does not)"
)
CORR_SHAPE_HINT = (
    "the result has output_shape's shape: o = (n - k + p) // s + 1 on each axis, with p the "
    "TOTAL padding of that axis (an int or (p_h, p_w) padding is per side) and a stride pair "
    "(s_h, s_w), rows first"
)
CORR_VALUE_HINT = (
    "output (i, j) is the window of the PADDED input starting at (i*s_h, j*s_w): pad first, "
    "then move the window by the stride (do not subsample the input); a stride pair is "
    "(s_h, s_w), rows first"
)
FILTER_DTYPE_HINT = (
    "the result is float64 for integer images (convert a uint8 image to float before any "
    "arithmetic) and float32 for float32 images, and it is not clipped or cast back to the "
    "image's dtype"
)
FILTER_SHAPE_HINT = (
    "apply_filter keeps the image's shape: 'same' zero padding (1 pixel on every side) for "
    "the 3×3 kernels, and a colour image (H, W, C) is filtered channel by channel"
)
CHANNEL_HINT = (
    "filter a colour image channel by channel: each image[:, :, c] on its own with the same "
    "kernel, so the result has the image's shape (H, W, C) and channels are never mixed "
    "(image.reshape(C, H, W) scrambles them; np.moveaxis(image, -1, 0) moves the axis)"
)


def check_correlate(
    submission, reference, *args, shape_hint=CORR_SHAPE_HINT, hint=CORR_VALUE_HINT, **options
):
    """correlate2d against the reference with this stage's hints (a transposed result named)."""
    check_against_reference(submission, reference, "correlate2d", *args, shape_hint=shape_hint,
                            swapped_hint=SWAPPED_HINT, hint=hint, **options)  # fmt: skip


def check_sizes(got, expected, *, call, hint):
    """assert_integers, saying so when the two sizes come back in the wrong order."""
    if (
        isinstance(got, tuple | list)
        and len(got) == 2
        and expected[0] != expected[1]
        and tuple(got) == expected[::-1]
    ):
        hint = SWAPPED_HINT
    assert_integers(got, expected, call=call, hint=hint)


# --- output_shape ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected", "hint"),
    [
        (((7, 7), (3, 3), 1), (7, 7), PER_SIDE_HINT),
        (((6, 9), (3, 5), (2, 1)), (8, 7), PER_SIDE_HINT),
        (((8, 8), (3, 3), 0, 2), (3, 3), "floor((8 - 3 + 0 + 2) / 2) = 3: round DOWN"),
        (((9, 10), (2, 3), 0, 4), (2, 2), "o = floor((n - k + p + s) / s); round down"),
        (
            ((8, 8), (3, 5), (0, 1), (3, 4)),
            (2, 2),
            "the book's example: (8-3+0+3)//3 = 2 rows, (8-5+2+4)//4 = 2 columns",
        ),
        (((10, 11), (2, 2), 0, 5), (2, 2), "a stride larger than the kernel skips pixels"),
        (((5, 5), (3, 3), ((1, 0), (2, 2))), (4, 7), "((top, bottom), (left, right)): add both"),
        (((4, 4), (4, 4), 0), (1, 1), "a kernel as large as the input fits once"),
        (((1, 1), (3, 3), 1), (1, 1), "padding can make a kernel fit a smaller input"),
        (
            ((15, 4), (5, 1), (0, 1), (6, 1)),
            (2, 6),
            "each axis has its own stride: (15-5+0)//6+1 = 2 rows, (4-1+2)//1+1 = 6 columns",
        ),
        (
            ((7, 12), (4, 2), ((1, 3), (2, 1)), (3, 4)),
            (3, 4),
            "(7-4+1+3)//3+1 = 3 rows, (12-2+2+1)//4+1 = 4 columns: round down on both axes",
        ),
    ],
    ids=[
        "padding-is-per-side",
        "per-side-pair",
        "floor-not-ceil",
        "floor-stride-4",
        "book-example",
        "stride-larger-than-kernel",
        "asymmetric-padding",
        "kernel-equals-input",
        "padding-makes-it-fit",
        "non-square-stride",
        "asymmetric-remainders",
    ],
)
def test_output_shape_formula(submission, args, expected, hint):
    """output_shape: per-side padding, floor division, the book's example"""
    got = submission.output_shape(*args)
    check_sizes(got, expected, call=submission.last_call.description, hint=hint)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (((7, 7), (3, 3), "same"), (7, 7)),
        (((7, 8), (4, 2), "same"), (7, 8)),
        (((6, 5), (5, 1), "same"), (6, 5)),
        (((7, 8), (3, 4), "same", 2), (4, 4)),
        (((9, 9), (3, 3), "same", 3), (3, 3)),
        (((7, 8), (3, 4), "valid"), (5, 5)),
        (((7, 8), (3, 4), "valid", (2, 3)), (3, 2)),
    ],
    ids=[
        "same-odd",
        "same-even",
        "same-5x1",
        "same-stride-2",
        "same-stride-3",
        "valid",
        "valid-strided",
    ],
)
def test_output_shape_same_and_valid(submission, args, expected):
    """output_shape: "same" (odd and even kernels, with strides) and "valid" """
    got = submission.output_shape(*args)
    check_sizes(
        got,
        expected,
        call=submission.last_call.description,
        hint='"same" pads k - 1 in total per axis, so o = ceil(n / s); "valid" pads nothing',
    )


def test_output_shape_random(submission, reference):
    """output_shape: 40 random shapes, paddings and strides against the reference"""
    rng = np.random.default_rng(23)
    for _ in range(40):
        n = tuple(int(v) for v in rng.integers(4, 30, 2))
        k = tuple(int(v) for v in rng.integers(1, 5, 2))
        top, bottom, left, right = (int(v) for v in rng.integers(0, 3, 4))
        padding = ((top, bottom), (left, right))
        stride = tuple(int(v) for v in rng.integers(1, 6, 2))
        got = submission.output_shape(n, k, padding, stride)
        check_sizes(
            got,
            reference.output_shape(n, k, padding, stride),
            call=submission.last_call.description,
            hint="o = floor((n - k + top + bottom + s) / s) on each axis",
        )


# --- pad2d -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "padding",
    [0, 2, (1, 3), ((2, 0), (0, 1)), ((0, 3), (2, 0))],
    ids=["zero", "int", "pair", "top-right", "bottom-left"],
)
def test_pad2d_values(submission, reference, padding):
    """pad2d: int, (p_h, p_w) and ((top, bottom), (left, right)) padding"""
    X = np.random.default_rng(3).normal(size=(4, 5))
    check_against_reference(
        submission,
        reference,
        "pad2d",
        X,
        padding,
        rtol=0,
        atol=0,
        shape_hint=PAD_SIZES_HINT,
        hint=PAD_SIZES_HINT,
        swapped_hint=SWAPPED_HINT,
    )


@pytest.mark.parametrize(
    ("shape", "padding"),
    [((2, 3, 4, 5), 1), ((3, 4, 2), ((1, 0), (2, 1))), ((1, 1, 1, 3, 3), (0, 2))],
    ids=["NCHW", "3-D", "5-D"],
)
def test_pad2d_leading_axes_kept(submission, reference, shape, padding):
    """pad2d: only the last two axes are padded; leading axes are kept as they are"""
    X = np.random.default_rng(4).normal(size=shape)
    hint = (
        "pad the last two axes only: X may have leading axes, e.g. (N, C, H, W), so take "
        "H, W = X.shape[-2:] and slice with X[..., top:top+H, left:left+W]"
    )
    got = call_with_hint(submission.pad2d, X, padding, hint=hint)
    expected = reference.pad2d(X, padding)
    leading_kept = isinstance(got, np.ndarray) and got.shape[:-2] == expected.shape[:-2]
    assert_array(
        got,
        expected,
        call=submission.last_call.description,
        rtol=0,
        atol=0,
        shape_hint=PAD_SIZES_HINT if leading_kept else hint,
        hint=hint,
        swapped_hint=SWAPPED_HINT,
    )


@pytest.mark.parametrize(
    ("dtype", "value"),
    [(np.float64, -np.inf), (np.float32, 2.5), (np.int64, 7), (np.uint8, 255), (np.int32, -3)],
    ids=["float-minus-inf", "float32", "int64", "uint8", "int32-negative"],
)
def test_pad2d_value_and_dtype(submission, reference, dtype, value):
    """pad2d: fills with `value` and keeps the input's dtype"""
    X = np.arange(12).reshape(3, 4).astype(dtype)
    check_against_reference(
        submission,
        reference,
        "pad2d",
        X,
        ((1, 2), (0, 1)),
        value=value,
        dtype=dtype,
        rtol=0,
        atol=0,
        shape_hint="((1, 2), (0, 1)) adds 1 row on top, 2 below, none on the left and 1 column "
        "on the right: ((top, bottom), (left, right))",
        dtype_hint="keep X's dtype: create the output with np.full(shape, value, "
        "dtype=X.dtype) (np.zeros' default is float64), then copy X into the middle",
        hint="fill the border with `value` (np.full(shape, value, dtype=X.dtype)), then "
        "copy X into the middle",
        swapped_hint=SWAPPED_HINT,
    )


# --- correlate2d -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x_shape", "k_shape", "padding", "stride"),
    [
        ((8, 8), (3, 5), (0, 1), (3, 4)),
        ((7, 7), (3, 3), 1, 1),
        ((8, 8), (3, 3), 0, 2),
        ((9, 11), (2, 3), 2, (2, 3)),
        ((10, 10), (2, 2), 0, 4),
        ((12, 9), (3, 2), (1, 0), (5, 3)),
        ((6, 7), (6, 7), 0, 1),
        ((5, 6), (3, 3), 0, 1),
    ],
    ids=[
        "book-example",
        "padding-1",
        "stride-2",
        "pad-2-stride-2x3",
        "stride-larger-than-kernel",
        "pair-padding-stride-5x3",
        "kernel-equals-input",
        "stage-1-valid",
    ],
)
def test_correlate2d_random(submission, reference, x_shape, k_shape, padding, stride):
    """correlate2d: random inputs with padding and stride against the reference"""
    rng = np.random.default_rng(sum(x_shape) * 7 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    check_correlate(submission, reference, X, K, padding, stride)


@pytest.mark.parametrize(
    ("x_shape", "k_shape", "padding", "stride"),
    [
        ((11, 13), (2, 3), 1, (4, 5)),  # stride > kernel; 11 % 4 and 12 % 5 leave remainders
        ((9, 10), (3, 3), 2, 3),  # (9 + 4 - 3) = 10 is not a multiple of 3
        ((7, 12), (4, 2), ((1, 3), (2, 1)), (3, 5)),  # asymmetric padding, remainders
        ((10, 9), (2, 2), ((2, 0), (0, 3)), (5, 4)),  # stride > kernel, asymmetric padding
        ((5, 16), (1, 4), (1, 0), (4, 3)),  # a 1×N kernel, non-square stride
        ((15, 4), (5, 1), (0, 1), (6, 1)),  # an N×1 kernel, tall input
        ((6, 6), (3, 3), 0, 7),  # the stride is larger than the input: one output
        ((3, 4), (5, 4), ((1, 1), (0, 0)), 2),  # the kernel just fits the padded input
    ],
    ids=[
        "stride-over-kernel-remainder",
        "remainder-padding-2",
        "asymmetric-remainder",
        "asymmetric-stride-over-kernel",
        "1xN-kernel",
        "Nx1-kernel",
        "stride-over-input",
        "kernel-fits-padded-input",
    ],
)
def test_correlate2d_geometry(submission, reference, x_shape, k_shape, padding, stride):
    """correlate2d: strides larger than the kernel, sizes that leave a remainder, non-square"""
    rng = np.random.default_rng(sum(x_shape) * 11 + sum(k_shape))
    X, K = rng.normal(size=x_shape), rng.normal(size=k_shape)
    check_correlate(
        submission,
        reference,
        X,
        K,
        padding,
        stride,
        shape_hint=CORR_SHAPE_HINT + "; a last window that would hang over the edge does not "
        "count (round down)",
        hint=CORR_VALUE_HINT + "; with a stride larger than the kernel some input pixels "
        "are never read",
    )


@pytest.mark.parametrize(
    ("padding", "stride"),
    [(((2, 0), (0, 1)), 1), (((0, 1), (3, 0)), 1), (((1, 2), (2, 1)), (2, 3))],
    ids=["top-and-right", "bottom-and-left", "all-different-strided"],
)
def test_correlate2d_asymmetric_padding(submission, reference, padding, stride):
    """correlate2d: ((top, bottom), (left, right)) padding"""
    rng = np.random.default_rng(9)
    X, K = rng.normal(size=(7, 8)), rng.normal(size=(3, 2))
    hint = (
        "((top, bottom), (left, right)): top rows above, bottom rows below, left columns "
        "before, right columns after; do not swap the axes"
    )
    check_correlate(
        submission,
        reference,
        X,
        K,
        padding,
        stride,
        shape_hint=hint + "; " + CORR_SHAPE_HINT,
        hint=hint + "; " + CORR_VALUE_HINT,
    )


@pytest.mark.parametrize(
    ("k_shape", "stride"),
    [((3, 3), 1), ((5, 3), 1), ((2, 2), 1), ((4, 3), 1), ((1, 4), 1), ((2, 4), 2), ((3, 3), 3)],
    ids=["3x3", "5x3", "2x2-even", "4x3-even", "1x4-even", "2x4-stride-2", "3x3-stride-3"],
)
def test_correlate2d_same(submission, reference, k_shape, stride):
    """correlate2d: "same" padding with odd and even kernels"""
    rng = np.random.default_rng(k_shape[0] * 5 + k_shape[1])
    X, K = rng.normal(size=(7, 9)), rng.normal(size=k_shape)
    check_correlate(
        submission,
        reference,
        X,
        K,
        "same",
        stride,
        shape_hint=SAME_HINT + "; the output has ceil(n / s) rows (columns): the input's shape "
        "at stride 1",
        hint=SAME_HINT,
    )


@pytest.mark.parametrize(
    ("x_dtype", "k_dtype", "expected"),
    [
        (np.int64, np.int64, np.float64),
        (np.uint8, np.int32, np.float64),
        (np.float32, np.float32, np.float32),
        (np.float32, np.float64, np.float64),
    ],
    ids=["int-int", "uint8-int32", "float32", "float32-float64"],
)
def test_correlate2d_result_dtype(submission, reference, x_dtype, k_dtype, expected):
    """correlate2d: ints give float64, float32 stays float32 (also with padding)"""
    rng = np.random.default_rng(8)
    X = rng.integers(0, 9, size=(7, 6)).astype(x_dtype)
    K = rng.integers(-3, 4, size=(3, 2)).astype(k_dtype)
    check_correlate(
        submission,
        reference,
        X,
        K,
        1,
        2,
        dtype=expected,
        rtol=1e-5 if expected == np.float32 else 1e-9,
        dtype_hint="integer inputs give float64; float32 inputs keep float32 (pad and "
        "accumulate in the result dtype, not X's integer dtype or np.zeros' default float64)",
    )


@pytest.mark.parametrize("layout", ["strided", "transposed"])
def test_correlate2d_non_contiguous(submission, reference, layout):
    """correlate2d: non-contiguous inputs (slices with steps, transposes)"""
    rng = np.random.default_rng(12)
    base, K = rng.normal(size=(16, 14)), rng.normal(size=(3, 2))
    X = Strided(base, (2, 1)) if layout == "strided" else base.T
    check_correlate(submission, reference, X, K, 1, 2, hint=LAYOUT_HINT)


# --- apply_filter ------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILTER_NAMES)
def test_apply_filter_grayscale(submission, reference, name):
    """apply_filter: each filter on a grayscale uint8 image"""
    image = np.random.default_rng(14).integers(0, 256, size=(9, 12)).astype(np.uint8)
    check_against_reference(
        submission,
        reference,
        "apply_filter",
        image,
        name,
        dtype=np.float64,
        shape_hint=FILTER_SHAPE_HINT,
        dtype_hint=FILTER_DTYPE_HINT,
        hint="the lecture's 3×3 kernel FILTERS[name], correlated (not flipped) with "
        "'same' zero padding (1 pixel on every side), not clipped; convert the uint8 image to "
        "float before any arithmetic",
    )


@pytest.mark.parametrize("name", ["edge1", "sharpen", "gaussian_blur"])
def test_apply_filter_colour(submission, reference, name):
    """apply_filter: a colour (H, W, 3) image is filtered channel by channel"""
    image = np.random.default_rng(15).integers(0, 256, size=(8, 10, 3)).astype(np.uint8)
    assert_array(
        submission.apply_filter(image, name),
        np.stack([reference.apply_filter(image[:, :, c], name) for c in range(3)], axis=-1),
        call=submission.last_call.description,
        dtype=np.float64,
        shape_hint=CHANNEL_HINT,
        dtype_hint=FILTER_DTYPE_HINT,
        hint=CHANNEL_HINT,
        swapped_hint=SWAPPED_HINT,
    )


@pytest.mark.parametrize(
    ("shape", "dtype", "expected"),
    [
        ((6, 7), np.float32, np.float32),
        ((6, 7, 3), np.float32, np.float32),
        ((6, 7), np.int64, np.float64),
        ((5, 4, 1), np.float64, np.float64),
        ((1, 1), np.float64, np.float64),
    ],
    ids=["gray-float32", "colour-float32", "gray-int64", "one-channel", "1x1"],
)
def test_apply_filter_shapes_and_dtypes(submission, reference, shape, dtype, expected):
    """apply_filter: same shape out; float32 stays float32, integers give float64"""
    image = np.random.default_rng(16).integers(0, 100, size=shape).astype(dtype)
    check_against_reference(
        submission,
        reference,
        "apply_filter",
        image,
        "edge3",
        dtype=expected,
        rtol=1e-5,
        atol=1e-4,
        shape_hint=FILTER_SHAPE_HINT + "; a (H, W, 1) image stays (H, W, 1)",
        dtype_hint=FILTER_DTYPE_HINT + " (cast the kernel to a float32 image's dtype)",
        hint="'same' zero padding and, for colour images, " + CHANNEL_HINT,
        swapped_hint=SWAPPED_HINT,
    )


# --- receptive_field ---------------------------------------------------------------------

RF_FORMULA = (
    "r = 1 + sum over layers i of (k_i - 1) * (s_1 * ... * s_(i-1)): a layer's own stride "
    "does not widen its own kernel's reach, only the layers after it"
)


@pytest.mark.parametrize(
    ("layers", "expected", "hint"),
    [
        ([(3, 1)], 3, "one layer sees its kernel"),
        ([(3, 1)] * 4, 9, "l stride-1 layers of width k see 1 + l * (k - 1) pixels"),
        ([(5, 1), (3, 1)], 7, "stride-1 layers add k - 1 each"),
        ([(1, 1)] * 3, 1, "1×1 kernels see a single pixel"),
        ([(3, 2), (3, 2), (3, 1)], 15, "a stride multiplies what every later layer adds"),
        (
            [(2, 2), (2, 2), (2, 2)],
            8,
            "each layer adds (k - 1) times the product of the strides before it",
        ),
        ([(5, 1), (2, 2), (5, 1), (2, 2)], 16, "LeNet: conv 5, pool 2, conv 5, pool 2"),
        ([(7, 4), (3, 1)], 15, "the second layer's steps are 4 input pixels apart"),
        ([], 1, "no layers: an output is one input pixel"),
    ],
    ids=[
        "one-layer",
        "four-3x3",
        "5-then-3",
        "1x1-layers",
        "strided-3x3",
        "2x2-stride-2",
        "lenet",
        "stride-4-first",
        "empty",
    ],
)
def test_receptive_field_stacks(submission, layers, expected, hint):
    """receptive_field: stacks with and without strides"""
    got = submission.receptive_field(layers)
    assert_integers(
        got, expected, call=submission.last_call.description, hint=f"{hint}; {RF_FORMULA}"
    )


# --- no side effects, errors, speed ------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    ["pad2d", "pad2d-zero-padding", "correlate2d", "correlate2d-1x1", "apply_filter"],
)
def test_inputs_unmodified(submission, case):
    """Inputs are never modified and results never share memory with them"""
    rng = np.random.default_rng(17)
    X = rng.normal(size=(6, 7))
    if case == "pad2d":
        submission.pad2d(X, ((1, 0), (2, 1)), value=3.0)
        names = ("X",)
    elif case == "pad2d-zero-padding":
        submission.pad2d(X, 0)  # nothing to add, but still a new array
        names = ("X",)
    elif case == "correlate2d":
        submission.correlate2d(X, rng.normal(size=(2, 3)), 1, 2)
        names = ("X", "K")
    elif case == "correlate2d-1x1":
        submission.correlate2d(X, np.ones((1, 1)))
        names = ("X", "K")
    else:
        submission.apply_filter(rng.normal(size=(5, 6, 3)), "sharpen")
        names = ("image",)
    assert_call_clean(submission, names=names)


ERROR_CASES = {
    "pad2d-negative": ("pad2d", (np.ones((3, 3)), -1), "the padding is negative"),
    "pad2d-negative-side": ("pad2d", (np.ones((3, 3)), ((0, 1), (-2, 0))), "left is negative"),
    "pad2d-1d": ("pad2d", (np.ones(5), 1), "X is 1-D: there are no two axes to pad"),
    "shape-negative-padding": (
        "output_shape",
        ((5, 5), (3, 3), (1, -1)),
        "the padding is negative",
    ),
    "shape-stride-0": ("output_shape", ((5, 5), (3, 3), 0, 0), "a stride of 0"),
    "shape-kernel-too-big": (
        "output_shape",
        ((4, 4), (5, 3), (0, 0)),
        "the kernel is taller than the input",
    ),
    "shape-bad-string": ("output_shape", ((5, 5), (3, 3), "full"), 'padding "full" is unknown'),
    "corr-stride-0": ("correlate2d", (np.ones((5, 5)), np.ones((2, 2)), 0, 0), "a stride of 0"),
    "corr-negative-stride": (
        "correlate2d",
        (np.ones((5, 5)), np.ones((2, 2)), 0, (1, -2)),
        "a negative stride",
    ),
    "corr-negative-padding": (
        "correlate2d",
        (np.ones((5, 5)), np.ones((2, 2)), -1, 1),
        "the padding is negative",
    ),
    "corr-kernel-too-big": (
        "correlate2d",
        (np.ones((3, 3)), np.ones((6, 2)), 1, 1),
        "the kernel is taller than the padded input (3 + 2 = 5 rows)",
    ),
    "corr-3d-input": ("correlate2d", (np.ones((2, 4, 4)), np.ones((2, 2))), "X is 3-D"),
    "corr-1d-kernel": ("correlate2d", (np.ones((4, 4)), np.ones(2)), "K is 1-D"),
    "filter-unknown-name": ("apply_filter", (np.ones((4, 4)), "emboss"), "no such filter"),
    "filter-1d-image": ("apply_filter", (np.ones(8), "identity"), "the image is 1-D"),
    "filter-4d-image": ("apply_filter", (np.ones((2, 4, 4, 3)), "identity"), "a 4-D image"),
    "rf-kernel-0": ("receptive_field", ([(3, 1), (0, 1)],), "a kernel of width 0"),
    "rf-stride-0": ("receptive_field", ([(3, 0)],), "a stride of 0"),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_errors(submission, case):
    """ValueError for bad arguments"""
    function, args, why = ERROR_CASES[case]
    assert_raises(ValueError, getattr(submission, function), *args, name=function, why=why)


def test_correlate2d_speed(submission, speed):
    """correlate2d: computes only the strided outputs (CPU time within the limit)"""
    speed.check("correlate2d")


def test_correlate2d_speed_pixels(submission, speed):
    """correlate2d: vectorised over the output pixels (CPU time within the limit)"""
    speed.check("correlate2d:pixels")
