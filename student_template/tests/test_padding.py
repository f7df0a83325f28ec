"""Public tests for stage 2 (cnnlab/padding.py).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``cnnlab.padding``.
"""

import numpy as np
import pytest

LECTURE_X = np.arange(9.0).reshape(3, 3)
LECTURE_K = np.array([[0.0, 1.0], [2.0, 3.0]])


def test_pad2d_zeros_on_every_side(submission):
    """pad2d: an int pads every side with zeros"""
    got = submission.pad2d(np.array([[1, 2, 3], [4, 5, 6]]), 1)
    expected = [[0, 0, 0, 0, 0], [0, 1, 2, 3, 0], [0, 4, 5, 6, 0], [0, 0, 0, 0, 0]]
    np.testing.assert_array_equal(got, expected, err_msg="pad2d(2×3 array, 1)")


def test_pad2d_asymmetric(submission):
    """pad2d: ((top, bottom), (left, right)) padding with a fill value"""
    got = submission.pad2d(np.ones((2, 2)), ((1, 0), (0, 2)), value=-1.0)
    expected = [[-1, -1, -1, -1], [1, 1, -1, -1], [1, 1, -1, -1]]
    np.testing.assert_array_equal(
        got, expected, err_msg="pad2d(ones((2, 2)), ((1, 0), (0, 2)), value=-1)"
    )


def test_pad2d_leading_axes(submission):
    """pad2d: only the last two axes are padded"""
    got = submission.pad2d(np.ones((2, 3, 4, 5)), (1, 2))
    assert got.shape == (2, 3, 6, 9), f"pad2d of a (2, 3, 4, 5) array by (1, 2): got {got.shape}"


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
    assert tuple(got) == expected, f"output_shape{args}: got {got}, expected {expected} ({why})"


def test_correlate2d_padding_and_stride(submission):
    """correlate2d: the lecture's 3×3 input, padding 1, stride (3, 2)"""
    got = submission.correlate2d(LECTURE_X, LECTURE_K, padding=1, stride=(3, 2))
    np.testing.assert_allclose(
        got, [[0.0, 8.0], [6.0, 8.0]], err_msg="correlate2d(X, K, padding=1, stride=(3, 2))"
    )


def test_correlate2d_asymmetric_padding_and_stride(submission):
    """correlate2d: ((top, bottom), (left, right)) padding with a stride (s_h, s_w)"""
    X = np.arange(20.0).reshape(4, 5)
    K = np.array([[1.0, -1.0], [2.0, 0.0]])
    got = submission.correlate2d(X, K, padding=((1, 0), (0, 2)), stride=(2, 3))
    # padded input: one zero row on top, two zero columns on the right (5×7); outputs start
    # at rows 0, 2 and columns 0, 3 of it
    np.testing.assert_allclose(
        got,
        [[0.0, 6.0], [19.0, 25.0]],
        err_msg="correlate2d(arange(20).reshape(4, 5), K, padding=((1, 0), (0, 2)), stride=(2, 3))",
    )


def test_correlate2d_same_even_kernel(submission):
    """correlate2d: "same" with an even kernel puts the extra row/column bottom/right"""
    X = np.arange(12.0).reshape(3, 4)
    # 2×2 kernel: total padding 1 per axis, 0 on top/left, 1 at the bottom/right
    got = submission.correlate2d(X, np.array([[1.0, 2.0], [3.0, 4.0]]), padding="same")
    np.testing.assert_allclose(
        got,
        [[34.0, 44.0, 54.0, 24.0], [74.0, 84.0, 94.0, 40.0], [26.0, 29.0, 32.0, 11.0]],
        err_msg='correlate2d(arange(12).reshape(3, 4), [[1, 2], [3, 4]], "same")',
    )
    # 1×4 kernel: total padding 3 columns, 1 on the left and 2 on the right
    got = submission.correlate2d(X, np.array([[0.0, 1.0, 0.0, 2.0]]), padding="same")
    np.testing.assert_allclose(
        got,
        [[4.0, 7.0, 2.0, 3.0], [16.0, 19.0, 6.0, 7.0], [28.0, 31.0, 10.0, 11.0]],
        err_msg='correlate2d(arange(12).reshape(3, 4), [[0, 1, 0, 2]], "same")',
    )


def test_apply_filter(submission):
    """apply_filter: box_blur with zero padding, grayscale and colour"""
    gray = submission.apply_filter(np.full((3, 4), 9.0), "box_blur")
    # each output is the sum of the 3×3 neighbourhood's values / 9; outside counts as 0
    expected = [[4.0, 6.0, 6.0, 4.0], [6.0, 9.0, 9.0, 6.0], [4.0, 6.0, 6.0, 4.0]]
    np.testing.assert_allclose(gray, expected, err_msg="apply_filter(full((3, 4), 9), 'box_blur')")
    colour = submission.apply_filter(np.full((3, 4, 2), 9.0), "box_blur")
    assert colour.shape == (3, 4, 2), f"a (3, 4, 2) colour image gave shape {colour.shape}"
    for c in range(2):
        np.testing.assert_allclose(colour[:, :, c], expected, err_msg=f"colour channel {c}")


@pytest.mark.parametrize(
    ("layers", "expected"),
    [([(3, 1), (3, 1)], 5), ([(5, 1)] * 3, 13), ([(3, 2), (3, 1)], 7)],
    ids=["two-3x3", "three-5x5", "with-stride"],
)
def test_receptive_field(submission, layers, expected):
    """receptive_field: stacks of (kernel, stride) layers"""
    got = submission.receptive_field(layers)
    assert got == expected, f"receptive_field({layers}): got {got}, expected {expected}"


def expect_value_error(call, description):
    """``call()`` must raise ValueError."""
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{description} should raise ValueError, but it did not")


def test_rejects_bad_arguments(submission):
    """ValueError for negative padding, stride 0 and an unknown filter name"""
    expect_value_error(lambda: submission.pad2d(np.ones((3, 3)), -1), "pad2d(X, -1)")
    expect_value_error(
        lambda: submission.correlate2d(np.ones((4, 4)), np.ones((2, 2)), stride=0),
        "correlate2d(X, K, stride=0)",
    )
    expect_value_error(
        lambda: submission.apply_filter(np.ones((4, 4)), "blur"), "apply_filter(image, 'blur')"
    )
