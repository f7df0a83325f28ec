"""Which unprivileged account runs student code when the grader runs as root."""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass

USER_ENV = "CNNGRADE_SANDBOX_USER"
PREFERRED = ("student", "nobody")


@dataclass(frozen=True)
class SandboxUser:
    name: str
    uid: int
    gid: int


def sandbox_user() -> SandboxUser | None:
    """The account to drop to, or ``None`` when the grader is not root (nothing to drop).

    ``CNNGRADE_SANDBOX_USER`` names it explicitly; otherwise a ``student`` account (the one
    the Gradescope setup creates) and then ``nobody`` are used.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    wanted = os.environ.get(USER_ENV)
    names = (wanted,) if wanted else PREFERRED
    for name in names:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        if entry.pw_uid == 0:
            raise RuntimeError(f"sandbox user '{name}' is root; choose an unprivileged account")
        return SandboxUser(name, entry.pw_uid, entry.pw_gid)
    raise RuntimeError(
        f"running as root but no unprivileged account to run student code: create one "
        f"(useradd --system student) or set {USER_ENV}"
    )
