"""The packages a worker can import: a folder that holds exactly the allowed distributions.

A worker runs with the standard library and this folder on ``sys.path`` and no
site-packages (``python -I -S``), so student code imports what the stage's Gradescope image
installs and nothing else, whatever else the grading machine has: ``import torch`` in a
NumPy stage fails locally with the same ``ModuleNotFoundError`` as on Gradescope. The folder
holds symbolic links to the top-level entries (packages, modules, extension modules, the
``.libs`` folders of wheels, the ``.dist-info`` metadata) of every allowed distribution and
of the distributions they require, as installed next to the grader.

This shapes what an honest upload can import; it is not a wall against a hostile one,
which could put the real site-packages back on ``sys.path`` (see SECURITY.md).
"""

from __future__ import annotations

import functools
import importlib.metadata as metadata
import importlib.util
import os
import re
from pathlib import Path

_EXTRA = re.compile(r"""extra\s*==""")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str | None:
    """The name of a requirement that is installed unconditionally (not for an extra)."""
    spec, _, marker = requirement.partition(";")
    if _EXTRA.search(marker):
        return None
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    return match.group(1) if match else None


def _distribution(name: str) -> metadata.Distribution | None:
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=16)
def allowed_entries(distributions: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(name, path)`` of every top-level entry of the distributions and what they require
    (those installed here; one not installed cannot be imported anyway)."""
    seen: set[str] = set()
    entries: dict[str, str] = {}
    pending = list(distributions)
    while pending:
        name = pending.pop()
        if _normal(name) in seen:
            continue
        seen.add(_normal(name))
        dist = _distribution(name)
        if dist is None:
            continue
        pending += [n for n in map(requirement_name, dist.requires or []) if n]
        for entry in _top_level(dist):
            entries.setdefault(entry.name, str(entry))
    return tuple(sorted(entries.items()))


def _top_level(dist: metadata.Distribution) -> list[Path]:
    """The distribution's importable top-level entries (packages, modules, extension
    modules, a wheel's ``.libs`` folder) and its metadata, resolved to where they are."""
    found: dict[str, Path] = {}
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or parts[0] in ("..", "__pycache__") or parts[0].startswith("__editable__"):
            continue
        top = parts[0]
        if len(parts) == 1 and not top.endswith((".py", ".so", ".pyd")):
            continue  # a stray README or .pth file: nothing to import
        path = Path(str(dist.locate_file(top)))
        if path.exists():
            found.setdefault(top, path)
    return list(found.values())


def package_entries(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(name, path)`` of packages found where Python finds them now (the framework,
    installed or editable), without the distributions they require."""
    found: dict[str, str] = {}
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            origin = Path(spec.origin)
            found[name] = str(origin.parent if origin.name == "__init__.py" else origin)
    return tuple(found.items())


def make_view(folder: Path, distributions: tuple[str, ...], packages: tuple[str, ...] = ()) -> Path:
    """Fill ``folder`` with links to the distributions' entries (and what they require) and
    to ``packages`` alone; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in (*allowed_entries(distributions), *package_entries(packages)):
        link = folder / name
        if not link.exists():
            os.symlink(target, link)
    return folder
