"""Inputs of stage 1's speed test (trusted: loaded by the grader, never by students).

Sized from measurement (benchmarks/stage1_timing_probe.py): a 320×320 image with a 2×7
kernel makes the reference take about 1.2 ms of CPU time, the book's double loop about
0.3 s, and every vectorised zoo member fall 4-28× under the limit of 28.
"""

import numpy as np


def correlate2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    return rng.normal(size=(320, 320)), rng.normal(size=(2, 7))


INPUTS = {"correlate2d": correlate2d_inputs}
