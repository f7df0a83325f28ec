"""Inputs of stage 3's speed tests (trusted: loaded by the grader, never by students).

``conv2d``: one grayscale 192×192 image, two 3×3 kernels, bias, stride 1, padding 1. A loop
over output pixels pays the interpreter once per pixel (1-5 µs an iteration, whatever it
vectorises inside), while the reference spends about 10 ns of CPU per output value; the
test therefore needs many pixels, little work behind each, and a batch of one. The former
input (64 images of 28×28: 784 pixels, 64 images and 3 kernels behind each) let a pixel
loop vectorised over the batch and channels hide its cost: it ran at 6× the reference and
passed. Here every loop over output pixels, however vectorised inside, runs at 90× the
reference or more.

Sized from measurement through the grading workers (``cnngrade calibrate channels``, run
three times, the machine busy with other authors' work): the reference takes about 0.5 ms
of CPU per call and the slowest zoo member (one tensordot per image and pixel) about
0.2 s; vectorised members (im2col, einsum or tensordot over a sliding-window view, loops
over kernel offsets, images or channels only) run 1.2-3.3× the reference, loops over
output pixels 89-363×, so the limit of 16 leaves at least 4.8× under it and 5.5× over it
(the zoo's docstrings and EXPECTED say which side). A batch, more output channels or bigger
kernels would narrow the gap: they add work behind each pixel, which the reference does in
one BLAS product and a pixel loop inside its one call per pixel.

``correlate2d_1x1``: a 3-channel 192×192 image and a (4, 3) kernel. The reference (one
matrix product) takes about 0.2 ms; products and broadcasts run 1.0-2.8× that, loops over
the 36,864 pixels 94-192×; limit 16.
"""

import numpy as np


def conv2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    X = rng.normal(size=(1, 1, 192, 192))
    W = rng.normal(size=(2, 1, 3, 3))
    b = rng.normal(size=2)
    return X, W, b, 1, 1


def correlate2d_1x1_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.normal(size=(3, 192, 192))
    K = rng.normal(size=(4, 3))
    return X, K


INPUTS = {"conv2d": conv2d_inputs, "correlate2d_1x1": correlate2d_1x1_inputs}
