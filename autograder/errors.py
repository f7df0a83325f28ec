"""Domain exceptions of the framework core.

The CLI turns :class:`CnngradeError` into ``click.ClickException`` at the boundary; the
core never imports click.  Exceptions that describe something the *student* did live in
:mod:`autograder.sandbox.faults`, because the grading plugin treats them differently.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType


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


class MissingExtra(CnngradeError):
    """An optional dependency is not installed; the message names the extra to install."""


def import_extra(module: str, extra: str, needed_for: str) -> ModuleType:
    """``module``, from the optional extra ``extra``; :class:`MissingExtra` if absent."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"{needed_for} needs {module}, in the optional extra '{extra}': "
            f"pip install 'cnngrade[{extra}]'"
        ) from None
