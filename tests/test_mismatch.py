"""The map of wrong cells that a wrong array's failure message shows."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.grading.checks import assert_array
from autograder.grading.feedback import blocks
from autograder.grading.mismatch import GRID_LIMIT, SHOWN_VALUES, wrong_cell_map


def grid_rows(text: str) -> list[str]:
    """The map's rows (its preformatted block without the column header), marks only."""
    [grid] = [b for b in blocks(text) if b.preformatted and "✓" in "".join(b.lines)]
    return ["".join(ch for ch in line if ch in "✓✗") for line in grid.lines[1:]]


def failure(got: np.ndarray, expected: np.ndarray) -> str:
    with pytest.raises(AssertionError) as caught:
        assert_array(got, expected, call="f(X)", hint="look at the edges")
    return str(caught.value)


def test_a_wrong_last_column_shows_as_a_column_of_crosses():
    """Does a 5×6 result with a wrong last column show the pattern, cell by cell?"""
    expected = np.arange(30.0).reshape(5, 6)
    got = expected.copy()
    got[:, -1] = 0.0
    message = failure(got, expected)
    assert grid_rows(message) == ["✓✓✓✓✓✗"] * 5
    assert message.index("Wrong cells (✗)") < message.index("Hint: look at the edges")
    assert "expected = [[" in message and "got      = [[" in message  # 30 values: shown


def test_a_shifted_border_shows_as_a_frame():
    expected = np.ones((4, 4))
    got = np.pad(np.ones((2, 2)), 1)  # the border came out zero
    assert grid_rows(failure(got, expected)) == ["✗✗✗✗", "✗✓✓✗", "✗✓✓✗", "✗✗✗✗"]


def test_a_large_result_maps_the_first_wrong_region():
    """Does a 40×50 result say where its wrong cells lie and map a window around them?"""
    wrong = np.zeros((40, 50), bool)
    wrong[30:34, 45] = True
    text = wrong_cell_map(wrong)
    assert "4 of 2000 cells are wrong, all within rows 30–33 and column 45" in text
    assert "first wrong one, (30, 45) (rows 24–35, columns 38–49)" in text
    rows = grid_rows(text)
    assert len(rows) == GRID_LIMIT and all(len(r) == GRID_LIMIT for r in rows)
    assert [r[7] for r in rows] == list("✓✓✓✓✓✓✗✗✗✗✓✓")  # column 45, rows 24..35
    assert sum(r.count("✗") for r in rows) == 4


def test_higher_dimensions_map_the_first_wrong_slice():
    """A (2, 3, 4, 4) result wrong in two slices: is the first named and mapped?"""
    wrong = np.zeros((2, 3, 4, 4), bool)
    wrong[1, 0, 2, :] = True
    wrong[1, 2, 0, 0] = True
    text = wrong_cell_map(wrong)
    assert "2 of the 6 slices have wrong cells; the first is [1, 0, :, :]" in text
    assert grid_rows(text) == ["✓✓✓✓", "✓✓✓✓", "✗✗✗✗", "✓✓✓✓"]


def test_a_vector_is_one_row():
    wrong = np.array([False, False, True])
    assert grid_rows(wrong_cell_map(wrong)) == ["✓✓✗"]


def test_nothing_to_map_without_a_wrong_cell_or_for_a_scalar():
    assert wrong_cell_map(np.zeros((3, 3), bool)) == ""
    assert wrong_cell_map(np.array(True)) == ""


def test_large_arrays_are_not_printed_but_mapped():
    expected = np.zeros((8, 8))
    got = expected.copy()
    got[7, 7] = 1.0
    message = failure(got, expected)
    assert expected.size > SHOWN_VALUES and "expected =" not in message
    assert grid_rows(message)[7] == "✓" * 7 + "✗"


def test_a_colour_image_maps_its_pixels_not_its_channels():
    """(H, W, C): is the map a channel's H×W plane, named [:, :, c]?"""
    wrong = np.zeros((8, 10, 3), bool)
    wrong[:, 9, 2] = True  # the last column of the last channel
    text = wrong_cell_map(wrong)
    assert "Only one of the 3 slices has wrong cells: [:, :, 2]" in text
    assert grid_rows(text) == ["✓" * 9 + "✗"] * 8


def test_a_batch_with_small_images_still_maps_its_pixels():
    """(N, C, H, W) with H, W smaller than C: the map is an image's H×W, not C×W."""
    wrong = np.zeros((2, 3, 2, 2), bool)
    wrong[0, 1, :, 1] = True
    text = wrong_cell_map(wrong)
    assert "Only one of the 6 slices has wrong cells: [0, 1, :, :]" in text
    assert grid_rows(text) == ["✓✗", "✓✗"]


def test_small_arrays_of_more_dimensions_are_mapped_not_printed():
    expected = np.zeros((2, 3, 2, 2))
    got = expected + 1
    message = failure(got, expected)
    assert "expected =" not in message and "All 6 slices have wrong cells" in message
