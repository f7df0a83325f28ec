"""What a worker is started with: the module to load, its limits, account and policies."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autograder.sandbox.limits import Limits
from autograder.sandbox.users import SandboxUser


@dataclass(frozen=True)
class WorkerSpec:
    """Everything needed to start a worker for one module."""

    root: Path  # folder put on sys.path (the upload)
    module: str  # dotted module name to import
    workdir: Path  # the worker's writable current directory
    limits: Limits = field(default_factory=Limits)
    preload: tuple[str, ...] = ("numpy",)
    user: SandboxUser | None = None
    python: str = sys.executable
    banned: tuple[str, ...] = ()
    #: a folder of what student code may import (:mod:`autograder.sandbox.imports`): the
    #: worker then runs without site-packages, with this folder and the standard library
    import_view: Path | None = None
    #: forbid the worker to create processes (:mod:`autograder.sandbox.oneprocess`): in a
    #: stage with speed tests, whose CPU clock sees one process only
    one_process: bool = False
    #: a module whose ``TOOLS`` dict the worker imports for the ``tool`` op ("" for none)
    tools: str = ""

    def settings(self) -> dict[str, Any]:
        """The worker's first frame: what it sets up before it loads the student's module."""
        limits = self.limits
        return {
            "workdir": str(self.workdir),
            "root": str(self.root),
            "preload": list(self.preload),
            "tools": self.tools,
            "banned": list(self.banned),
            "one_process": self.one_process,
            "uid": self.user.uid if self.user else None,
            "gid": self.user.gid if self.user else None,
            "limits": {
                "cpu_seconds": limits.cpu_seconds,
                "memory_bytes": limits.memory_mb << 20,
                "file_size_bytes": limits.file_size_mb << 20,
                "max_processes": limits.max_processes,
                "reply_bytes": limits.reply_mb << 20,
            },
        }
