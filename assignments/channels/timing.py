"""Inputs of stage 3's speed test (trusted: loaded by the grader, never by students).

A LeNet-style first layer: 64 grayscale 28×28 images, three 5×5 kernels, bias, stride 1,
padding 2. Sized from measurement through the grading workers (``cnngrade calibrate
channels``, idle and with the other core busy): the reference takes about 1.5 ms of CPU
per call, the slowest zoo member (four nested loops) about 0.5 s; vectorised and
half-vectorised members run 2-8× the reference, loops over pixels 150-400×, so the limit
of 32 leaves at least 3× on each side (the zoo's docstrings and EXPECTED say which side).
Fewer output channels widen that gap: a loop's cost per pixel stays, the reference's
shrinks.
"""

import numpy as np


def conv2d_inputs(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    X = rng.normal(size=(64, 1, 28, 28))
    W = rng.normal(size=(3, 1, 5, 5))
    b = rng.normal(size=3)
    return X, W, b, 1, 2


INPUTS = {"conv2d": conv2d_inputs}
