"""Pure Python: the image as nested lists (``tolist()``), four nested loops, no NumPy inside.

For each output pixel, loop over the k_h × k_w cells of its window and keep the largest (or
add them up), reading Python floats from lists. Each output costs k_h * k_w interpreter
steps, far fewer than the NumPy calls of a vectorised-over-leading-axes pixel loop, but
still hundreds of times the reference's per-output work.

Measured through the worker (four calibrations, 2026-12): ``pool2d:pixels`` 213-297× the
reference (limit 55): EXPECTED = "fail", at least 3.9× over. On ``pool2d`` (2×2 windows) it
was 126-320×, as little as 1.5× over the limit, so it is timed on ``pool2d:pixels`` only.
"""


import numpy as np

TIMED = "pool2d:pixels"
EXPECTED = "fail"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """Max or average pooling over the last two axes."""
    Xp, k, s, o, dtype = _prepare(X, pool_size, stride, padding, mode)
    images = Xp.reshape(-1, *Xp.shape[-2:]).tolist()
    out = []
    for image in images:
        rows = []
        for i in range(o[0]):
            row = []
            for j in range(o[1]):
                best = None
                total = 0.0
                for a in range(k[0]):
                    line = image[i * s[0] + a]
                    for b in range(k[1]):
                        v = line[j * s[1] + b]
                        total += v
                        if best is None or v > best:
                            best = v
                row.append(best if mode == "max" else total / (k[0] * k[1]))
            rows.append(row)
        out.append(rows)
    return np.array(out, dtype=dtype).reshape(*Xp.shape[:-2], *o)
