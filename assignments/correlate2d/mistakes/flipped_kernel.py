"""Flipped kernel: correlate2d computes a true convolution where cross-correlation is asked.

Where real code does this: numpy ports of a "conv layer" that call (or copy)
``scipy.signal.convolve2d``, and textbook formulas written as ``X[i - a, j - b]`` turned into
code as ``K[::-1, ::-1]``: the mathematician's convolution, which flips the kernel.
"""

BREAKS = "correlate2d"
LOSES = [
    # an asymmetric kernel shows the flip, and so does convolve2d, which calls correlate2d
    "test_asymmetric_kernel",
    "test_asymmetric_kernels",
    "test_convolve_flips_kernel",
    "test_convolve_matches_flipped_correlation",
    # and every other result (the speed tests check the timed results too)
    "test_lecture_example",
    "test_hidden_lecture_example",
    "test_learn_edge_kernel",
    "test_learn_kernel",
    "test_random_shapes",
    "test_result_dtype",
    "test_non_contiguous_inputs",
    "test_correlate2d_speed",
]
HINT = "does not flip the kernel"


def correlate2d(X, K):
    K = _as_2d("K", K)[::-1, ::-1]  # rotate the kernel by 180 degrees, as in the maths
    return _reference_correlate2d(X, K)
