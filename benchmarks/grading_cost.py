"""Grade one submission of each kind and print score, wall time and peak memory.

Peak memory is the resident memory of the whole process tree (the grader and its workers),
sampled every 20 ms. Usage: python benchmarks/grading_cost.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import build_submission, grade_with_cli

CASES = [
    ("reference", "reference"),
    ("stub", "stub"),
    ("double loop", "loop"),
    ("sliding_window_view + einsum", "sliding"),
    ("syntax error", "syntax_error"),
    ("empty upload", "empty"),
    ("os._exit(0) at import", "exit_at_import"),
    ("infinite loop in correlate2d", "hang"),
    ("segfault (ctypes.string_at(0))", "segfault"),
]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="cnngrade-bench-"))
    print("| submission | score | wall time (s) | peak memory, all processes (MB) |")
    print("| --- | --- | --- | --- |")
    for label, variant in CASES:
        upload = build_submission(work / "uploads", variant)
        results, wall, peak = grade_with_cli(upload, work / f"{variant}.json")
        total = sum(t["max_score"] for t in results["tests"])
        print(f"| {label} | {results['score']:g}/{total:g} | {wall:.2f} | {peak / 2**20:.0f} |")


if __name__ == "__main__":
    main()
