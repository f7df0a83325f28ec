"""A class regraded two ways, side by side in one run: `cnngrade batch -j 2` on this machine
and `--scheduler` on a Dask LocalCluster of 2 worker processes (1 thread each).

The class is generated into a temporary folder: N submissions (default 100) cycling through
the reference, the stub and every mistake of the stage's mistakes zoo. Both ways grade the
same folder through the same core call (`run_batch`); the table gives the wall time of each,
the time per submission, the ratio to `-j 2`, and whether every submission got the same
score on every test both ways (a speed test near its limit may differ between two runs: the
differing rows are listed). Needs cnngrade[cluster]; as root, both ways use the job accounts
cnngrade-job1/2. Usage: python benchmarks/batch_dask.py [N] [--stage STAGE] [--workers W]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
import time
from pathlib import Path

from _common import ROOT

from autograder.authoring.mistakes import compose, mistake_files, read_mistake
from autograder.course.stages import Stage, get_stage
from autograder.grading.batch import BatchReport, discover, run_batch


def make_class(stage: Stage, count: int, folder: Path) -> list[str]:
    """``count`` single-file uploads in ``folder``; the kinds, in order."""
    kinds: list[tuple[str, str]] = [
        ("reference", stage.reference.read_text(encoding="utf-8")),
        ("stub", stage.stub.read_text(encoding="utf-8")),
    ]
    for path in mistake_files(stage):
        mistake = read_mistake(path, stage)
        kinds.append((mistake.name, compose(stage, mistake)))
    folder.mkdir(parents=True)
    made = []
    for index in range(count):
        kind, source = kinds[index % len(kinds)]
        (folder / f"s{index:04d}_{kind}.py").write_text(source, encoding="utf-8")
        made.append(kind)
    return made


def scores(report: BatchReport) -> dict[str, tuple[float, ...]]:
    return {o.entry.id: tuple(t.score for t in o.results.tests if not t.staff)
            for o in report.outcomes}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=100)
    parser.add_argument("--stage", default="correlate2d")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import LocalCluster

    stage = get_stage(args.stage, ROOT)
    work = Path(tempfile.mkdtemp(prefix="cnngrade-bench-dask-"))
    try:
        kinds = make_class(stage, args.count, work / "class")
        entries = discover(work / "class")
        print(f"{len(entries)} submissions of {stage.id} ({len(set(kinds))} kinds: reference, "
              f"stub, {len(set(kinds)) - 2} mistakes)\n")  # fmt: skip
        local = run_batch(stage, entries, work / "local", jobs=2)
        started = time.monotonic()
        options = {"threads_per_worker": 1, "processes": True, "dashboard_address": None}
        with LocalCluster(n_workers=args.workers, silence_logs=logging.ERROR, **options) as cluster:
            startup = time.monotonic() - started
            dask = run_batch(stage, entries, work / "dask", scheduler=cluster.scheduler_address)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mine, theirs = scores(local), scores(dask)
    differ = sorted(k for k in mine if mine[k] != theirs.get(k))
    equal = f"{len(mine) - len(differ)}/{len(mine)}"
    print("| way | wall (s) | per submission (s) | ratio to -j 2 | scores equal |")
    print("| --- | --- | --- | --- | --- |")
    n = len(entries)
    print(f"| -j 2 | {local.seconds:.1f} | {local.seconds / n:.2f} | 1.00 | – |")
    print(f"| LocalCluster, {args.workers} workers | {dask.seconds:.1f} | {dask.seconds / n:.2f} "
          f"| {dask.seconds / local.seconds:.2f} | {equal} |")  # fmt: skip
    print(f"\n(the cluster's start, {startup:.1f} s, not counted; its wall time includes "
          "connecting, sending the uploads and writing every file on this side)")  # fmt: skip
    for key in differ:
        print(f"differs: {key}: -j 2 {sum(mine[key]):g}, cluster {sum(theirs.get(key, ())):g}")


if __name__ == "__main__":
    main()
