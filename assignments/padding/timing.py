"""Inputs of stage 2's speed test (trusted: loaded by the grader, never by students).

The speed test must fail both computing every position and subsampling (``full[::s, ::s]``)
and every loop over output pixels, also the fastest one: ``pixel_loop_im2col_dot`` (the
kept windows gathered vectorised, then one C-level ``k.dot`` call per output), a fixed
~0.3 µs per output whatever the kernel. The reference's cost per output grows with the
kernel, so a small kernel separates the loops best: a 128×8192 image, a 2×3 kernel,
padding 1 and stride 8 (16 × 1024 = 16k outputs). The image is 8 MB; the speed test holds
one input set in a worker at a time.

Measured through the worker (``cnngrade calibrate padding``, best of 5, one BLAS thread; a
shared 2-core VM, 2026-12, six runs): the reference 0.5-0.7 ms; the strided vectorised
members 1.8-2.7× and the slowest, ``sliding_multiply_sum_strided`` (the common
``(windows * K).sum(axis=(2, 3))``), 2.6-3.1×; the im2col dot loop 8.9-10.1×,
full-then-subsample 10.7-13.3×, every other loop 15× and more. The limit of 5.5 sits in the
middle: at least 1.75× above the slowest vectorised member and 1.6× below the fastest
loop. No input tried does better: one C call per output is only 3-4× slower than the
slowest vectorised form, on every size and kernel tried (3×3, 2×2, 3×2 and 2×3 kernels on
128×8192, 64×16384 and 256×4096 images). The inputs before (256×4096, 6×6, padding 2)
put the im2col dot loop at 3.6×, under the limit: it passed.
"""

import numpy as np


def correlate2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, int]:
    return rng.normal(size=(128, 8192)), rng.normal(size=(2, 3)), 1, 8


INPUTS = {"correlate2d": correlate2d_inputs}
