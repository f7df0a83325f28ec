"""The best of N, robust to a glitched CPU-time reading."""

from autograder.grading.timing import best_of


def test_a_zero_reading_does_not_become_the_best():
    assert best_of([0.0, 1.2e-3, 1.0e-3, 1.1e-3, 1.3e-3]) == 1.0e-3
    assert best_of([2e-6, 5e-4, 5.2e-4]) == 5e-4


def test_honest_spread_keeps_the_smallest_reading():
    assert best_of([3.0e-3, 2.0e-3, 2.5e-3]) == 2.0e-3
    assert best_of([4.0]) == 4.0
    assert best_of([]) == float("inf")
