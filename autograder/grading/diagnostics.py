"""What the sandbox account can reach, checked once per grading and told once per process.

Staff see the findings in every grading's diagnostics; the log line (a hidden test the
sandbox account can read, folders it cannot search) is written the first time only, so
that a ``batch`` of a thousand submissions does not repeat it a thousand times.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from autograder.course.stages import Stage
from autograder.sandbox.access import exposed_secrets, unreachable_paths
from autograder.sandbox.users import SandboxUser

log = logging.getLogger("cnngrade")


@dataclass(frozen=True)
class SandboxAccess:
    #: hidden-test and reference files the sandbox account can read (it should not)
    exposed: tuple[str, ...]
    #: folders above what the worker needs that the account cannot search (worked around)
    unreachable: tuple[str, ...]


def check_access(stage: Stage, user: SandboxUser | None) -> SandboxAccess:
    access = SandboxAccess(
        tuple(str(p) for p in exposed_secrets([stage.hidden_tests, stage.reference], user)),
        tuple(unreachable_paths(user)),
    )
    if user is not None and access.exposed:
        _tell(logging.WARNING,
              f"the sandbox user '{user.name}' can read {len(access.exposed)} hidden-test or "
              f"reference file(s) of stage {stage.id} (e.g. {access.exposed[0]}): make them "
              "unreadable to it, e.g. chmod -R go-rwx assignments/*/tests/hidden solutions "
              "(Gradescope's setup.sh does this).")  # fmt: skip
    if user is not None and access.unreachable:
        _tell(logging.INFO,
              f"the sandbox user '{user.name}' cannot search the folders above "
              f"{', '.join(access.unreachable)}: each worker shows it what it needs in a "
              "private mount namespace (autograder.sandbox.mounts).")  # fmt: skip
    return access


@functools.cache
def _tell(level: int, message: str) -> None:
    """Log ``message`` the first time it comes up in this process."""
    log.log(level, message)
