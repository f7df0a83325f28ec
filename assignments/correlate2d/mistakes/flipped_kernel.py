"""Flipped kernel: correlate2d computes a true convolution where cross-correlation is asked.

Where real code does this: numpy ports of a "conv layer" that call (or copy)
``scipy.signal.convolve2d``, and textbook formulas written as ``X[i - a, j - b]`` turned into
code as ``K[::-1, ::-1]``: the mathematician's convolution, which flips the kernel.
"""

BREAKS = "correlate2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_lecture_example",
    "test_asymmetric_kernel",
    "test_convolve_flips_kernel",
    "test_learn_edge_kernel",
    "test_hidden_lecture_example",
    "test_asymmetric_kernels",
    "test_random_shapes",
    "test_result_dtype",
    "test_non_contiguous_inputs",
    "test_convolve_matches_flipped_correlation",
    "test_learn_kernel",
    "test_correlate2d_speed",
]
HINT = "does not flip the kernel"


def correlate2d(X, K):
    X, K = _check_pair(X, K)
    dtype = _result_dtype(X, K)
    X = X.astype(dtype)
    flipped = K[::-1, ::-1].astype(dtype)  # rotate the kernel by 180 degrees, as in the maths
    k_h, k_w = K.shape
    o_h, o_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    Y = np.zeros((o_h, o_w), dtype)
    for a in range(k_h):
        for b in range(k_w):
            Y += flipped[a, b] * X[a : a + o_h, b : b + o_w]
    return Y
