"""Domain exceptions of the framework core.

The CLI turns :class:`CnngradeError` into ``click.ClickException`` at the boundary; the
core never imports click.  Exceptions that describe something the *student* did live in
:mod:`autograder.sandbox.faults`, because the grading plugin treats them differently.
"""

from __future__ import annotations

from pathlib import Path


class CnngradeError(Exception):
    """An error the user can fix; its message says how."""


class ConfigError(CnngradeError):
    """An assignment config is invalid. The message names the file and the key."""

    def __init__(self, path: Path | str, key: str | None, problem: str) -> None:
        self.path = Path(path)
        self.key = key
        self.problem = problem
        where = f"{self.path}" + (f", key '{key}'" if key else "")
        super().__init__(f"{where}: {problem}")


class UnknownStageError(CnngradeError):
    """A stage id that matches no assignment."""


class KitNotFoundError(CnngradeError):
    """The kit directory (assignments/, solutions/) could not be located."""


class BuildError(CnngradeError):
    """Something that ``cnngrade build`` needs from the environment is missing."""
