"""Inputs of stage @NUMBER@'s speed test (trusted: loaded by the grader, never by students).

``INPUTS`` maps each timed function of ``[grading.timing]`` to a maker: ``make(rng)``
returns the positional arguments of one timed call. Choose inputs on which every
implementation you want to fail (the ``EXPECTED = "fail"`` members of ``zoo/``) is far
above the limit and every one you want to pass far below it, and measure both with
``cnngrade calibrate @ID@``: a margin of 3× on each side survives a noisy, throttled
grader.

The example's 500×500 input, measured on a shared 2-core VM (three runs, 2026-12-02;
reference 0.5 ms): ``multiply_mask`` 1.2-1.5× and ``np_where`` 3.7-3.8× the reference,
``list_comprehension`` 69-88× and ``element_loop`` 210-260×. The limit of 15 keeps both
sides at least 4× away.
"""

import numpy as np


def relu_inputs(rng: np.random.Generator) -> tuple[np.ndarray]:
    return (rng.normal(size=(500, 500)),)


INPUTS = {"relu": relu_inputs}
