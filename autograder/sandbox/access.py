"""Can the sandbox user reach the interpreter and its packages?

When it cannot (a Python installed under a private home folder), modules that were not
preloaded fail to import inside the sandbox. Grading still works for code that needs only
the preloaded modules, but staff should know.
"""

from __future__ import annotations

import os
import stat
import sys
import sysconfig
from pathlib import Path

from autograder.sandbox.users import SandboxUser


def allowed(info: os.stat_result, uid: int, gid: int, owner: int, group: int, other: int) -> bool:
    """Do the permission bits grant ``uid``/``gid`` (no supplementary groups, as in the
    sandbox) the owner, group or other bit that applies to them?"""
    if info.st_uid == uid:
        return bool(info.st_mode & owner)
    if info.st_gid == gid:
        return bool(info.st_mode & group)
    return bool(info.st_mode & other)


def searchable(folder: Path, uid: int, gid: int) -> bool:
    """May ``uid`` pass through ``folder`` (its x bit)?"""
    return allowed(folder.stat(), uid, gid, stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH)


def readable_by(path: Path, user: SandboxUser) -> bool:
    """Could ``user`` read ``path`` (a file, or list a folder)? Every folder above it must be
    searchable too."""
    try:
        if not all(searchable(p, user.uid, user.gid) for p in path.parents):
            return False
        return allowed(path.stat(), user.uid, user.gid, stat.S_IRUSR, stat.S_IRGRP, stat.S_IROTH)
    except OSError:
        return False


def _reachable(path: Path, user: SandboxUser) -> bool:
    """Every folder on the way must be searchable (x) and the last one readable by ``user``."""
    try:
        return all(searchable(folder, user.uid, user.gid) for folder in [path, *path.parents])
    except OSError:
        return False


def unreachable_paths(user: SandboxUser | None) -> list[str]:
    """Folders Python needs that ``user`` cannot reach (empty when all is well)."""
    if user is None:
        return []
    wanted = {
        Path(sys.executable).resolve().parent,
        Path(sysconfig.get_paths()["stdlib"]),
        Path(sysconfig.get_paths()["purelib"]),
        Path(os.path.dirname(os.__file__)),
    }
    return sorted(str(p) for p in wanted if not _reachable(p, user))


def exposed_secrets(paths: list[Path], user: SandboxUser | None) -> list[str]:
    """Which of the hidden tests / reference files ``user`` could read (empty when safe)."""
    if user is None:
        return []
    found = []
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        found += [str(c) for c in candidates if readable_by(c, user)]
    return found
