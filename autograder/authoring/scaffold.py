"""``cnngrade new``: scaffold an instructor's own stage.

The new stage is a small working example (ReLU and its gradient) with every part a stage
has: a config with every key documented, a handout, public and hidden tests, speed inputs,
a speed zoo and a mistakes zoo, and a reference with solution markers. ``cnngrade
validate`` accepts it as written, and ``release`` and ``build`` include it.

Everything is rendered and checked before anything is written, and written all or
nothing: a refused id or a failed write leaves the kit as it was.
"""

from __future__ import annotations

import contextlib
import keyword
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from autograder.authoring.configdoc import documented_toml
from autograder.course.config import CONFIG_NAME
from autograder.course.kit import ASSIGNMENTS, SOLUTIONS, TEMPLATE
from autograder.course.stages import all_stages
from autograder.errors import CnngradeError

STAGE_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
#: module names the student template already uses for something else
RESERVED = {"data"}  # stage 5's data loader, cnnlab/data.py
PACKAGE = "cnnlab"
TEMPLATES = resources.files("autograder.authoring") / "templates" / "new"

#: what each template becomes, relative to the stage folder
STAGE_FILES = {
    "handout.md": "handout.md",
    "timing.py": "timing.py",
    "test_public.py": "tests/public/test_@ID@.py",
    "test_hidden.py": "tests/hidden/test_@ID@_hidden.py",
}

POINTS = {
    "# public tests (also run by students with plain pytest)": {
        "test_relu_example": 1, "test_relu_keeps_shape_and_dtype": 1,
        "test_relu_backward_example": 1, "test_relu_backward_rejects_other_shapes": 1,
    },
    "# hidden tests": {
        "test_relu_values": 3, "test_relu_dtype": 2, "test_relu_non_contiguous_input": 1,
        "test_inputs_unmodified": 2, "test_relu_backward_numerical": 3,
        "test_relu_backward_at_zero": 1, "test_errors": 2, "test_relu_speed": 3,
        "no_banned_apis": 0,
    },
}  # fmt: skip

SPEED_HINT = (
    "use one NumPy call over the whole array, such as np.maximum(X, 0), instead of a "
    "Python loop over its entries"
)


class ScaffoldError(CnngradeError):
    """A new stage that cannot be created; nothing was written."""


@dataclass(frozen=True)
class Scaffold:
    """A new stage, rendered: file path relative to the kit → text."""

    stage_id: str
    number: int
    title: str
    files: dict[str, str]

    @property
    def module(self) -> str:
        return f"{PACKAGE}/{self.stage_id}.py"


def _refuse(stage_id: str, why: str) -> ScaffoldError:
    return ScaffoldError(f"cannot create stage '{stage_id}': {why}; nothing was written")


def _check_id(kit: Path, stage_id: str) -> int:
    """The new stage's number; raise if ``stage_id`` is unusable in this kit."""
    if not STAGE_ID.match(stage_id) or keyword.iskeyword(stage_id):
        raise _refuse(
            stage_id,
            "an id is a Python module name: lower-case letters, digits and _, starting with a "
            "letter, and not a Python keyword (e.g. relu6)",
        )
    if stage_id in RESERVED or stage_id.startswith("test"):
        raise _refuse(stage_id, f"{PACKAGE}/{stage_id}.py is taken by the student template")
    stages = all_stages(kit)
    for stage in stages:
        if stage_id == stage.id.lower():
            raise _refuse(stage_id, f"stage {stage.config.number} already has that id")
        if stage.config.module == f"{PACKAGE}/{stage_id}.py":
            raise _refuse(
                stage_id, f"stage {stage.id} already uses the module {PACKAGE}/{stage_id}.py"
            )
        if any(p.name == f"test_{stage_id}.py" for p in stage.public_tests.glob("*.py")):
            raise _refuse(stage_id, f"stage {stage.id} already has tests/test_{stage_id}.py")
    for taken in (
        kit / ASSIGNMENTS / stage_id,
        kit / SOLUTIONS / PACKAGE / f"{stage_id}.py",
        kit / TEMPLATE / PACKAGE / f"{stage_id}.py",
    ):
        if taken.exists() or taken.is_symlink():
            raise _refuse(stage_id, f"{taken} already exists")
    return max((s.config.number for s in stages), default=0) + 1


def _read(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _config(stage_id: str, number: int, title: str) -> str:
    values: dict[str, Any] = {
        "id": stage_id,
        "number": number,
        "title": title,
        "module": f"{PACKAGE}/{stage_id}.py",
        "functions": ["relu", "relu_backward"],
        "handout": "handout.md",
        "banned": ["scipy", "torch", "tensorflow", "jax"],
        "grading": {
            "points": {k: v for group in POINTS.values() for k, v in group.items()},
            "timing": {"relu": {"limit": 15.0, "repeats": 5, "hint": SPEED_HINT}},
        },
        "limits": {"call_timeout": 3.0, "load_timeout": 10.0},
        "gradescope": {"timeout": 600.0},
    }
    header = (
        f"Stage {number} of the course: {title}. Written by `cnngrade new` around a small\n"
        "working example (ReLU); change it into your stage. Every key is below, under what\n"
        "it means; the ones left at their defaults are commented out. `cnngrade list --keys`\n"
        "prints them, `cnngrade validate` checks the whole stage.\n"
    )
    examples = {
        "leaderboard": {"name": "relu CPU time (× reference)", "metric": "speed:relu",
                        "order": "asc"},
    }  # fmt: skip
    return documented_toml(values, header=header, examples=examples)


def plan(kit: Path, stage_id: str, title: str | None = None) -> Scaffold:
    """Render the new stage ``stage_id`` of ``kit``; raise :class:`ScaffoldError` if the id
    is invalid or taken."""
    number = _check_id(kit, stage_id)
    title = (title if title is not None else stage_id.replace("_", " ").capitalize()).strip()
    if not title or "\n" in title:
        raise _refuse(stage_id, "the title must be one non-empty line")
    module = f"{PACKAGE}/{stage_id}.py"
    fill = {"@ID@": stage_id, "@TITLE@": title, "@NUMBER@": str(number), "@MODULE@": module,
            "@MODULE_NAME@": f"{PACKAGE}.{stage_id}"}  # fmt: skip

    def render(text: str) -> str:
        for placeholder, value in fill.items():
            text = text.replace(placeholder, value)
        return text

    stage = f"{ASSIGNMENTS}/{stage_id}"
    files = {f"{stage}/{CONFIG_NAME}": _config(stage_id, number, title)}
    for template, target in STAGE_FILES.items():
        files[f"{stage}/{render(target)}"] = render(_read(template))
    for folder in ("zoo", "mistakes"):
        for entry in sorted((TEMPLATES / folder).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                files[f"{stage}/{folder}/{entry.name}"] = render(entry.read_text("utf-8"))
    files[f"{SOLUTIONS}/{module}"] = render(_read("solution.py"))
    return Scaffold(stage_id, number, title, files)


def write(kit: Path, scaffold: Scaffold) -> list[Path]:
    """Write ``scaffold`` into ``kit``, all or nothing; return the files written.

    The stage folder is assembled beside its final place and renamed into it, and the
    reference is linked into place (which never replaces a file): a failure undoes both."""
    stage_dir = kit / ASSIGNMENTS / scaffold.stage_id
    solution = kit / SOLUTIONS / scaffold.module
    prefix = f"{ASSIGNMENTS}/{scaffold.stage_id}/"
    made: list[Path] = []  # what to remove if a later step fails, last first
    staging: Path | None = None
    draft = solution.with_name(f".{solution.name}.cnngrade-new")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".cnngrade-new-{scaffold.stage_id}-",
                                        dir=kit / ASSIGNMENTS))  # fmt: skip
        for relative, text in scaffold.files.items():
            if relative.startswith(prefix):
                target = staging / relative.removeprefix(prefix)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        for folder in reversed(solution.parents):
            if folder.is_relative_to(kit) and not folder.exists():
                folder.mkdir()
                made.append(folder)
        draft.write_text(scaffold.files[f"{SOLUTIONS}/{scaffold.module}"], encoding="utf-8")
        os.link(draft, solution)
        made.append(solution)
        staging.rename(stage_dir)
        made.append(stage_dir)
    except OSError as exc:
        for path in reversed(made):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        raise _refuse(scaffold.stage_id, f"writing failed ({exc})") from None
    finally:
        with contextlib.suppress(OSError):  # e.g. its folder could not be made
            draft.unlink(missing_ok=True)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return sorted(kit / relative for relative in scaffold.files)


def create(kit: Path, stage_id: str, title: str | None = None) -> tuple[Scaffold, list[Path]]:
    """``cnngrade new``: plan the stage, then write it."""
    scaffold = plan(kit, stage_id, title)
    return scaffold, write(kit, scaffold)
