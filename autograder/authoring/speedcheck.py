"""Speed feedback before submitting: the student's function against a plain double loop.

``cnngrade release`` copies this file into the template as ``tests/speedcheck.py`` (with
the graded limits and hints filled in, see :data:`GRADED`); the public tests use it through
the ``speedcheck`` fixture, with nothing but NumPy and the standard library. For each timed
key of a stage it builds the inputs of the graded speed test (the shapes are those of the
stage's ``timing.py``; a kit test keeps them equal), times the student's function and a
*yardstick* in the student's own process (``time.process_time``: CPU time; a warm-up call
first; best of :data:`REPEATS`), and says in words whether the student is on track.

The yardstick is a loop over the output pixels with one NumPy reduction per pixel: the
speed of the textbook solution, known on every machine without the reference. It handles
exactly the timed call (no validation, no other dtypes, paddings or modes), so it is no
solution to copy. Its time grows linearly with the number of output rows, so it runs on the
first :attr:`Yardstick.rows` of them and is scaled up: a second or two per stage.

The verdict: the student is on track when their function is at least :attr:`Timed.need`
times faster than the yardstick. Those factors were chosen from the speed zoos
(``cnngrade calibrate STAGE --student`` prints the table) to give every zoo member the
graded test's verdict, 3× or more from the threshold where that is possible. The estimate
of the graded ratio maps ``need`` onto the graded limit (``limit × need / speed-up``): a
rough figure, as the reference's speed relative to a Python loop differs between machines.
The hidden speed test on Gradescope is the one that counts; while grading, the public
speed-feedback tests (those using the template's ``speedcheck`` fixture) are not even
collected.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

#: timed repetitions after the warm-up; the best counts
REPEATS = 5
#: stop timing a function this many times slower than on track (it clearly is not)
CLEAR_MISS = 3.0
#: the graded tests' (limit × the reference, hint), by (stage, key); ``cnngrade release``
#: writes them here from each stage's assignment.toml
GRADED: dict[tuple[str, str], tuple[float, str]] = {}

Inputs = tuple[Any, ...]
Function = Callable[..., Any]


# -- the yardsticks: one NumPy reduction per output pixel ------------------------------------


def _loop_correlate(Xp: np.ndarray, K: np.ndarray, stride: int, shape: tuple[int, int],
                    rows: int) -> np.ndarray:  # fmt: skip
    """``Y[i, j] = (window at (i*s, j*s) * K).sum()`` for the first ``rows`` output rows."""
    k_h, k_w = K.shape
    Y = np.zeros(shape)
    for i in range(min(rows, shape[0])):
        for j in range(shape[1]):
            Y[i, j] = (Xp[i * stride : i * stride + k_h, j * stride : j * stride + k_w] * K).sum()
    return Y


def yardstick_correlate2d(X: np.ndarray, K: np.ndarray, rows: int) -> np.ndarray:
    o = (X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1)
    return _loop_correlate(X, K, 1, o, rows)


def yardstick_padded_correlate2d(X: np.ndarray, K: np.ndarray, padding: int, stride: int,
                                 rows: int) -> np.ndarray:  # fmt: skip
    Xp = np.pad(X, padding)
    o = ((Xp.shape[0] - K.shape[0]) // stride + 1, (Xp.shape[1] - K.shape[1]) // stride + 1)
    return _loop_correlate(Xp, K, stride, o, rows)


def yardstick_conv2d(X: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int, padding: int,
                     rows: int) -> np.ndarray:  # fmt: skip
    """One ``tensordot`` of the (N, c_i, k_h, k_w) window with W per output pixel."""
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    k_h, k_w = W.shape[2:]
    o_h, o_w = (Xp.shape[2] - k_h) // stride + 1, (Xp.shape[3] - k_w) // stride + 1
    Y = np.zeros((X.shape[0], W.shape[0], o_h, o_w))
    for i in range(min(rows, o_h)):
        for j in range(o_w):
            window = Xp[:, :, i * stride : i * stride + k_h, j * stride : j * stride + k_w]
            Y[:, :, i, j] = np.tensordot(window, W, axes=([1, 2, 3], [1, 2, 3])) + b
    return Y


def yardstick_1x1(X: np.ndarray, K: np.ndarray, rows: int) -> np.ndarray:
    """One matrix-vector product per pixel."""
    Y = np.zeros((K.shape[0], *X.shape[1:]))
    for i in range(min(rows, X.shape[1])):
        for j in range(X.shape[2]):
            Y[:, i, j] = K @ X[:, i, j]
    return Y


def yardstick_max_pool(X: np.ndarray, size: int, rows: int) -> np.ndarray:
    """One ``max`` per window (stride = window, no padding)."""
    o_h, o_w = X.shape[0] // size, X.shape[1] // size
    Y = np.zeros((o_h, o_w))
    for i in range(min(rows, o_h)):
        for j in range(o_w):
            Y[i, j] = X[i * size : i * size + size, j * size : j * size + size].max()
    return Y


# -- the timed keys ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timed:
    """One graded speed test, seen from the student's side."""

    stage: str
    key: str  # the timed key in the stage's timing.py: "correlate2d" or "correlate2d:pixels"
    names: tuple[str, ...]  # the arguments' names, for messages
    inputs: Callable[[np.random.Generator], Inputs]  # the graded test's inputs
    yardstick: Callable[..., np.ndarray]  # (*inputs, rows) → output, first ``rows`` rows done
    rows: int  # output rows the yardstick runs (then scaled to all of them)
    need: float  # on track: at least this many times faster than the yardstick

    @property
    def function(self) -> str:
        return self.key.partition(":")[0]


# ``need`` per key: the geometric middle of the zoo's gap, measured with ``cnngrade
# calibrate STAGE --student`` (each member in a fresh process, one BLAS thread; a shared,
# busy 2-core VM, 2026-12: five runs, pool2d:pixels two). Speed-ups over the double loop:
# - correlate2d (240×960; three runs): pixel loops 0.96-3.8 (pixel_loop_im2col_dot the
#   fastest), vectorised 69-345 (sliding_multiply_sum the slowest): need 16, margins 4.2×
#   and 4.3×. (On the earlier 480×480 input: 0.89-4.7 against 59-340.)
# - padding correlate2d (7×7 kernel, stride 32; three runs): full_then_subsample and
#   sliding_einsum_subsample 0.06-0.13, strided vectorised 5.2-9.9: need 0.8, margins 6.5×
#   and 6.2×.
# - padding correlate2d:pixels: pixel loops 0.83-6.5, vectorised 126-1630 (page faults on
#   each fresh 1 MB output cost shift_add_strided most of its lead): need 28, margins 4.3×
#   and 4.5×.
# - channels conv2d: pixel loops 0.83-3.6 (pixel_loop_matmul), vectorised 60-1030
#   (einsum_optimize the slowest): need 15, margins 4.2× and 4.0×.
# - channels correlate2d_1x1: pixel loops 0.93-1.6, products 32-655 (the channel loop the
#   slowest): need 7, margins 4.4× and 4.5×.
# - pooling pool2d: output_loop 0.44-0.91, vectorised 13-385 (column_loop, row_loop the
#   slowest): need 3.4, margins 3.7× and 3.8×.
# - pooling pool2d:pixels (2560×640): pixel loops 0.60-4.2 (pixel_loop_python, a loop over
#   lists), vectorised 76-1540 (row_loop): need 18, margins 4.3× and 4.2×. On the earlier
#   1536×1024 input the gap was narrower (5.3 against 51: 3.1× at best on either side).
TIMED = [
    Timed("correlate2d", "correlate2d", ("X", "K"),
          lambda rng: (rng.normal(size=(240, 960)), rng.normal(size=(1, 3))),
          yardstick_correlate2d, rows=24, need=16),
    Timed("padding", "correlate2d", ("X", "K", "padding", "stride"),
          lambda rng: (rng.normal(size=(128, 8192)), rng.normal(size=(7, 7)), 3, 32),
          yardstick_padded_correlate2d, rows=4, need=0.8),
    Timed("padding", "correlate2d:pixels", ("X", "K", "padding", "stride"),
          lambda rng: (rng.normal(size=(128, 1024)), rng.normal(size=(3, 1)), 1, 1),
          yardstick_padded_correlate2d, rows=8, need=28),
    Timed("channels", "conv2d", ("X", "W", "b", "stride", "padding"),
          lambda rng: (rng.normal(size=(1, 1, 192, 192)), rng.normal(size=(2, 1, 3, 3)),
                       rng.normal(size=2), 1, 1),
          yardstick_conv2d, rows=12, need=15),
    Timed("channels", "correlate2d_1x1", ("X", "K"),
          lambda rng: (rng.normal(size=(3, 192, 192)), rng.normal(size=(4, 3))),
          yardstick_1x1, rows=12, need=7),
    Timed("pooling", "pool2d", ("X", "pool_size"),
          lambda rng: (rng.normal(size=(1024, 1024)), 2),
          yardstick_max_pool, rows=8, need=3.4),
    Timed("pooling", "pool2d:pixels", ("X", "pool_size"),
          lambda rng: (rng.normal(size=(2560, 640)), 1),
          yardstick_max_pool, rows=6, need=18),
]  # fmt: skip


def timed(stage: str, key: str) -> Timed:
    for entry in TIMED:
        if (entry.stage, entry.key) == (stage, key):
            return entry
    known = ", ".join(f"{t.stage}/{t.key}" for t in TIMED)
    raise KeyError(f"no speed feedback for {stage}/{key} (known: {known})")


# -- timing ----------------------------------------------------------------------------------


def _tick() -> float:
    """The granularity of ``process_time`` (a few ns on Linux, ~16 ms on Windows)."""
    start = time.process_time()
    while (now := time.process_time()) == start:
        pass
    while (later := time.process_time()) == now:
        pass
    return later - now


def cpu_per_call(call: Callable[[], object], at_least: float) -> float:
    """CPU seconds per call of ``call``, repeated until ``at_least`` seconds have passed
    (so that a coarse clock still measures a fast function)."""
    calls, start = 0, time.process_time()
    while True:
        call()
        calls += 1
        elapsed = time.process_time() - start
        if elapsed >= at_least:
            return elapsed / calls


@dataclass(frozen=True)
class Feedback:
    """The student's function against the yardstick on one timed key."""

    check: Timed
    call: str  # "correlate2d(X (480, 480), K (1, 3))"
    student_seconds: float  # best CPU time per call
    yardstick_seconds: float  # best CPU time per call, scaled to every output row
    repeats_run: int

    @property
    def speedup(self) -> float:
        """How many times faster than the yardstick (below 1: slower)."""
        return self.yardstick_seconds / max(self.student_seconds, 1e-12)

    @property
    def on_track(self) -> bool:
        return self.speedup >= self.check.need

    @property
    def margin(self) -> float:
        """How far from the threshold, on the side of the verdict (≥ 1)."""
        ratio = self.speedup / self.check.need
        return ratio if ratio >= 1 else 1 / ratio

    def message(self) -> str:
        check = self.check
        limit, hint = GRADED.get((check.stage, check.key), (None, ""))
        timing = (f"{_ms(self.student_seconds)} of CPU time (best of {self.repeats_run}), "
                  f"{_times(self.speedup)} a plain double loop over the output pixels "
                  f"({_ms(self.yardstick_seconds)})")  # fmt: skip
        estimate = ""
        if limit is not None:
            graded = _num(limit * check.need / self.speedup)
            estimate = (f"roughly {graded}× the reference solution's time, against a limit "
                        f"of {limit:g}×")  # fmt: skip
        if self.on_track:
            return (f"{self.call}: on track. It took {timing}; on track means at least "
                    f"{_num(check.need)}× faster."
                    + (f" That suggests {estimate} in the graded speed test." if estimate else "")
                    + " A local estimate: the hidden speed test on Gradescope is the one that "
                    "counts.")  # fmt: skip
        return (f"{self.call} is too slow: it took {timing}; the graded speed test needs about "
                f"{_num(check.need)}× faster than that loop"
                + (f" (this suggests {estimate})" if estimate else "")
                + ". Code this slow still does Python-level work per output pixel (or computes "
                "outputs it does not keep)." + (f"\nHint: {hint}" if hint else ""))  # fmt: skip


def _num(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.2g}"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def _times(speedup: float) -> str:
    if speedup >= 1:
        return f"{_num(speedup)}× faster than"
    return f"{_num(1 / speedup)}× slower than"


def describe(check: Timed, inputs: Inputs) -> str:
    parts = [  # (no zip(strict=...): the template also runs on Python 3.9)
        f"{check.names[i]} {value.shape}"
        if isinstance(value, np.ndarray)
        else f"{check.names[i]}={value!r}"
        for i, value in enumerate(inputs)
    ]
    return f"{check.function}({', '.join(parts)})"


def measure(function: Function, check: Timed, *, repeats: int = REPEATS,
            seed: int = 0) -> Feedback:  # fmt: skip
    """Time ``function`` and the yardstick on the graded inputs, interleaved; best of
    ``repeats`` after one warm-up call each."""
    inputs = check.inputs(np.random.default_rng(seed))
    at_least = max(0.005, 20 * _tick())
    full_rows = check.yardstick(*inputs, 0).shape[-2]
    scale = full_rows / min(check.rows, full_rows)

    def student() -> object:
        return function(*inputs)

    def yardstick() -> object:
        return check.yardstick(*inputs, check.rows)

    # warm-up: first-call costs are not the speed, but a warm-up far over the threshold
    # already says enough (a loop over 1.5 million pixels takes seconds per call)
    best_yardstick = cpu_per_call(yardstick, at_least) * scale

    def clearly_too_slow(seconds: float) -> bool:
        return bool(seconds > CLEAR_MISS * best_yardstick / check.need)

    warm_up = cpu_per_call(student, 0.0)
    if clearly_too_slow(warm_up):
        return Feedback(check, describe(check, inputs), warm_up, best_yardstick, 1)
    best_student = float("inf")
    runs = 0
    for index in range(repeats):
        order = [student, yardstick] if index % 2 else [yardstick, student]
        for call in order:
            if call is student and runs and clearly_too_slow(best_student):
                continue  # clearly too slow: spare the student more slow runs
            seconds = cpu_per_call(call, at_least)
            if call is student:
                best_student, runs = min(best_student, seconds), runs + 1
            else:
                best_yardstick = min(best_yardstick, seconds * scale)
    return Feedback(check, describe(check, inputs), best_student, best_yardstick, runs)


class SpeedFeedback:
    """The ``speedcheck`` fixture of the public tests: ``speedcheck.require(stage, key,
    function)`` measures, notes the verdict for the end-of-run summary, and fails the test
    with a teaching message when the function is too slow."""

    def __init__(self, note: Callable[[str], None] = lambda text: None) -> None:
        self._note = note

    def require(self, stage: str, key: str, function: Function) -> Feedback:
        __tracebackhide__ = True  # pytest shows the message, not this helper's frames
        return self.require_check(timed(stage, key), function)

    def require_check(self, check: Timed, function: Function) -> Feedback:
        __tracebackhide__ = True
        feedback = measure(function, check)
        text = feedback.message()
        self._note(text)
        if not feedback.on_track:
            raise AssertionError(text)
        return feedback
