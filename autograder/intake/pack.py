"""``cnngrade pack``: check a student's module before upload and bundle exactly that.

Checks, without running anything: the module parses; every required function is defined
at the top level with the argument list of the template; warns about functions that still
raise ``NotImplementedError``. The zip holds the module as ``cnnlab/<module>.py`` plus any
other ``.py`` files beside it in ``cnnlab/`` (the student's own helpers).
"""

from __future__ import annotations

import ast
import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from autograder.archive import DeterministicZip
from autograder.course.stages import Stage
from autograder.intake.submission import SubmissionProblem, locate


@dataclass
class PackReport:
    module: Path | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[tuple[str, Path]] = field(default_factory=list)  # (name in zip, source)

    @property
    def ok(self) -> bool:
        return not self.errors


def _signature(node: ast.FunctionDef) -> list[str]:
    args = node.args
    names = [a.arg for a in (*args.posonlyargs, *args.args)]
    if args.vararg:
        names.append("*" + args.vararg.arg)
    names += [a.arg for a in args.kwonlyargs]
    if args.kwarg:
        names.append("**" + args.kwarg.arg)
    return names


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _still_a_stub(node: ast.FunctionDef) -> bool:
    body = [
        s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc
    target = exc.func if isinstance(exc, ast.Call) else exc
    return isinstance(target, ast.Name) and target.id == "NotImplementedError"


def inspect(stage: Stage, path: Path) -> PackReport:
    """Check the student's work in ``path`` (a folder or the module file)."""
    report = PackReport()
    config = stage.config
    if path.suffix.lower() == ".ipynb":
        return _inspect_notebook(stage, path, report)
    try:
        if path.is_file():
            located_path, folder = path, path.parent
        else:
            located = locate(path, config)
            located_path, folder = located.path, located.path.parent
    except SubmissionProblem as exc:
        report.errors.append(str(exc))
        return report
    report.module = located_path
    try:
        tree = ast.parse(located_path.read_bytes(), filename=str(located_path))
    except SyntaxError as exc:
        report.errors.append(f"{located_path.name}, line {exc.lineno}: {exc.msg}")
        return report
    except ValueError as exc:  # null bytes: not a text file
        report.errors.append(f"{located_path.name} is not Python source ({exc})")
        return report
    _check_functions(stage, tree, located_path.name, report)
    report.files.append((config.module, located_path))
    package = Path(config.module).parent.name  # "cnnlab"
    for helper in _local_imports(tree, folder, package):
        if helper != located_path:
            report.files.append((f"{package}/{helper.name}", helper))
    return report


def _inspect_notebook(stage: Stage, path: Path, report: PackReport) -> PackReport:
    """A notebook is uploaded as it is; check the code that grading will extract from it."""
    from autograder.intake.notebook import NotebookProblem, extract  # nbformat: only if needed

    report.module = path
    try:
        extracted = extract(path, list(stage.config.functions))
    except NotebookProblem as exc:
        report.errors.append(str(exc))
        return report
    report.warnings += extracted.notes
    _check_functions(stage, ast.parse(extracted.source), path.name, report)
    report.files.append((path.name, path))
    return report


def _check_functions(stage: Stage, tree: ast.Module, shown: str, report: PackReport) -> None:
    config = stage.config
    expected = _functions(ast.parse(stage.stub.read_text(encoding="utf-8")))
    defined = _functions(tree)
    for name in config.functions:
        if name not in defined:
            report.errors.append(f"{name} is not defined at the top level of {shown}")
            continue
        want = _signature(expected[name]) if name in expected else None
        got = _signature(defined[name])
        if want is not None and got != want:
            report.errors.append(
                f"{name}({', '.join(got)}) should take ({', '.join(want)}), as in the template"
            )
        if _still_a_stub(defined[name]):
            report.warnings.append(f"{name} still raises NotImplementedError (it will score 0)")


def _imported_names(tree: ast.Module, package: str) -> set[str]:
    """Sibling modules a module imports: ``from .x``, ``from cnnlab.x``, ``import cnnlab.x``,
    ``from cnnlab import x``, or a bare ``import x`` of a file beside it."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level or module == package:
                if module and module != package:
                    names.add(module.split(".")[0])
                else:
                    names.update(alias.name for alias in node.names)
            elif module.startswith(package + "."):
                names.add(module.split(".")[1])
            else:
                names.add(module.split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                names.add(parts[1] if parts[0] == package and len(parts) > 1 else parts[0])
    return names


def _local_imports(tree: ast.Module, folder: Path, package: str) -> list[Path]:
    """Files in ``folder`` that the module needs, followed transitively."""
    found: dict[str, Path] = {}
    pending = [tree]
    while pending:
        for name in _imported_names(pending.pop(), package):
            path = folder / f"{name}.py"
            if name not in found and path.is_file():
                found[name] = path
                with contextlib.suppress(SyntaxError, ValueError):  # grading will report it
                    pending.append(ast.parse(path.read_bytes()))
    init = folder / "__init__.py"
    if folder.name == package and init.is_file():
        found.setdefault("__init__", init)
    return sorted(found.values())


def bundle(report: PackReport, target: Path) -> Path:
    archive = DeterministicZip()
    for name, source in report.files:
        archive.add_file(name, source, 0o644)
    return archive.write(target)
