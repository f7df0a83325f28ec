"""Grade through the real Gradescope zip inside a box with Gradescope's default limits.

For each stage asked for: ``cnngrade build``, install into /autograder as Gradescope does
(setup.sh in offline mode), then run ``/autograder/run_autograder`` for each submission in a
cgroup limited to 768 MB of memory for all processes together and half a CPU (Gradescope's
defaults). Prints one Markdown table: score, wall time, the peak resident memory of all the
box's processes together, the kernel's high-water mark (page cache included), processes
killed for memory, and the time the CPU quota held the box back. Before each submission the
kernel's page cache is dropped, so that the box is charged for every file it reads (the
interpreter, NumPy, torch), as a fresh container is; ``--warm`` keeps the cache.

Needs root and cgroup memory and cpu controllers; replaces /autograder only if an earlier
run of these tools made it. Usage:
    python benchmarks/gradescope_box.py [STAGE ...] [--memory-mb 768] [--cpus 0.5]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from _cgroup import Box, BoxUnavailable
from _common import ROOT, build_lenet_submission, build_submission
from grading_cost import STAGE5_CASES

from autograder.course.stages import Stage, all_stages
from tests import autograder_install

STAGE1_CASES = [("infinite loop in correlate2d", "hang")]  # the one that costs grading time


def uploads(stage: Stage, work: Path) -> list[tuple[str, dict[str, str]]]:
    """(label, files of the upload) for the stage's reference, stub and failure cases."""
    module = stage.config.module  # e.g. cnnlab/lenet.py
    cases = [("reference", stage.reference), ("stub", stage.stub)]
    if stage.config.number == 1:
        cases += [(label, build_submission(work, v) / module) for label, v in STAGE1_CASES]
    if stage.config.number == 5:
        cases += [(label, build_lenet_submission(work, v)) for label, v in STAGE5_CASES]
    return [(label, {module: path.read_text()}) for label, path in cases]


def drop_page_cache() -> None:
    """Forget cached file pages, so the next reader is charged for them (root only)."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stages", nargs="*", help="stage ids or numbers (default: all)")
    parser.add_argument("--memory-mb", type=int, default=768)
    parser.add_argument("--cpus", type=float, default=0.5)
    parser.add_argument("--warm", action="store_true", help="keep the page cache between runs")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("gradescope_box: needs root (it installs into /autograder, makes cgroups)")
    work = Path(tempfile.mkdtemp(prefix="cnngrade-box-"))
    print(f"box: {args.memory_mb} MB for all processes, {args.cpus:g} CPU "
          "(Gradescope's defaults: 768 MB, 0.5 CPU)\n")  # fmt: skip
    print("| stage | submission | score | wall (s) | peak resident, all processes (MB) "
          "| high-water mark (MB) | killed for memory | throttled (s) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    try:
        for stage in all_stages(ROOT):
            if args.stages and not {stage.id, str(stage.config.number)} & set(args.stages):
                continue
            autograder_install.install(stage, work / "dist")
            for label, files in uploads(stage, work / "uploads"):
                if not args.warm:
                    drop_page_cache()
                with Box(args.memory_mb, args.cpus) as box:
                    started = time.monotonic()
                    results, _ = autograder_install.run_submission(files, preexec_fn=box.enter)
                    wall = time.monotonic() - started
                    peak, kills, throttled = box.peak, box.oom_kills, box.throttled_seconds
                    resident = box.peak_resident
                saved = work / "results" / f"{stage.id}-{label.split()[0]}.json"
                saved.parent.mkdir(exist_ok=True)
                saved.write_text(json.dumps(results, indent=1))
                total = sum(t["max_score"] for t in results["tests"])
                score = round(results["score"], 2)
                print(f"| {stage.id} | {label} | {score:g}/{total:g} | {wall:.1f} "
                      f"| {resident / 2**20:.0f} | {peak / 2**20:.0f} | {kills} "
                      f"| {throttled:.1f} |", flush=True)  # fmt: skip
    except (BoxUnavailable, autograder_install.RealAutograderPresent) as exc:
        raise SystemExit(f"gradescope_box: {exc}") from None
    finally:
        autograder_install.remove()
    print(f"\nresults.json of each submission: {work / 'results'}")


if __name__ == "__main__":
    main()
