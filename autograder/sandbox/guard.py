"""The worker's run-time guard against banned imports and functions (defence in depth).

The check that scores is the grader's scan of the source (:mod:`autograder.grading.banned`)
and the import folder the worker runs with; this guard makes a call through an unforeseen
route fail loudly. It lives in the worker's own ``sys.meta_path``, so student code can
remove it (SECURITY.md says so).
"""

from __future__ import annotations

import contextlib
import importlib.abc
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


class BannedImports(importlib.abc.MetaPathFinder):
    """Refuse banned modules, and replace banned functions of allowed modules.

    Defence in depth: the grader also finds banned names in the source, which is the check
    that scores; this guard makes a call through an unforeseen route fail loudly.
    """

    def __init__(self, banned: list[str]) -> None:
        self.banned = banned
        for name, module in list(sys.modules.items()):  # already imported (preloads)
            self.patch(name, module)

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        for entry in self.banned:
            if fullname == entry or fullname.startswith(entry + "."):
                raise ImportError(
                    f"{fullname} is not allowed in this assignment ({entry} is banned)"
                )
        return None  # let the normal finders load it; patched on first use below

    def patch(self, name: str, module: ModuleType | None) -> None:
        for entry in self.banned:
            owner, _, attr = entry.rpartition(".")
            if owner == name and module is not None and hasattr(module, attr):
                with contextlib.suppress(Exception):
                    setattr(module, attr, _refuse(entry))


def _refuse(entry: str) -> Callable[..., Any]:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"{entry} is not allowed in this assignment: write it yourself")

    return refused


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    """Runs after every import, patching banned functions of modules that just loaded."""

    def __init__(self, guard: BannedImports) -> None:
        self.guard = guard

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        for finder in sys.meta_path:
            if finder is self or isinstance(finder, BannedImports):
                continue
            spec = getattr(finder, "find_spec", lambda *a: None)(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                original = spec.loader.exec_module

                def exec_module(
                    module: ModuleType, _original: Any = original, _guard: Any = self.guard
                ) -> None:
                    _original(module)
                    _guard.patch(module.__name__, module)

                with contextlib.suppress(AttributeError, TypeError):
                    spec.loader.exec_module = exec_module
                return spec
        return None


def install(banned: list[str]) -> None:
    """Put the guard first in ``sys.meta_path`` (after patching what is already imported)."""
    guard = BannedImports(banned)
    sys.meta_path[:0] = [guard, _PatchAfterImport(guard)]
