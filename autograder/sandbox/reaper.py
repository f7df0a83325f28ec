"""Nothing the student starts may outlive grading.

The worker runs in its own process group, which a timeout kills whole; but a child that
calls ``setsid()`` leaves that group. The grader therefore registers as a *child subreaper*
(Linux ``PR_SET_CHILD_SUBREAPER``): orphaned descendants of a worker are re-parented to the
grader instead of init, where :func:`reap_orphans` finds and kills them.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
from pathlib import Path

from autograder.sandbox import procfs

_PR_SET_CHILD_SUBREAPER = 36
_enabled = False


def become_subreaper() -> bool:
    """Make this process the subreaper of its descendants (Linux; a no-op elsewhere)."""
    global _enabled
    if _enabled:
        return True
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        _enabled = libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        _enabled = False
    return _enabled


def _children(pid: int, zombies: bool = False) -> list[int]:
    return [p.pid for p in procfs.processes() if p.ppid == pid and (zombies or p.state != "Z")]


def reap_orphans(keep: set[int] | None = None, rounds: int = 20) -> int:
    """Kill every child of this process not in ``keep`` (and reap them); return how many.

    Repeats while new orphans appear (killing a parent re-parents its children to us).
    """
    if not _enabled or not Path("/proc").is_dir():
        return 0
    keep = keep or set()
    killed = 0
    for _ in range(rounds):
        victims = [pid for pid in _children(os.getpid()) if pid not in keep]
        for pid in victims:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
                killed += 1
        time.sleep(0.01)
        dead = [pid for pid in _children(os.getpid(), zombies=True) if pid not in keep]
        for pid in dead:  # reap them: a killed child is a zombie until its parent waits
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(pid, os.WNOHANG)
        if not victims and not dead:
            break
    return killed
