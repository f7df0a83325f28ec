"""Inputs of stage 2's speed test (trusted: loaded by the grader, never by students).

The speed test must separate computing only the strided outputs from computing every
position and subsampling (``full[::s, ::s]``). Sized from measurement through the grading
workers (one BLAS thread each, CPU time, best of 5): a 256×4096 image, a 6×6 kernel,
padding 2 and stride 8 (about 16k outputs). The reference takes about 1.5 ms of CPU time;
every zoo member that computes only the strided outputs (shift-and-add over strided slices,
strided sliding windows with einsum/tensordot/matmul, a loop over output rows) lands at
0.9-1.7× it, while full-then-subsample variants land at 19-27× and the double loop over
outputs at 25-35×. The limit of 5.5 sits between the groups (measured margins at least
3.2× on both sides, under load too; 6 left full-then-subsample only about 3.1× over). The
image is 8 MB; the speed test holds one input set in a worker at a time.
"""

import numpy as np


def correlate2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, int]:
    return rng.normal(size=(256, 4096)), rng.normal(size=(6, 6)), 2, 8


INPUTS = {"correlate2d": correlate2d_inputs}
