"""Finding the student's module in an upload and laying it out for the worker.

An upload is a folder, a ``.zip`` or a single ``.py``. The module is found anywhere inside:
``cnnlab/correlate.py`` is preferred, then a bare ``correlate.py``, the shallowest first.
Zips are extracted defensively (no absolute paths, no ``..``, no links, bounded size).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.course.config import AssignmentConfig
from autograder.sandbox.users import SandboxUser

MAX_FILES = 2000
MAX_BYTES = 50 << 20
SKIP_DIRS = {"__MACOSX", "__pycache__", ".ipynb_checkpoints", ".git", "node_modules", ".venv"}


class SubmissionProblem(Exception):
    """The upload is unusable; the message tells the student what to upload instead."""


@dataclass(frozen=True)
class LocatedModule:
    root: Path  # folder to put on sys.path
    module: str  # dotted name to import from root
    path: Path  # the module file
    notes: tuple[str, ...] = ()  # things worth telling the student (e.g. duplicates)


def unpack(upload: Path, destination: Path, notes: list[str] | None = None) -> Path:
    """Copy or extract ``upload`` into ``destination``; return the folder holding it.

    What was left out (zip members this file system cannot hold) is appended to ``notes``,
    named as in the upload."""
    if not upload.exists():
        raise SubmissionProblem(f"the upload {upload} does not exist")
    destination.mkdir(parents=True, exist_ok=True)
    lone = _lone_zip(upload) if upload.is_dir() else None
    upload = lone or upload  # a folder that holds only a zip: the zip's content counts
    if upload.is_dir():
        _copy_tree(upload, destination)
    elif upload.suffix.lower() == ".zip":
        skipped = _extract_zip(upload, destination)
        if skipped and notes is not None:
            notes.append(_skipped_note(skipped))
    elif upload.suffix.lower() in (".py", ".ipynb"):
        shutil.copyfile(upload, destination / upload.name)
    else:
        raise SubmissionProblem(
            f"cannot grade '{upload.name}': upload a .py file, a notebook (.ipynb), a .zip, "
            "or a folder"
        )
    return destination


def _lone_zip(folder: Path) -> Path | None:
    """The zip file that is all a folder holds (Gradescope's submission folder when the zip
    was uploaded as it is), else ``None``."""
    entries = [entry for entry in folder.iterdir() if entry.name not in SKIP_DIRS]
    if len(entries) != 1 or entries[0].is_symlink() or not entries[0].is_file():
        return None
    return entries[0] if entries[0].suffix.lower() == ".zip" else None


def _copy_tree(source: Path, destination: Path) -> None:
    count = size = 0
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        rel = Path(dirpath).relative_to(source)
        (destination / rel).mkdir(parents=True, exist_ok=True)
        for name in filenames:
            src = Path(dirpath) / name
            if src.is_symlink() or not src.is_file():
                continue
            count += 1
            size += src.stat().st_size
            if count > MAX_FILES or size > MAX_BYTES:
                raise SubmissionProblem(
                    f"the upload is too large (more than {MAX_FILES} files or "
                    f"{MAX_BYTES >> 20} MiB); upload only your source files"
                )
            shutil.copyfile(src, destination / rel / name)


def _shown(name: str, width: int = 60) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _skipped_note(skipped: list[tuple[str, str]]) -> str:
    listed = "; ".join(f"{_shown(name)} ({why})" for name, why in skipped[:5])
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    return f"left out {len(skipped)} file(s) of the zip that cannot be unpacked: {listed}{more}"


def _extract_zip(archive: Path, destination: Path) -> list[tuple[str, str]]:
    """Extract what can be; return (member name, why) for each member left out."""
    skipped: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(archive) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) > MAX_FILES or sum(m.file_size for m in members) > MAX_BYTES:
                raise SubmissionProblem(
                    f"the zip is too large (more than {MAX_FILES} files or {MAX_BYTES >> 20} MiB "
                    "uncompressed); zip only your source files"
                )
            for member in members:
                parts = PurePosixPath(member.filename.replace("\\", "/")).parts
                if not parts or parts[0] in ("/", "") or ".." in parts:
                    continue  # absolute or escaping paths are ignored, never written
                if any(p in SKIP_DIRS for p in parts):
                    continue
                if stat.S_ISLNK(member.external_attr >> 16):
                    continue
                target = destination.joinpath(*parts)
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(member) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
                except OSError as exc:  # a name too long, a file where a folder must go
                    skipped.append((member.filename, exc.strerror or type(exc).__name__))
                    with contextlib.suppress(OSError):
                        target.unlink()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        # never the grader's own paths: only what the error says about the zip
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SubmissionProblem(f"the zip file could not be read ({why}); zip it again") from None
    return skipped


def locate(folder: Path, config: AssignmentConfig) -> LocatedModule:
    """Find the stage's module inside an unpacked upload."""
    module_rel = PurePosixPath(config.module)  # e.g. cnnlab/correlate.py
    basename = module_rel.name
    py_files = sorted(
        (
            p
            for p in folder.rglob("*.py")
            if not any(part in SKIP_DIRS for part in p.relative_to(folder).parts)
        ),
        key=lambda p: (len(p.relative_to(folder).parts), str(p)),
    )
    package_hits = [p for p in py_files if _ends_with(p.relative_to(folder), module_rel)]
    if package_hits:
        path = package_hits[0]
        root = path
        for _ in module_rel.parts:
            root = root.parent
        return LocatedModule(root, config.module_name, path, _duplicates(package_hits, folder))
    bare_hits = [p for p in py_files if p.name == basename]
    if bare_hits:
        path = bare_hits[0]
        return LocatedModule(path.parent, path.stem, path, _duplicates(bare_hits, folder))
    if len(py_files) == 1 and folder.joinpath(py_files[0].name).exists():
        # a single file under another name: grade it, but say so
        path = py_files[0]
        note = f"graded {path.name} as {basename} (rename it to {basename} next time)"
        return LocatedModule(path.parent, path.stem, path, (note,))
    notebooks = sorted(
        (p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts),
        key=lambda p: (len(p.relative_to(folder).parts), str(p)),
    )
    if notebooks:
        return _from_notebook(notebooks[0], folder, config)
    found = ", ".join(str(p.relative_to(folder)) for p in py_files[:10]) or "no Python files"
    raise SubmissionProblem(
        f"could not find {basename} in your upload (found: {found}). "
        f"Upload {config.module} or {basename}."
    )


def _from_notebook(notebook: Path, folder: Path, config: AssignmentConfig) -> LocatedModule:
    """Write the stage's module extracted from ``notebook`` beside the upload; locate it."""
    from autograder.intake.notebook import NotebookProblem, extract  # nbformat: only if needed

    try:
        extracted = extract(notebook, list(config.functions))
    except NotebookProblem as exc:
        raise SubmissionProblem(str(exc)) from None
    target = folder / "_from_notebook" / config.module_basename
    target.parent.mkdir(exist_ok=True)
    target.write_text(extracted.source, encoding="utf-8")
    notes = (f"graded the code of {notebook.relative_to(folder)}", *extracted.notes)
    return LocatedModule(target.parent, target.stem, target, notes)


def _ends_with(path: PurePosixPath | Path, suffix: PurePosixPath) -> bool:
    parts = PurePosixPath(*Path(path).parts).parts
    return parts[-len(suffix.parts) :] == suffix.parts


def _duplicates(hits: list[Path], folder: Path) -> tuple[str, ...]:
    if len(hits) < 2:
        return ()
    others = ", ".join(str(p.relative_to(folder)) for p in hits[1:4])
    return (f"several copies found; graded {hits[0].relative_to(folder)} (ignored: {others})",)


def hand_over(path: Path, user: SandboxUser | None) -> None:
    """Give the sandbox user ownership of a folder tree (no-op when not dropping privileges)."""
    if user is None:
        return
    for dirpath, dirnames, filenames in os.walk(path):
        os.chown(dirpath, user.uid, user.gid)
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), user.uid, user.gid, follow_symlinks=False)
