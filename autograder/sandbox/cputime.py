"""CPU time of another process as the kernel accounts it, read from the trusted side.

``/proc/PID/task/*/schedstat`` gives nanoseconds per thread; ``/proc/PID/stat`` gives the
whole process in clock ticks, including threads that have already exited. A student cannot
patch either from inside the worker, and neither counts time spent waiting for a CPU, so a
busy or throttled machine slows the wall clock but not these numbers.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from autograder.sandbox import procfs

_TICK = 1.0 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.01


@dataclass(frozen=True)
class CpuSample:
    threads_ns: int  # sum over live threads, nanosecond resolution
    process_ticks: float  # utime + stime (+ waited-for children), seconds, tick resolution


def available(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").exists()


def sample(pid: int) -> CpuSample:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    # utime, stime, and cutime, cstime: CPU of child processes the worker has waited for
    return CpuSample(total, procfs.stat(pid).cpu_ticks * _TICK)


def settled_sample(pid: int, patience: float = 0.05) -> CpuSample:
    """:func:`sample`, taken once no thread of ``pid`` is running (up to ``patience`` s).

    The kernel brings a thread's CPU time up to date only when the thread leaves the CPU or
    at a scheduler tick (every 4 ms at HZ=250). Read while the worker is still on a CPU (it
    has just sent its reply and not yet gone back to waiting for the next request), the
    count can lack a whole call: measured in a half-CPU container, a 1.7 ms reference read
    as 0.00 ms. Once the worker waits, its count is exact."""
    deadline = time.monotonic() + patience
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(20e-6)
    return sample(pid)


def _running(pid: int) -> bool:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    for task in tasks:
        try:
            if procfs.stat_state(task / "stat") == "R":
                return True
        except (OSError, ValueError):
            continue
    return False


def elapsed(before: CpuSample, after: CpuSample) -> float:
    """Seconds of CPU between two samples.

    Uses the precise per-thread clock unless the coarse process clock shows clearly more
    (two ticks), which means work happened in a thread that has exited since.
    """
    precise = (after.threads_ns - before.threads_ns) / 1e9
    coarse = after.process_ticks - before.process_ticks
    return coarse if coarse > precise + 2 * _TICK else precise
