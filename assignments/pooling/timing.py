"""Inputs of stage 4's speed test (trusted: loaded by the grader, never by students).

One large single-channel image, 1024×1024 float64, pooled with the defaults every student
meets first: a 2×2 max pool whose stride defaults to the window. Measured through the
worker as grading does (best of 5 CPU times, one thread; ``cnngrade calibrate pooling``):
the reference takes about 1.1-1.6 ms per call (it is memory-bound: the input is 8 MB);
shifting over the four window offsets (np.maximum of strided slices) is 1.0-1.5× the
reference; sliding_window_view(...).max, the reshape-into-blocks trick and an im2col
gather are 12-20×; a loop over output rows is 20-27×; a pure-Python loop over lists is
150-195×; a loop over output pixels (vectorised over the leading axes, of which a single
image has none) is 465-650× (0.8 s per call). On a second kind of VM (2026-12), where
the reference's memory-bound work is slower (2.5-3.4 ms) and the interpreter's speed swings
by up to 2× with what shares the physical core, the vectorised members were 1.1-13× and the
loop over output pixels 276-570×. The limit of 85 in assignment.toml keeps every
NumPy-vectorised zoo member at least 3.1× under it and the loop over output pixels at least
3.2× over it. A pure-Python double loop over ``tolist()`` rows is not in the zoo: it fails,
but only about 2× over the limit. One interpreter step per output costs only ~10× a NumPy
reduction over a tiny strided window (sliding_window_view), so no limit can keep it 3× over
while keeping the sliding-window variants 3× under.
"""

import numpy as np


def pool2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    return rng.normal(size=(1024, 1024)), 2


INPUTS = {"pool2d": pool2d_inputs}
