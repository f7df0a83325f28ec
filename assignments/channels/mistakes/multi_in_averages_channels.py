"""correlate2d_multi_in averages the per-channel correlations instead of adding them.

Where real code does this: ``np.mean(..., axis=0)`` over the stacked channel results, as
for averaging colour channels into grey; the book's two-channel example then gives
[[28, 36], [52, 60]] instead of [[56, 72], [104, 120]].
"""

BREAKS = "correlate2d_multi_in"
LOSES = [
    "test_multi_in_book_example",
    "test_multi_in_adds_channel_results",
    "test_hidden_book_examples",
    "test_multi_in_random",
    "test_multi_in_sums_channels",
]
HINT = "not averaged"


def correlate2d_multi_in(X, K):
    X, K = _check_multi(X, K, 3, "(channels, k_h, k_w)")
    windows = np.lib.stride_tricks.sliding_window_view(X, K.shape[1:], axis=(1, 2))
    per_channel = np.einsum("cijab,cab->cij", windows, K)
    return per_channel.mean(axis=0)
