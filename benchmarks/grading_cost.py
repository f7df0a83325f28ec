"""Grade submissions through the CLI and print score, wall time and peak memory.

For every stage: its reference and its stub. For stage 1 also the failure cases (loop,
syntax error, empty upload, exit at import, infinite loop, segfault), for stage 5 a wrong
architecture, a train that never steps the optimiser and a train that hangs. Peak memory is the
resident memory of the whole process tree (the grader and its workers), sampled every
20 ms. Usage: python benchmarks/grading_cost.py [STAGE ...]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import ROOT, build_lenet_submission, build_submission, grade_with_cli

from autograder.course.stages import all_stages

STAGE1_CASES = [
    ("double loop", "loop"),
    ("sliding_window_view + einsum", "sliding"),
    ("syntax error", "syntax_error"),
    ("empty upload", "empty"),
    ("os._exit(0) at import", "exit_at_import"),
    ("infinite loop in correlate2d", "hang"),
    ("segfault (ctypes.string_at(0))", "segfault"),
]

STAGE5_CASES = [
    ("wrong architecture (Linear 400→100→84)", "wrong_architecture"),
    ("train never calls optimizer.step()", "never_steps"),
    ("train hangs (infinite loop)", "hang"),
]


def main(wanted: list[str]) -> None:
    work = Path(tempfile.mkdtemp(prefix="cnngrade-bench-"))
    print("| stage | submission | score | wall time (s) | peak memory, all processes (MB) |")
    print("| --- | --- | --- | --- | --- |")
    for stage in all_stages(ROOT):
        if wanted and stage.id not in wanted and str(stage.config.number) not in wanted:
            continue
        uploads = [("reference", stage.reference), ("stub", stage.stub)]
        if stage.config.number == 1:
            uploads += [(label, build_submission(work / "uploads", v)) for label, v in STAGE1_CASES]
        if stage.config.number == 5:
            uploads += [(label, build_lenet_submission(work / "uploads", v))
                        for label, v in STAGE5_CASES]  # fmt: skip
        for label, upload in uploads:
            out = work / f"{stage.id}-{label.split()[0]}.json"
            results, wall, peak = grade_with_cli(upload, out, stage.id)
            total = sum(t["max_score"] for t in results["tests"])
            print(f"| {stage.id} | {label} | {results['score']:g}/{total:g} | {wall:.2f} "
                  f"| {peak / 2**20:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
