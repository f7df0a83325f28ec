"""Inputs of stage 1's speed test (trusted: loaded by the grader, never by students).

A 240×960 image with a 1×3 kernel. The speed test must fail every loop over output pixels,
also the fastest one: ``pixel_loop_im2col_dot`` (im2col done vectorised, then one C-level
``k.dot`` call per output pixel, driven by ``map``), whose cost is a fixed ~0.3 µs per
pixel whatever the kernel. The reference's cost grows with the kernel's size, so a small
kernel is what separates the two families; the image is large enough, and wide enough
(four times wider than tall), for a per-row loop (``row_loop``) to amortise its overhead.

Measured through the worker (``cnngrade calibrate correlate2d``, best of 5, one BLAS
thread; a shared 2-core VM). On 480×480 (first week of 2026-12, four runs; reference
0.85-0.9 ms) vectorised members were up to 5.4-7.0× (``sliding_multiply_sum``, ``row_loop``),
pixel loops from 73-82× (the im2col dot loop) to 240-310× (``double_loop``). On 480×480 (four runs,
2026-12-02) ``row_loop`` reached 9.4× against the im2col dot loop's 117×, too close for a limit
3× from both; on 240×960 (four runs, 2026-12-02; reference 0.4-0.6 ms): vectorised members up
to 5.2× (``row_loop``) and 7.1× (``sliding_multiply_sum``), pixel loops from 118×
(``pixel_loop_im2col_dot``) to 780× (``double_loop``): the limit of 28 leaves both sides at
least 3.9× away. The inputs before (320×320, a 2×7 kernel) put the im2col dot loop at
22.8×, on the limit itself.
"""

import numpy as np


def correlate2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    return rng.normal(size=(240, 960)), rng.normal(size=(1, 3))


INPUTS = {"correlate2d": correlate2d_inputs}
