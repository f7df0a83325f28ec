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
    function: str = ""  # the module's top-level function it is in ("": outside any)

    def describe(self) -> str:
        return f"{self.file}, line {self.line}: {self.name}"


def _banned(name: str, banned: list[str]) -> str | None:
    for entry in banned:
        if name == entry or name.startswith(entry + "."):
            return entry if name == entry else name
    return None


#: calls nested in callee position (``getattr(m, "f")("x")``) resolved; deeper is no name
MAX_CALLEE_DEPTH = 20


class _Resolver:
    """Walks the tree in source order with an explicit stack, never by recursion: an honest
    800-term sum nests 800 deep, past Python's recursion limit."""

    def __init__(self, file: str, banned: list[str]) -> None:
        self.file, self.banned = file, banned
        self.aliases: dict[str, str] = {}
        self.uses: list[Use] = []
        self.function = ""  # the top-level function being walked
        #: top-level function -> the names it calls (of the module's functions, or not)
        self.calls: dict[str, set[str]] = {}

    def _flag(self, node: ast.AST, dotted: str) -> None:
        hit = _banned(dotted, self.banned)
        if hit:
            self.uses.append(Use(self.file, getattr(node, "lineno", 0), dotted, self.function))

    def walk(self, tree: ast.AST) -> None:
        top_level = {id(node) for node in getattr(tree, "body", ())}
        stack: list[tuple[ast.AST, str]] = [(tree, "")]
        while stack:
            node, self.function = stack.pop()
            function = self.function
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and id(node) in top_level:
                function = node.name
                self.calls.setdefault(function, set())
            if function and isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                self.calls[function].add(node.func.id)
            if self._visit(node):
                children = reversed(list(ast.iter_child_nodes(node)))
                stack.extend((child, function) for child in children)

    def _visit(self, node: ast.AST) -> bool:
        """Record what ``node`` imports or reaches; whether to look inside it."""
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.aliases[top] = top
                self._flag(node, alias.name)
            return False
        if isinstance(node, ast.ImportFrom):
            if node.level or not node.module:
                return False
            for alias in node.names:
                full = node.module if alias.name == "*" else f"{node.module}.{alias.name}"
                self.aliases[alias.asname or alias.name] = full
                self._flag(node, full)
            return False
        if isinstance(node, ast.Attribute | ast.Call):
            name = self.dotted(node)
            if name:
                self._flag(node, name)
            # a resolved attribute chain is one name; a call's arguments are looked at
            return not (name and isinstance(node, ast.Attribute))
        if isinstance(node, ast.Name) and self.function and node.id in self.aliases:
            self._flag(node, self.aliases[node.id])  # a name imported from a banned module
        return True

    def dotted(self, node: ast.AST, depth: int = 0) -> str | None:
        """The dotted name an expression refers to, through aliases, if it is static.

        Attribute chains and ``getattr`` chains are followed in a loop; only the callee of
        a call is resolved by recursion, as deep as calls are nested in callee position."""
        suffix: list[str] = []
        while True:
            if isinstance(node, ast.Name):
                base = self.aliases.get(node.id)
                break
            if isinstance(node, ast.Attribute):
                suffix.append(node.attr)
                node = node.value
                continue
            if not isinstance(node, ast.Call) or depth > MAX_CALLEE_DEPTH:
                return None
            func = self.dotted(node.func, depth + 1) or (
                node.func.id if isinstance(node.func, ast.Name) else ""
            )
            args = node.args
            if func in ("importlib.import_module", "__import__") and args and _const(args[0]):
                base = _const(args[0])
                break
            if func == "getattr" and len(args) >= 2 and _const(args[1]):
                suffix.append(str(_const(args[1])))
                node = args[0]
                continue
            return None
        if not base:
            return None
        return ".".join([base, *reversed(suffix)])


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _resolve(source: str, file: str, banned: list[str]) -> _Resolver | None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # ValueError: null bytes
        return None  # the import will report it
    resolver = _Resolver(file, banned)
    resolver.walk(tree)
    return resolver


def find_uses(source: str, file: str, banned: list[str]) -> list[Use]:
    """Every use of a banned name in ``source`` (empty if it does not parse)."""
    resolver = _resolve(source, file, banned) if banned else None
    if resolver is None:
        return []
    unique = {(u.line, u.name): u for u in resolver.uses}
    return sorted(unique.values(), key=lambda u: (u.line, u.name))


def reaching(source: str, file: str, banned: list[str]) -> dict[str, list[Use]]:
    """For each top-level function of ``source``: the banned uses it reaches, in its own
    body or through the module's other top-level functions it calls by name (a helper's
    banned call costs the tests of every function that uses the helper)."""
    resolver = _resolve(source, file, banned) if banned else None
    if resolver is None:
        return {}
    own: dict[str, list[Use]] = {}
    for use in resolver.uses:
        if use.function:
            own.setdefault(use.function, []).append(use)
    out: dict[str, list[Use]] = {}
    for function in resolver.calls:
        seen, todo, found = {function}, [function], []
        while todo:
            current = todo.pop()
            found += own.get(current, [])
            for callee in resolver.calls.get(current, set()) - seen:
                if callee in resolver.calls:
                    seen.add(callee)
                    todo.append(callee)
        if found:
            out[function] = sorted(set(found), key=lambda u: (u.line, u.name))
    return out


def module_file(root: Path, dotted: str) -> Path | None:
    """The file of module ``dotted`` below ``root`` (a package's ``__init__.py``), if any."""
    base = root.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(tree: ast.AST, name: str, is_package: bool) -> list[str]:
    """Dotted names the module ``name`` imports (relative imports resolved)."""
    package = name if is_package else name.rpartition(".")[0]
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                keep = len(parts) - (node.level - 1)
                if keep < 0:
                    continue
                base = ".".join(parts[:keep] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base:
                out.append(base)
            out += [f"{base}.{alias.name}" if base else alias.name for alias in node.names]
    return out


def scan_module(root: Path, module: str, banned: list[str]) -> list[Use]:
    """Banned uses in the graded module and in every module of the upload it imports
    (directly or not, with the packages around them): not in other files that happen to
    be uploaded too, such as the modules of other stages."""
    uses: list[Use] = []
    queue, seen = [module], set()
    while queue:
        name = queue.pop()
        if not name or name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        queue += [".".join(parts[:i]) for i in range(1, len(parts))]  # packages run first
        path = module_file(root, name)
        if path is None:
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            tree = ast.parse(text)
        except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        uses += find_uses(text, path.relative_to(root).as_posix(), banned)
        queue += _imported(tree, name, path.name == "__init__.py")
    return sorted(uses, key=lambda u: (u.file, u.line, u.name))
