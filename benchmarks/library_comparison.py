"""Reference kernels against the fastest of PyTorch and SciPy, on the CPU, one thread.

Prints, per kernel and shape, the reference's best time, each library's, and the ratio of
the reference to the fastest library, with the target (≤ 1.0×; ≤ 1.5× for batched conv2d).
Libraries run on the same inputs converted once, outside the timed region. Times are the
calling thread's CPU time, best of N.

Usage: python benchmarks/library_comparison.py [--repeats N]
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
Thunk = Callable[[], object]


def reference(module: str) -> ModuleType | None:
    path = ROOT / "solutions" / "cnnlab" / f"{module}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"ref_{module}", path)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def best(thunk: Thunk, repeats: int) -> float:
    """Best CPU time of the calling thread: every kernel here runs single-threaded in it
    (one BLAS thread, torch.set_num_threads(1)), and a busy machine does not inflate it."""
    thunk()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.thread_time()
        thunk()
        times.append(time.thread_time() - start)
    return min(times)


@dataclass
class Case:
    kernel: str
    shape: str
    target: float
    ours: Thunk
    libraries: dict[str, Thunk]


def cases(rng: np.random.Generator) -> list[Case]:
    out: list[Case] = []
    torch = _optional("torch")
    signal = _optional("scipy.signal")
    ndimage = _optional("scipy.ndimage")
    if torch is not None:
        torch.set_num_threads(1)
    F = torch.nn.functional if torch is not None else None

    stage1 = reference("correlate")
    if stage1 is not None:
        for dtype in (np.float32, np.float64):
            X, K = (
                rng.normal(size=(1024, 1024)).astype(dtype),
                rng.normal(size=(3, 3)).astype(dtype),
            )
            libs: dict[str, Thunk] = {}
            if signal is not None:
                libs["scipy.signal.correlate2d"] = lambda X=X, K=K: signal.correlate2d(
                    X, K, "valid"
                )
            if ndimage is not None:
                libs["scipy.ndimage.correlate"] = lambda X=X, K=K: ndimage.correlate(X, K)
            if F is not None:
                tX, tK = torch.from_numpy(X)[None, None], torch.from_numpy(K)[None, None]
                libs["torch conv2d"] = lambda tX=tX, tK=tK: F.conv2d(tX, tK)
            out.append(Case("correlate2d", f"1024² {np.dtype(dtype).name}, 3×3", 1.0,
                            lambda X=X, K=K: stage1.correlate2d(X, K), libs))  # fmt: skip

    stage2 = reference("padding")
    if stage2 is not None and F is not None:
        for dtype in (np.float64, np.float32):
            X = rng.normal(size=(1024, 1024)).astype(dtype)
            K = rng.normal(size=(5, 5)).astype(dtype)
            tX, tK = torch.from_numpy(X)[None, None], torch.from_numpy(K)[None, None]
            out.append(Case(
                "padded strided correlate2d", f"1024² {np.dtype(dtype).name}, 5×5, p2, s2", 1.0,
                lambda X=X, K=K: stage2.correlate2d(X, K, padding=2, stride=2),
                {"torch conv2d": lambda tX=tX, tK=tK: F.conv2d(tX, tK, stride=2, padding=2)},
            ))  # fmt: skip

    stage3 = reference("channels")
    if stage3 is not None and F is not None:
        for label, x_shape, w_shape, pad in (
            ("LeNet conv1 (256,1,28,28)", (256, 1, 28, 28), (6, 1, 5, 5), 2),
            ("LeNet conv2 (256,6,14,14)", (256, 6, 14, 14), (16, 6, 5, 5), 0),
            ("layer (8,64,56,56) 3×3", (8, 64, 56, 56), (64, 64, 3, 3), 1),
        ):
            for dtype in (np.float32, np.float64):
                X = rng.normal(size=x_shape).astype(dtype)
                W = rng.normal(size=w_shape).astype(dtype)
                b = rng.normal(size=w_shape[0]).astype(dtype)
                tX, tW, tb = torch.from_numpy(X), torch.from_numpy(W), torch.from_numpy(b)
                out.append(Case("conv2d (batched)", f"{label} {np.dtype(dtype).name}", 1.5,
                                lambda X=X, W=W, b=b, pad=pad: stage3.conv2d(X, W, b, padding=pad),
                                {"torch conv2d": lambda tX=tX, tW=tW, tb=tb, pad=pad:
                                 F.conv2d(tX, tW, tb, padding=pad)}))  # fmt: skip

    stage4 = reference("pooling")
    if stage4 is not None:
        for label, shape, k, s, p in (
            ("single 1024² image, 2×2", (1024, 1024), 2, 2, 0),
            ("(256,6,28,28), 2×2", (256, 6, 28, 28), 2, 2, 0),
            ("(8,64,56,56), 3×3 s2 p1", (8, 64, 56, 56), 3, 2, 1),
        ):
            X = rng.normal(size=shape).astype(np.float32)
            for mode in ("max", "avg"):
                libs = {}
                if F is not None:
                    t = torch.from_numpy(X.reshape((-1, 1, *shape[-2:])) if X.ndim == 2 else X)
                    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
                    libs[f"torch {mode}_pool2d"] = lambda t=t, pool=pool, k=k, s=s, p=p: pool(
                        t, k, s, p
                    )
                if ndimage is not None and p == 0:
                    filt = ndimage.maximum_filter if mode == "max" else ndimage.uniform_filter
                    size = (1,) * (X.ndim - 2) + (k, k)
                    libs[f"scipy.ndimage {filt.__name__}"] = _filter_then_subsample(
                        filt, X, size, k, s
                    )
                out.append(Case(f"pool2d {mode}", label + " float32", 1.0,
                                lambda X=X, k=k, s=s, p=p, mode=mode:
                                stage4.pool2d(X, k, s, p, mode=mode), libs))  # fmt: skip
    return out


def _filter_then_subsample(
    filt: Callable[..., np.ndarray], X: np.ndarray, size: tuple[int, ...], k: int, s: int
) -> Thunk:
    """A sliding-window filter evaluated everywhere, then the pooling positions kept."""
    start = k // 2
    return lambda: filt(X, size=size)[..., start::s, start::s]


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print("| kernel | shape | reference (ms) | fastest library | library (ms) | ratio | target "
          "| met |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for case in cases(rng):
        ours = best(case.ours, args.repeats)
        if not case.libraries:
            print(f"| {case.kernel} | {case.shape} | {ours * 1e3:.2f} | (none installed) | | | | |")
            continue
        timed = {name: best(thunk, args.repeats) for name, thunk in case.libraries.items()}
        name, fastest = min(timed.items(), key=lambda item: item[1])
        ratio = ours / fastest
        met = "yes" if ratio <= case.target else "NO"
        print(f"| {case.kernel} | {case.shape} | {ours * 1e3:.2f} | {name} | {fastest * 1e3:.2f} "
              f"| {ratio:.2f}× | ≤ {case.target:g}× | {met} |")  # fmt: skip


if __name__ == "__main__":
    main()
