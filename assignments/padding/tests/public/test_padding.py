"""Public tests for stage 2 (cnnlab/padding.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.padding``.
"""

import numpy as np
import pytest

LECTURE_X = np.arange(9.0).reshape(3, 3)
LECTURE_K = np.array([[0.0, 1.0], [2.0, 3.0]])
PER_SIDE = "an int or (p_h, p_w) padding is PER SIDE: padding 1 adds a row on top AND one below"
WINDOWS = (
    "output (i, j) is the window of the PADDED input starting at (i*s_h, j*s_w), "
    "with a stride pair (s_h, s_w), rows first"
)
SHAPE = (
    "the result has output_shape(X.shape, K.shape, padding, stride)'s shape: (o_h, o_w) with "
    "o = (n - k + p) // s + 1 per axis, p the TOTAL padding of that axis, rounded down"
)
SAME = (
    '"same" pads k - 1 in total per axis: (k - 1) // 2 on the top (left), the rest on the '
    "bottom (right), so an even kernel's extra row/column goes bottom/right"
)


def check_array(got, expected, call, hint="", exact=False, shape_hint=None):
    """``got`` must be an array of ``expected``'s shape and values; messages name ``call``.

    ``hint`` is shown with wrong values (and with a wrong shape unless ``shape_hint`` is given).
    """
    expected = np.asarray(expected)
    shape_hint = hint if shape_hint is None else shape_hint
    hint = f"\nHint: {hint}" if hint else ""
    assert isinstance(got, np.ndarray), (
        f"{call} returned {type(got).__name__}, expected a NumPy array{hint}"
    )
    assert got.shape == expected.shape, (
        f"{call} returned shape {got.shape}, expected {expected.shape}\nHint: {shape_hint}"
    )
    np.testing.assert_allclose(
        got,
        expected,
        rtol=0 if exact else 1e-7,
        atol=0 if exact else 1e-9,
        err_msg=f"{call} returned wrong values{hint}",
    )


def test_pad2d_zeros_on_every_side(submission):
    """pad2d: an int pads every side with zeros"""
    check_array(
        submission.pad2d(np.array([[1, 2, 3], [4, 5, 6]]), 1),
        [[0, 0, 0, 0, 0], [0, 1, 2, 3, 0], [0, 4, 5, 6, 0], [0, 0, 0, 0, 0]],
        "pad2d(X: (2, 3), 1)",
        PER_SIDE,
        exact=True,
    )


def test_pad2d_asymmetric(submission):
    """pad2d: ((top, bottom), (left, right)) padding with a fill value"""
    check_array(
        submission.pad2d(np.ones((2, 2)), ((1, 0), (0, 2)), value=-1.0),
        [[-1, -1, -1, -1], [1, 1, -1, -1], [1, 1, -1, -1]],
        "pad2d(ones((2, 2)), ((1, 0), (0, 2)), value=-1)",
        "((top, bottom), (left, right)): one row on top, none below, none on the left, two "
        "columns on the right",
        exact=True,
    )


def test_pad2d_leading_axes(submission):
    """pad2d: only the last two axes are padded"""
    got = submission.pad2d(np.ones((2, 3, 4, 5)), (1, 2))
    shape = getattr(got, "shape", None)
    assert shape == (2, 3, 6, 9), (
        f"pad2d(X: (2, 3, 4, 5), (1, 2)) returned shape {shape}, expected (2, 3, 6, 9)"
        f"\nHint: pad the last two axes only (H, W = X.shape[-2:]); {PER_SIDE}"
    )


@pytest.mark.parametrize(
    ("args", "expected", "why"),
    [
        (((7, 7), (3, 3), 1, 1), (7, 7), "padding 1 is per side: 2 rows/columns in total"),
        (((8, 8), (3, 3), 0, 2), (3, 3), "floor((8 - 3 + 0 + 2) / 2) = 3: round down"),
        (((8, 8), (3, 5), (0, 1), (3, 4)), (2, 2), "the book's example"),
        (((5, 6), (4, 4), "same", 1), (5, 6), '"same" keeps the shape, for even kernels too'),
    ],
    ids=["per-side-padding", "floor-division", "book-example", "same-even-kernel"],
)
def test_output_shape(submission, args, expected, why):
    """output_shape: padding per side, floor division, the book's example, "same" """
    got = submission.output_shape(*args)
    call = "output_shape" + repr(args)
    assert isinstance(got, tuple | list) and len(got) == 2, (
        f"{call} returned {got!r}, expected a tuple (o_h, o_w) like {expected}"
    )
    assert tuple(got) == expected, (
        f"{call} returned {tuple(got)}, expected {expected}\nHint: {why}; the result is "
        "(o_h, o_w) with o = (n - k + p) // s + 1, p the total padding of that axis"
    )


def test_correlate2d_padding_and_stride(submission):
    """correlate2d: the lecture's 3×3 input, padding 1, stride (3, 2)"""
    check_array(
        submission.correlate2d(LECTURE_X, LECTURE_K, padding=1, stride=(3, 2)),
        [[0.0, 8.0], [6.0, 8.0]],
        "correlate2d(X: (3, 3), K: (2, 2), padding=1, stride=(3, 2))",
        f"the windows start at rows 0 and 3 and columns 0 and 2 of the 5×5 padded input; {WINDOWS}",
        shape_hint=SHAPE + "; padding 1 is per side: the padded input is 5×5",
    )


def test_correlate2d_asymmetric_padding_and_stride(submission):
    """correlate2d: ((top, bottom), (left, right)) padding with a stride (s_h, s_w)"""
    X = np.arange(20.0).reshape(4, 5)
    K = np.array([[1.0, -1.0], [2.0, 0.0]])
    # padded input: one zero row on top, two zero columns on the right (5×7); outputs start
    # at rows 0, 2 and columns 0, 3 of it
    check_array(
        submission.correlate2d(X, K, padding=((1, 0), (0, 2)), stride=(2, 3)),
        [[0.0, 6.0], [19.0, 25.0]],
        "correlate2d(X: (4, 5), K: (2, 2), padding=((1, 0), (0, 2)), stride=(2, 3))",
        "the padded input is 5×7 (one zero row on top, two zero columns on the right); " + WINDOWS,
        shape_hint=SHAPE + "; the padded input is 5×7 (one zero row on top, two zero columns "
        "on the right): ((top, bottom), (left, right))",
    )


def test_correlate2d_same_even_kernel(submission):
    """correlate2d: "same" with an even kernel puts the extra row/column bottom/right"""
    X = np.arange(12.0).reshape(3, 4)
    # 2×2 kernel: total padding 1 per axis, 0 on top/left, 1 at the bottom/right
    check_array(
        submission.correlate2d(X, np.array([[1.0, 2.0], [3.0, 4.0]]), padding="same"),
        [[34.0, 44.0, 54.0, 24.0], [74.0, 84.0, 94.0, 40.0], [26.0, 29.0, 32.0, 11.0]],
        'correlate2d(X: (3, 4), K = [[1, 2], [3, 4]], padding="same")',
        SAME,
    )
    # 1×4 kernel: total padding 3 columns, 1 on the left and 2 on the right
    check_array(
        submission.correlate2d(X, np.array([[0.0, 1.0, 0.0, 2.0]]), padding="same"),
        [[4.0, 7.0, 2.0, 3.0], [16.0, 19.0, 6.0, 7.0], [28.0, 31.0, 10.0, 11.0]],
        'correlate2d(X: (3, 4), K = [[0, 1, 0, 2]], padding="same")',
        SAME,
    )


def test_apply_filter(submission):
    """apply_filter: box_blur with zero padding, grayscale and colour"""
    # each output is the sum of the 3×3 neighbourhood's values / 9; outside counts as 0
    expected = np.array([[4.0, 6.0, 6.0, 4.0], [6.0, 9.0, 9.0, 6.0], [4.0, 6.0, 6.0, 4.0]])
    check_array(
        submission.apply_filter(np.full((3, 4), 9.0), "box_blur"),
        expected,
        "apply_filter(full((3, 4), 9), 'box_blur')",
        '"same" zero padding (one pixel on every side) keeps the image\'s shape; a corner sees '
        "four nines and five zeros: 36 / 9 = 4",
    )
    check_array(
        submission.apply_filter(np.full((3, 4, 2), 9.0), "box_blur"),
        np.stack([expected, expected], axis=-1),
        "apply_filter(full((3, 4, 2), 9), 'box_blur') (a colour image)",
        "filter a colour image channel by channel (each image[:, :, c] on its own); the "
        "result has the image's shape (H, W, C)",
    )


@pytest.mark.parametrize(
    ("layers", "expected"),
    [([(3, 1), (3, 1)], 5), ([(5, 1)] * 3, 13), ([(3, 2), (3, 1)], 7)],
    ids=["two-3x3", "three-5x5", "with-stride"],
)
def test_receptive_field(submission, layers, expected):
    """receptive_field: stacks of (kernel, stride) layers"""
    got = submission.receptive_field(layers)
    assert got == expected, (
        f"receptive_field({layers}) returned {got!r}, expected {expected}\nHint: r = 1 + sum "
        "of (k_i - 1) times the product of the strides of the layers BEFORE layer i"
    )


def expect_value_error(description, call):
    """``call()`` must raise ValueError (any other error propagates as it is)."""
    try:
        result = call()
    except ValueError:
        return
    shown = f"an array of shape {result.shape}" if isinstance(result, np.ndarray) else repr(result)
    raise AssertionError(f"{description} returned {shown}; expected it to raise ValueError")


def test_rejects_bad_arguments(submission):
    """ValueError for negative padding, stride 0 and an unknown filter name"""
    expect_value_error("pad2d(X: (3, 3), -1)", lambda: submission.pad2d(np.ones((3, 3)), -1))
    expect_value_error(
        "correlate2d(X: (4, 4), K: (2, 2), stride=0)",
        lambda: submission.correlate2d(np.ones((4, 4)), np.ones((2, 2)), stride=0),
    )
    expect_value_error(
        "apply_filter(image: (4, 4), 'blur')",
        lambda: submission.apply_filter(np.ones((4, 4)), "blur"),
    )


def test_correlate2d_speed_feedback(submission, speedcheck):
    """correlate2d: speed feedback, a large stride (few outputs kept)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("padding", "correlate2d", submission.correlate2d)


def test_correlate2d_pixels_speed_feedback(submission, speedcheck):
    """correlate2d: speed feedback, stride 1 (many outputs)"""
    # Local feedback only, never graded: your function against a plain double loop over the
    # output pixels (tests/speedcheck.py). The hidden speed test on Gradescope counts.
    speedcheck.require("padding", "correlate2d:pixels", submission.correlate2d)
