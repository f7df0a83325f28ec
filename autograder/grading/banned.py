"""Banned library APIs: found in the student's source without running it.

A stage that asks students to write an operation themselves bans the library versions
(``scipy.signal.correlate2d``, ``scipy.ndimage``, ``torch``, ``cv2``...). Entries are dotted
names; an entry bans itself and everything below it. The checker resolves what each name
in the source refers to — ``import scipy.signal as ss; ss.correlate2d``, ``from scipy import
ndimage as nd``, attribute chains, ``getattr(module, "name")``, ``importlib.import_module``
and ``__import__`` with constant strings — and reports each use with file and line.
(The worker also refuses to import banned modules at run time: see the worker's guard.)
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Use:
    file: str
    line: int
    name: str  # the banned dotted name that was reached

    def describe(self) -> str:
        return f"{self.file}, line {self.line}: {self.name}"


def _banned(name: str, banned: list[str]) -> str | None:
    for entry in banned:
        if name == entry or name.startswith(entry + "."):
            return entry if name == entry else name
    return None


class _Resolver(ast.NodeVisitor):
    def __init__(self, file: str, banned: list[str]) -> None:
        self.file, self.banned = file, banned
        self.aliases: dict[str, str] = {}
        self.uses: list[Use] = []

    def _flag(self, node: ast.AST, dotted: str) -> None:
        hit = _banned(dotted, self.banned)
        if hit:
            self.uses.append(Use(self.file, getattr(node, "lineno", 0), dotted))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                self.aliases[top] = top
            self._flag(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            return
        for alias in node.names:
            full = node.module if alias.name == "*" else f"{node.module}.{alias.name}"
            self.aliases[alias.asname or alias.name] = full
            self._flag(node, full)

    def dotted(self, node: ast.AST) -> str | None:
        """The dotted name an expression refers to, through aliases, if it is static."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            func = self.dotted(node.func) or (
                node.func.id if isinstance(node.func, ast.Name) else ""
            )
            args = node.args
            if func in ("importlib.import_module", "__import__") and args and _const(args[0]):
                return str(_const(args[0]))
            if func == "getattr" and len(args) >= 2 and _const(args[1]):
                base = self.dotted(args[0])
                return f"{base}.{_const(args[1])}" if base else None
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = self.dotted(node)
        if name:
            self._flag(node, name)
        else:
            self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = self.dotted(node)
        if name:
            self._flag(node, name)
        self.generic_visit(node)


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def find_uses(source: str, file: str, banned: list[str]) -> list[Use]:
    """Every use of a banned name in ``source`` (empty if it does not parse)."""
    if not banned:
        return []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # ValueError: null bytes in the source
        return []  # the import will report it
    resolver = _Resolver(file, banned)
    resolver.visit(tree)
    unique = {(u.line, u.name): u for u in resolver.uses}
    return sorted(unique.values(), key=lambda u: (u.line, u.name))


def scan_folder(folder: Path, banned: list[str]) -> list[Use]:
    uses: list[Use] = []
    for path in sorted(folder.rglob("*.py")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        uses += find_uses(text, path.relative_to(folder).as_posix(), banned)
    return uses
