"""Where the kit lives: the folder that holds ``assignments/`` and ``solutions/``.

The framework package is installed like any other; the course content is not inside it
(students install the framework too, and must never receive the solutions). The kit root is
found, in order, from an explicit argument, the ``CNNGRADE_KIT`` environment variable, the
current directory and its parents, and finally the source checkout the package runs from.
"""

from __future__ import annotations

import os
from pathlib import Path

from autograder.errors import KitNotFoundError

KIT_ENV = "CNNGRADE_KIT"
ASSIGNMENTS = "assignments"
SOLUTIONS = "solutions"
TEMPLATE = "student_template"


def is_kit(path: Path) -> bool:
    return (path / ASSIGNMENTS).is_dir()


def find_kit(explicit: Path | str | None = None) -> Path:
    """Return the kit root; raise :class:`KitNotFoundError` with what was tried."""
    tried: list[str] = []
    if explicit is not None:
        path = Path(explicit).resolve()
        if is_kit(path):
            return path
        raise KitNotFoundError(f"{path} is not a cnngrade kit: it has no '{ASSIGNMENTS}/' folder")
    env = os.environ.get(KIT_ENV)
    if env:
        path = Path(env).resolve()
        if is_kit(path):
            return path
        raise KitNotFoundError(
            f"{path} (from the {KIT_ENV} environment variable) has no '{ASSIGNMENTS}/' folder"
        )
    cwd = Path.cwd().resolve()
    for candidate in (cwd, *cwd.parents):
        if is_kit(candidate):
            return candidate
    tried.append(f"{cwd} and its parents")
    checkout = Path(__file__).resolve().parents[2]  # autograder/course/kit.py
    if is_kit(checkout):
        return checkout
    tried.append(str(checkout))
    raise KitNotFoundError(
        "could not find the course kit (a folder with 'assignments/'); looked in "
        + ", ".join(tried)
        + f". Pass --kit DIR or set {KIT_ENV}."
    )
