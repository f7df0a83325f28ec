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


def _over_channels(per_channel):
    return per_channel.mean(axis=0)  # as when averaging colour channels into grey


correlate2d_multi_in = _plain_multi_in
