"""What the worker does to itself, as root, before it loads student code: resource limits
with hard = soft, then the sandbox account, no supplementary groups, no new privileges."""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
from collections.abc import Callable

from autograder.sandbox import procfs

_PR_SET_NO_NEW_PRIVS = 38


def apply_limits(limits: dict[str, int], uid: int | None) -> None:
    """Set hard = soft so student code cannot raise them again.

    RLIMIT_NPROC counts every process of the account, so the limit is what the account
    (the sandbox user, or the grader's own when not root) runs now plus ``max_processes``.
    """
    pairs = [
        (resource.RLIMIT_CPU, limits.get("cpu_seconds")),
        (resource.RLIMIT_AS, limits.get("memory_bytes")),
        (resource.RLIMIT_FSIZE, limits.get("file_size_bytes")),
        (resource.RLIMIT_CORE, 0),
    ]
    extra = limits.get("max_processes")
    if extra is not None and os.path.isdir("/proc"):
        pairs.append(
            (resource.RLIMIT_NPROC, procfs.tasks_of(os.getuid() if uid is None else uid) + extra)
        )
    for which, value in pairs:
        if value is not None:
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(which, (value, value))


def drop_privileges(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getuid() != uid or os.geteuid() != uid:  # pragma: no cover - defensive
        raise RuntimeError("could not drop privileges")
    with contextlib.suppress(Exception):
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
        prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
