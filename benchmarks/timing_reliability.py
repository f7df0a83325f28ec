"""How stable is the speed test's verdict? Grade the reference and the double loop N times
each while another process keeps a CPU core busy, and count wrong verdicts.

Usage: python benchmarks/timing_reliability.py [N]   (default 30)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _common import build_submission, grade_with_cli, median

SPEED_TEST = "correlate2d: vectorised"


def main(runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="cnngrade-timing-"))
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    rows = []
    try:
        for variant, should_pass in (("reference", True), ("loop", False), ("sliding", True)):
            upload = build_submission(work / "uploads", variant)
            ratios, walls, wrong = [], [], 0
            for i in range(runs):
                results, wall, _ = grade_with_cli(upload, work / f"{variant}-{i}.json")
                test = next(t for t in results["tests"] if t["name"].startswith(SPEED_TEST))
                wrong += (test["status"] == "passed") != should_pass
                ratios.append(results["extra_data"]["timing"][0]["ratio"])
                walls.append(wall)
            limit = results["extra_data"]["timing"][0]["limit"]
            rows.append((variant, should_pass, wrong, ratios, walls, limit))
    finally:
        burner.kill()
    print(f"{runs} gradings per submission, one core kept busy by another process\n")
    print(
        "| submission | expected | wrong verdicts | ratio min | median | max | max/min "
        "| margin to limit | grading wall median (s) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for variant, should_pass, wrong, ratios, walls, limit in rows:
        margin = limit / max(ratios) if should_pass else min(ratios) / limit
        print(
            f"| {variant} | {'pass' if should_pass else 'fail'} | {wrong}/{len(ratios)} "
            f"| {min(ratios):.2f} | {median(ratios):.2f} | {max(ratios):.2f} "
            f"| {max(ratios) / min(ratios):.2f} | {margin:.1f}× | {median(walls):.2f} |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
