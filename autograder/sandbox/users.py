"""Which unprivileged account runs student code when the grader runs as root."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass

from autograder.sandbox.faults import SandboxUnavailable

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
            raise SandboxUnavailable(
                f"sandbox user '{name}' is root; choose an unprivileged account"
            )
        return SandboxUser(name, entry.pw_uid, entry.pw_gid)
    raise SandboxUnavailable(
        f"running as root but no unprivileged account to run student code: create one "
        f"(useradd --system student) or set {USER_ENV}"
    )


#: the accounts of concurrent batch jobs: one each, so that no job can signal, trace or read
#: another's processes and files (they would all be one user otherwise)
JOB_ACCOUNT = "cnngrade-job{}"


def job_accounts(count: int) -> list[str] | None:
    """Names of ``count`` sandbox accounts for concurrent jobs, created where missing (as
    root; ``None`` when not root: then there is no account to separate jobs with)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    names = [JOB_ACCOUNT.format(i) for i in range(1, count + 1)]
    for name in names:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            _create(name)
            continue
        if entry.pw_uid == 0:
            raise SandboxUnavailable(f"sandbox account '{name}' is root; remove it")
    return names


def _create(name: str) -> None:
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    command = [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SandboxUnavailable(
            f"cannot create the sandbox account {name} for a batch job ({exc}); create it "
            f"(useradd --system {name}) or grade with -j 1"
        ) from None
    if done.returncode != 0 and name not in {entry.pw_name for entry in pwd.getpwall()}:
        raise SandboxUnavailable(
            f"cannot create the sandbox account {name} for a batch job: "
            f"{done.stderr.strip()}; create it (useradd --system {name}) or grade with -j 1"
        )
