"""Helpers shared by the benchmark scripts: grading through the CLI, memory sampling."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.sandbox import procfs  # noqa: E402
from tests.support import (  # noqa: E402  (the variants the tests use)
    build_lenet_submission,
    build_submission,
)

__all__ = ["ROOT", "build_lenet_submission", "build_submission", "grade_with_cli", "median"]


def _tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes."""
    table = list(procfs.processes())
    children: dict[int, list[int]] = {}
    for proc in table:
        children.setdefault(proc.ppid, []).append(proc.pid)
    rss = {proc.pid: proc.rss_pages * 4096 for proc in table}
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack += children.get(current, [])
    return total


def grade_with_cli(upload: Path, out: Path, stage: str = "correlate2d") -> tuple[dict, float, int]:
    """Grade through ``cnngrade grade``; return (results, wall seconds, peak tree RSS)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "autograder.cli", "grade", stage, str(upload), "-o", str(out),
         "--kit", str(ROOT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    wall = time.monotonic() - started
    done.set()
    sampler.join()
    return json.loads(out.read_text()), wall, peak


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
