"""Right values, too slow: every stride-1 position is computed, then Y[::s_h, ::s_w] is kept.

Where real code does this: a stage-1 ``corr2d`` reused for strides (``corr2d(pad(X),
K)[::s, ::s]``), common in numpy CNN projects and in answers that "add stride" to the d2l
function; at stride s it does s_h * s_w times the work.
"""

BREAKS = "correlate2d"
LOSES = ["test_correlate2d_speed"]
HINT = "compute only the outputs you keep"


def correlate2d(X, K, padding=0, stride=1):
    X, K, sides, (s_h, s_w), _ = _correlate_args(X, K, padding, stride)
    Xp = pad2d(X.astype(_result_dtype(X, K)), sides)
    f_h, f_w = Xp.shape[0] - K.shape[0] + 1, Xp.shape[1] - K.shape[1] + 1
    full = _taps_sum(Xp, K, (1, 1), (f_h, f_w), Xp.dtype)  # every stride-1 position
    return full[::s_h, ::s_w].copy()
