"""convolve2d flips the kernel along one axis only (np.flipud), not both.

Where real code does this: ``np.flipud(K)`` or ``K[::-1]`` taken for "the flipped kernel"
(``K[::-1]`` reverses only the rows of a 2-D array); it looks right on a column kernel
and is wrong on every kernel with more than one column.
"""

BREAKS = "convolve2d"
LOSES = ["test_convolve_flips_kernel", "test_convolve_matches_flipped_correlation"]
HINT = "flip the kernel on both axes"


def convolve2d(X, K):
    K = np.asarray(K)
    return correlate2d(X, K[::-1])
