"""Run a grading command and watch its process tree: the trusted side's peak memory.

The threat suite asks two things of every attack besides its score: that the grader's own
memory stays small (Gradescope gives the whole container 768 MB), and that no process of the
submission outlives grading. Memory is sampled from ``/proc`` while the command runs: the
resident size of every process in its tree that does not run as the sandbox account, summed.
"""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass

from autograder.sandbox import procfs
from autograder.sandbox.users import sandbox_user

SAMPLE_EVERY = 0.02  # seconds
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
#: the trusted side's memory must stay well inside Gradescope's 768 MB for the whole container
GRADER_MEMORY_MB = 400


def sandbox_uid() -> int | None:
    """The account student code runs as here, resolved as the grader resolves it (``None``
    when not root: then the workers are the grader's own account, and nothing separates)."""
    user = sandbox_user()
    return user.uid if user else None


def sandbox_processes() -> list[int]:
    """The live processes of the sandbox account (as root; ``[]`` otherwise)."""
    uid = sandbox_uid()
    if uid is None:
        return []
    found = []
    for process in procfs.processes():
        try:
            if (procfs.PROC / str(process.pid)).stat().st_uid == uid:
                found.append(process.pid)
        except OSError:
            continue
    return found


@dataclass(frozen=True)
class Watched:
    proc: subprocess.CompletedProcess[str]
    peak_mb: float  # the trusted processes' largest summed resident size (0 without /proc)


def trusted_rss_mb(root: int, untrusted_uid: int | None) -> float:
    """The summed resident size of ``root`` and its descendants not run by ``untrusted_uid``."""
    parents: dict[int, int] = {}
    sizes: dict[int, float] = {}
    for process in procfs.processes():
        parents[process.pid] = process.ppid
        try:
            uid = (procfs.PROC / str(process.pid)).stat().st_uid
        except OSError:
            continue
        if uid != untrusted_uid:
            sizes[process.pid] = process.rss_pages * PAGE / (1 << 20)
    total = 0.0
    for pid, size in sizes.items():
        ancestor = pid
        for _ in range(64):  # a process tree is never this deep; pids may be reused mid-scan
            if not ancestor or ancestor == root:
                break
            ancestor = parents.get(ancestor, 0)
        if ancestor == root:
            total += size
    return total


def run_watched(command: list[str], *, untrusted_uid: int | None, timeout: float = 600,
                **kwargs: object) -> Watched:  # fmt: skip
    """``subprocess.run(command, capture_output=True, text=True)``, sampling memory."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, **kwargs)  # type: ignore[call-overload]  # fmt: skip
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            if os.path.isdir("/proc"):
                peak = max(peak, trusted_rss_mb(process.pid, untrusted_uid))
            done.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
        if process.poll() is None:
            process.kill()
    return Watched(subprocess.CompletedProcess(command, process.returncode, stdout, stderr), peak)
