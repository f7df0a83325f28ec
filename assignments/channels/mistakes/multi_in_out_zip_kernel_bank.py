"""correlate2d_multi_in_out zips the input channels with K, whose first axis is c_o.

Where real code does this: the per-input-channel view "correlate X[c] with every output's
kernel for c, then add over c" written as ``for x, k in zip(X, K)``; but ``K[c]`` is output
channel c's kernel bank, not the kernels for input channel c (that is ``K[:, c]``). The
pairing is transposed, and ``zip`` stops at min(c_i, c_o) channels.
"""

# ruff: noqa: B905 (zip stops at the shorter argument: the mistake itself)

BREAKS = "correlate2d_multi_in_out"
LOSES = [
    "test_multi_in_out_pairing",
    "test_multi_in_out_book_example",
    "test_hidden_book_examples",
    "test_multi_in_out_random",
]
HINT = "K[o, c]"


def correlate2d_multi_in_out(X, K):
    X, K = _check_multi(X, K, 4, "(out_channels, in_channels, k_h, k_w)")
    total = 0
    for x, kernels in zip(X, K):  # K[c] taken for the kernels of input channel c
        total = total + np.stack([_correlate_plane(x, k) for k in kernels])
    return total * 1.0
