"""Measure stage-1 (correlate2d) zoo implementations relative to the shift-and-add reference.

Used to choose the input size, kernel and ratio threshold ``T`` of the stage-1
timing test.  For every candidate (input size, kernel) pair and every zoo
module it reports ``ratio = best(candidate) / best(reference)``, where the
reference is ``zoo/shift_add.py`` and each "best" is the minimum CPU time over
several single calls.  Reference and candidate calls are interleaved
(ref, cand, ref, cand, ...) and every call gets freshly generated float64
inputs, mirroring what the grader will do.

All BLAS/OpenMP pools are pinned to one thread *before* NumPy is imported, so
the CPU time of the calling thread (``time.thread_time_ns``) captures all the
work.  The double loop is very slow at large sizes; it is measured with fewer
repetitions there (bounded by ``--double-loop-budget``) and its absolute CPU
and wall time per call is reported separately.

For every configuration the script also prints the separation
``min(ratio of EXPECTED="fail" modules) / max(ratio of EXPECTED="pass" modules)``
and the range of thresholds ``T`` with ``max_pass <= T/3`` and
``min_fail >= 3T`` (non-empty iff the separation is at least 9).

Usage::

    python3 benchmarks/stage1_timing_probe.py [--reps 5] [--sizes 64,128,256]
        [--kernels 3x3,5x5,2x7] [--clock thread|process]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gc  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

import numpy as np  # noqa: E402
from numpy.typing import NDArray  # noqa: E402

from autograder.authoring.mistakes import composed  # noqa: E402
from autograder.course.stages import get_stage  # noqa: E402

Correlate = Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]]

REPO_ROOT = Path(__file__).resolve().parents[1]
ZOO_DIR = REPO_ROOT / "assignments" / "correlate2d" / "zoo"
REFERENCE = "shift_add"
SLOW = "double_loop"
DEFAULT_SIZES = (64, 128, 192, 256, 384)
DEFAULT_KERNELS = ((3, 3), (5, 5), (2, 7))


@dataclass(frozen=True)
class ZooMember:
    name: str
    expected: str
    func: Correlate


@dataclass
class Timing:
    """Per-call measurements (nanoseconds) of one implementation on one configuration."""

    cpu_ns: list[int] = field(default_factory=list)
    wall_ns: list[int] = field(default_factory=list)

    @property
    def best_cpu(self) -> int:
        return min(self.cpu_ns)

    @property
    def best_wall(self) -> int:
        return min(self.wall_ns)


@dataclass
class ConfigResult:
    size: int
    kernel: tuple[int, int]
    ref_best_ns: int
    ratios: dict[str, float]
    slow_timing: Timing | None


def load_zoo(zoo_dir: Path) -> list[ZooMember]:
    """Load every member of ``zoo_dir`` as grading does: the reference, then the member."""
    stage = get_stage("correlate2d", REPO_ROOT)
    members: list[ZooMember] = []
    for path in sorted(zoo_dir.glob("*.py")):
        if path.stem.startswith("_"):
            continue
        module = ModuleType(f"cnngrade_zoo_{path.stem}")
        exec(compile(composed(stage, path, "zoo member"), str(path), "exec"), module.__dict__)
        expected = getattr(module, "EXPECTED", "?")
        members.append(ZooMember(path.stem, expected, module.correlate2d))
    names = [m.name for m in members]
    if REFERENCE not in names:
        raise SystemExit(f"reference module {REFERENCE!r} not found in {zoo_dir}")
    return members


def make_clock(kind: str) -> Callable[[], int]:
    if kind == "thread":
        return time.thread_time_ns
    if kind == "process":
        return time.process_time_ns
    raise ValueError(f"unknown clock {kind!r}")


class InputFactory:
    """Hands out a fresh pair of random float64 inputs for every call."""

    def __init__(self, size: int, kernel: tuple[int, int], seed: int) -> None:
        self._rng = np.random.default_rng(seed)
        self._size = size
        self._kernel = kernel

    def __call__(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        X = self._rng.standard_normal((self._size, self._size))
        K = self._rng.standard_normal(self._kernel)
        return X, K


def timed_call(
    func: Correlate, make_inputs: InputFactory, clock: Callable[[], int], timing: Timing
) -> None:
    """Time one call of ``func`` on fresh inputs (input generation is not timed)."""
    X, K = make_inputs()
    gc.collect()
    wall0 = time.perf_counter_ns()
    cpu0 = clock()
    func(X, K)
    cpu1 = clock()
    wall1 = time.perf_counter_ns()
    timing.cpu_ns.append(cpu1 - cpu0)
    timing.wall_ns.append(wall1 - wall0)


def check_correctness(members: list[ZooMember], reference: ZooMember) -> None:
    """Cheap sanity check on a small input before any timing."""
    rng = np.random.default_rng(12345)
    X = rng.standard_normal((23, 19))
    K = rng.standard_normal((3, 4))
    expected = reference.func(X, K)
    for member in members:
        got = member.func(X, K)
        if got.shape != expected.shape or not np.allclose(got, expected, rtol=1e-9, atol=1e-9):
            raise SystemExit(f"zoo member {member.name!r} disagrees with the reference")


def measure_config(
    members: list[ZooMember],
    reference: ZooMember,
    size: int,
    kernel: tuple[int, int],
    reps: int,
    slow_budget_s: float,
    clock: Callable[[], int],
    seed: int,
) -> ConfigResult:
    make_inputs = InputFactory(size, kernel, seed)
    all_ref = Timing()
    ratios: dict[str, float] = {}
    slow_timing: Timing | None = None

    # Warm up the fast implementations (first-call import/allocation effects).
    for member in members:
        if member.name != SLOW:
            member.func(*make_inputs())

    for member in members:
        if member.name == reference.name:
            continue
        ref_t = Timing()
        cand_t = Timing()
        n = reps
        rep = 0
        while rep < n:
            timed_call(reference.func, make_inputs, clock, ref_t)
            timed_call(member.func, make_inputs, clock, cand_t)
            if member.name == SLOW and rep == 0:
                # Cap the total time spent on the slow implementation.
                per_call_s = cand_t.wall_ns[0] / 1e9
                n = max(1, min(reps, math.floor(slow_budget_s / max(per_call_s, 1e-9))))
            rep += 1
        ratios[member.name] = cand_t.best_cpu / ref_t.best_cpu
        all_ref.cpu_ns.extend(ref_t.cpu_ns)
        all_ref.wall_ns.extend(ref_t.wall_ns)
        if member.name == SLOW:
            slow_timing = cand_t
    ratios[reference.name] = 1.0
    return ConfigResult(size, kernel, all_ref.best_cpu, ratios, slow_timing)


def parse_kernel(text: str) -> tuple[int, int]:
    h, w = text.lower().split("x")
    return int(h), int(w)


def print_tables(results: list[ConfigResult], members: list[ZooMember]) -> None:
    names = [m.name for m in members]
    expected = {m.name: m.expected for m in members}
    width = max(len(n) for n in names)
    col = max(width, 9)

    print("\nRatio = best CPU time of implementation / best CPU time of shift_add reference")
    header = f"{'size':>9} {'kernel':>6} {'ref ms':>8} " + " ".join(f"{n:>{col}}" for n in names)
    print(header)
    print(" " * 25 + " ".join(f"{'(' + expected[n] + ')':>{col}}" for n in names))
    print("-" * len(header))
    for r in results:
        cells = " ".join(f"{r.ratios[n]:>{col}.2f}" for n in names)
        print(
            f"{r.size:>4}x{r.size:<4} {r.kernel[0]}x{r.kernel[1]:<4} "
            f"{r.ref_best_ns / 1e6:>8.3f} {cells}"
        )

    print(f"\n{SLOW}: absolute time per call (best of the repetitions that were run)")
    print(f"{'size':>9} {'kernel':>6} {'reps':>4} {'cpu ms':>9} {'wall ms':>9} {'ratio':>8}")
    for r in results:
        t = r.slow_timing
        if t is None:
            continue
        print(
            f"{r.size:>4}x{r.size:<4} {r.kernel[0]}x{r.kernel[1]:<4} {len(t.cpu_ns):>4} "
            f"{t.best_cpu / 1e6:>9.1f} {t.best_wall / 1e6:>9.1f} {r.ratios[SLOW]:>8.1f}"
        )

    pass_names = [n for n in names if expected[n] == "pass"]
    fail_names = [n for n in names if expected[n] == "fail"]
    if not pass_names or not fail_names:
        return
    print(
        "\nSeparation: max ratio over EXPECTED=pass vs min ratio over EXPECTED=fail;"
        " admissible T needs 3*max_pass <= T <= min_fail/3"
    )
    print(
        f"{'size':>9} {'kernel':>6} {'max_pass':>9} {'(who)':>{width + 2}} "
        f"{'min_fail':>9} {'separation':>10}  T range"
    )
    for r in results:
        worst_pass = max(pass_names, key=lambda n: r.ratios[n])
        best_fail = min(fail_names, key=lambda n: r.ratios[n])
        lo = 3 * r.ratios[worst_pass]
        hi = r.ratios[best_fail] / 3
        t_range = f"[{lo:.1f}, {hi:.1f}]" if lo <= hi else "empty"
        print(
            f"{r.size:>4}x{r.size:<4} {r.kernel[0]}x{r.kernel[1]:<4} "
            f"{r.ratios[worst_pass]:>9.2f} {'(' + worst_pass + ')':>{width + 2}} "
            f"{r.ratios[best_fail]:>9.1f} {r.ratios[best_fail] / r.ratios[worst_pass]:>10.1f}"
            f"  {t_range}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="best-of-N repetitions (default 5)")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated square input sizes",
    )
    parser.add_argument(
        "--kernels",
        default=",".join(f"{h}x{w}" for h, w in DEFAULT_KERNELS),
        help="comma-separated kernel shapes, e.g. 3x3,5x5,2x7",
    )
    parser.add_argument(
        "--double-loop-budget",
        type=float,
        default=2.0,
        help="approx. seconds of double-loop calls per configuration",
    )
    parser.add_argument("--clock", choices=("thread", "process"), default="thread")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",")]
    kernels = [parse_kernel(k) for k in args.kernels.split(",")]
    clock = make_clock(args.clock)
    members = load_zoo(ZOO_DIR)
    reference = next(m for m in members if m.name == REFERENCE)
    check_correctness(members, reference)

    print(
        f"numpy {np.__version__}, python {sys.version.split()[0]}, clock={args.clock}, "
        f"reps={args.reps}, threads pinned to 1, cpus={os.cpu_count()}"
    )
    start = time.perf_counter()
    results: list[ConfigResult] = []
    for i, size in enumerate(sizes):
        for j, kernel in enumerate(kernels):
            seed = args.seed + 1000 * i + j
            results.append(
                measure_config(
                    members,
                    reference,
                    size,
                    kernel,
                    args.reps,
                    args.double_loop_budget,
                    clock,
                    seed,
                )
            )
            print(
                f"  measured {size}x{size} / {kernel[0]}x{kernel[1]}"
                f"  ({time.perf_counter() - start:.0f} s elapsed)",
                file=sys.stderr,
            )
    print_tables(results, members)
    print(f"\ntotal wall time: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
