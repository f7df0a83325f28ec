"""correlate2d_multi_in pairs channels with zip and never checks that the counts match.

Where real code does this: d2l's ``corr2d_multi_in`` is ``sum(corr2d(x, k) for x, k in
zip(X, K))``; ported to NumPy without a check, ``zip`` stops at the shorter argument, so a
3-channel image with a 2-channel kernel silently drops a channel instead of failing.
"""

# ruff: noqa: B905 (zip stops at the shorter argument: the mistake itself)

BREAKS = "correlate2d_multi_in"
LOSES = ["test_rejects_bad_arguments", "test_multi_errors"]
HINT = "zip"


def correlate2d_multi_in(X, K):
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = _as_array("K", K, 3, "(channels, k_h, k_w)")
    if K.shape[1] > X.shape[1] or K.shape[2] > X.shape[2]:
        raise ValueError(f"the kernel {K.shape[1:]} is larger than the input {X.shape[1:]}")
    return sum(_correlate_plane(x, k) for x, k in zip(X, K)) * 1.0
