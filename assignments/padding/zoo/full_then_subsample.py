"""Every position then subsample: stage 1's fast shift-and-add at stride 1, then Y[::s_h, ::s_w].

The classic shortcut the stage warns about: correct, and fully vectorised, but it computes
all s_h * s_w times more outputs than it keeps. At the speed test's stride 32 that is 1024× the
multiply-adds: measured 25-42× the reference (limit 11), so it fails (the ``correlate2d`` speed
test exists to catch exactly this).
"""


import numpy as np

TIMED = "correlate2d"
EXPECTED = "fail"


def correlate2d(X, K, padding=0, stride=1):
    Xp, K, (s_h, s_w), _ = _prepare(X, K, padding, stride)
    k_h, k_w = K.shape
    f_h, f_w = Xp.shape[0] - k_h + 1, Xp.shape[1] - k_w + 1
    full = np.multiply(Xp[:f_h, :f_w], K[0, 0])
    term = np.empty_like(full)
    for a in range(k_h):
        for b in range(k_w):
            if a or b:
                np.multiply(Xp[a : a + f_h, b : b + f_w], K[a, b], out=term)
                full += term
    return full[::s_h, ::s_w].copy()
