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


def _reachable(path: Path, user: SandboxUser) -> bool:
    """Every folder on the way must be searchable (x) and the last one readable by ``user``."""
    try:
        parts = [path, *path.parents]
        for folder in parts:
            info = folder.stat()
            if info.st_uid == user.uid:
                bits = stat.S_IXUSR
            elif info.st_gid == user.gid:
                bits = stat.S_IXGRP
            else:
                bits = stat.S_IXOTH
            if not info.st_mode & bits:
                return False
    except OSError:
        return False
    return True


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
