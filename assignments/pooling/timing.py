"""Inputs of stage 4's speed tests (trusted: loaded by the grader, never by students).

Two timed keys, because no single input separates every vectorised implementation from
every loop over output pixels by 3× on both sides: one interpreter step per output (a
pure-Python loop over ``tolist()`` rows) costs only about ten times a NumPy reduction over
a tiny strided window (``sliding_window_view(...).max``), so on the 2×2 input the
pure-Python loops land 1.1-1.5× over any limit that keeps the window views 3× under it.

- ``pool2d``: one large single-channel image, 1024×1024 float64, with the defaults every
  student meets first: a 2×2 max pool whose stride defaults to the window. It catches the
  NumPy loops over output pixels (vectorised over the leading axes, of which a single image
  has none) and keeps the window-view forms fast enough.
- ``pool2d:pixels``: a 1×1 window over a 2560×640 image, one output per input cell
  (1.6 M outputs). The reference is a strided copy and every vectorised form is close to
  it, while a loop over output pixels pays the interpreter once per pixel. The image is
  four times taller than wide so that a loop over output rows (2560 iterations) and one
  over output columns (640, each reading down the rows) cost about the same.

Measured through the worker (``cnngrade calibrate pooling``, four runs, best of 5 CPU times,
one thread; a busy 2-core VM, 2026-12; reference 1.1-1.3 ms on ``pool2d``):

- ``pool2d`` (limit 85): shifting over the window offsets 1.2-1.8×; reshape_blocks,
  sliding_window_max and im2col_gather 7.7-13×; row_loop and column_loop 13-19× (at least
  4.6× under); output_loop 430-461× (at least 5.1× over). On a second kind of VM the
  vectorised members were 1.1-27× and output_loop 276-650×.
- ``pool2d:pixels`` (limit 55): vectorised members 0.85-3.9×, row_loop and column_loop
  10-14× (at least 4.0× under); the pure-Python loops 213-330× (at least 3.9× over), the
  NumPy loops over output pixels 1000-2700×.
"""

import numpy as np


def pool2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    return rng.normal(size=(1024, 1024)), 2


def pool2d_pixels_inputs(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """``pool2d:pixels``: a 1×1 window over 2560×640, one output per input cell."""
    return rng.normal(size=(2560, 640)), 1


INPUTS = {"pool2d": pool2d_inputs, "pool2d:pixels": pool2d_pixels_inputs}
