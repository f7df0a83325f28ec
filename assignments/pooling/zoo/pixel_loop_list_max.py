"""Pure Python with C-speed pieces: per output pixel, builtin max over list slices of its rows.

``max(max(line[c : c + k_w]) for line in image[r : r + k_h])`` on ``tolist()`` rows: the
inner work runs in C (list slicing, builtin max), so this is the quickest loop over output
pixels a student is likely to write; it still makes several interpreter-level calls per
output.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 280-330× the
reference (limit 55): EXPECTED = "fail", at least 5.1× over. On ``pool2d`` (2×2 windows) it is
only 92-107×, 1.1-1.3× over the limit, so it is timed on ``pool2d:pixels`` only.
"""


import numpy as np

TIMED = "pool2d:pixels"
EXPECTED = "fail"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    reduce = max if mode == "max" else sum
    out = []
    for image in Xp.reshape(-1, *Xp.shape[-2:]).tolist():
        for i in range(o[0]):
            band = image[i * s[0] : i * s[0] + k[0]]
            for j in range(o[1]):
                c = j * s[1]
                out.append(reduce(reduce(line[c : c + k[1]]) for line in band))
    Y = np.array(out, dtype=np.float64).reshape(*Xp.shape[:-2], *o)
    if mode == "avg":
        Y /= k[0] * k[1]
    return Y.astype(dtype)
