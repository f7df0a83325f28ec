"""Off-by-one output size: n - k positions instead of n - k + 1.

Where real code does this: "the kernel slides n - k times" turned into
``out_h = H - kh`` (a classic slip in hand-written conv layers and in many forum answers on
output sizes); the last row and column of outputs go missing.
"""

BREAKS = "correlate2d"
# the speed tests check the timed results too: a wrong result fails them
LOSES = [
    "test_lecture_example",
    "test_output_shape",
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
HINT = "n_h - k_h + 1"


def correlate2d(X, K):
    X, K = _check_pair(X, K)
    out_h = X.shape[0] - K.shape[0]  # the kernel moves n - k times
    out_w = X.shape[1] - K.shape[1]
    return _offsets_sum(X, K, (out_h, out_w), _result_dtype(X, K))
