"""``cnngrade release``: generate ``student_template/`` from ``solutions/`` and ``assignments/``.

Everything students get is derived, so an assignment is written once: stubs from the
marked reference, public tests shared byte for byte, the handouts and their figures (drawn
from the reference with matplotlib, :mod:`autograder.authoring.figures`), a conftest that
hands the tests the student's modules, requirements, a README, and one notebook per stage
that works opened alone. ``--check`` compares what release would write with what is
committed; it draws the figures too, so it needs matplotlib (the ``figures`` extra) as well.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from autograder.authoring import figures, notebooks
from autograder.authoring.markers import make_stub
from autograder.course.kit import SOLUTIONS, TEMPLATE
from autograder.course.stages import Stage, all_stages
from autograder.errors import CnngradeError

STUDENT_REQUIREMENTS = "numpy>=1.24\npytest>=7.4\n"
TORCH_REQUIREMENT = (
    "# stage 5 (LeNet) only: the CPU build; see https://pytorch.org for a GPU build\ntorch>=2.2\n"
    "# stage 5's training curves (the notebook's \"Try it\" cell)\nmatplotlib>=3.7\n"
)


def _template(name: str) -> str:
    return (resources.files("autograder.authoring") / "templates" / name).read_text()


@dataclass
class Release:
    """The generated template: relative path → content."""

    files: dict[str, bytes] = field(default_factory=dict)
    figures: set[str] = field(default_factory=set)  # the paths of drawn figures

    def add(self, path: str, content: str | bytes) -> None:
        self.files[path] = content.encode() if isinstance(content, str) else content


class HandoutImageError(CnngradeError):
    """A handout shows an image that nothing provides, or a figure is drawn for no handout."""


def generate(kit: Path) -> Release:
    """Everything ``student_template/`` holds; raises
    :class:`~autograder.authoring.figures.FiguresUnavailable` without matplotlib when a stage
    has figures."""
    stages = all_stages(kit)
    release = Release()
    release.add("conftest.py", _template("conftest.py"))
    release.add("pytest.ini", _template("pytest.ini"))
    rows = "\n".join(
        f"| {s.config.number} {s.config.title} | `{s.config.module}` | "
        + ", ".join(f"`{f}`" for f in s.config.functions)
        + " |"
        for s in stages
    )
    release.add("README.md", _template("README.md").replace("@STAGES@", rows))
    needs_torch = any("torch" in s.config.requires for s in stages)
    release.add(
        "requirements.txt", STUDENT_REQUIREMENTS + (TORCH_REQUIREMENT if needs_torch else "")
    )
    if needs_torch:
        _add_lab_files(release, stages)
    if any(s.config.grading.timing for s in stages):
        release.add("tests/speedcheck.py", speedcheck_source(stages))
    package_init = kit / SOLUTIONS / "cnnlab" / "__init__.py"
    if package_init.exists():
        release.add("cnnlab/__init__.py", make_stub(package_init.read_text(), package_init).text)
    for stage in stages:
        _add_stage(release, stage)
    return release


def _add_lab_files(release: Release, stages: list[Stage]) -> None:
    """Stage 5's data and test helpers: the kit's own modules, copied unchanged, so that
    students load data and run the public tests with exactly what grading uses."""
    package = resources.files("autograder.lab")
    release.add("cnnlab/data.py", (package / "datasets.py").read_bytes())
    release.add("tests/labtools.py", (package / "labtools.py").read_bytes())
    for stage in stages:
        digits = stage.directory / "data" / "digits.npz"
        if digits.is_file():
            release.add("data/digits.npz", digits.read_bytes())


#: the line of ``autograder/authoring/speedcheck.py`` that release fills with the graded limits
GRADED_LINE = "GRADED: dict[tuple[str, str], tuple[float, str]] = {}\n"


def speedcheck_source(stages: list[Stage]) -> str:
    """The students' speed-feedback helper: :mod:`autograder.authoring.speedcheck` with each graded
    speed test's limit and hint written in (from the stages' assignment.toml), so that its
    messages name the limit and give the hint the graded test would."""
    source = (resources.files("autograder.authoring") / "speedcheck.py").read_text(encoding="utf-8")
    if GRADED_LINE not in source:
        raise RuntimeError(f"autograder/authoring/speedcheck.py lacks the line {GRADED_LINE!r}")
    entries = "".join(
        f"    ({stage.id!r}, {key!r}): ({spec.limit!r}, {spec.hint.strip()!r}),\n"
        for stage in stages
        for key, spec in stage.config.grading.timing.items()
    )
    return source.replace(GRADED_LINE, "GRADED: dict[tuple[str, str], tuple[float, str]] = {\n"
                          + entries + "}\n")  # fmt: skip


def _add_stage(release: Release, stage: Stage) -> None:
    reference = stage.reference
    stub = make_stub(reference.read_text(encoding="utf-8"), reference).text
    release.add(stage.config.module, stub)
    tests = sorted(stage.public_tests.glob("*.py"))
    for test in tests:
        release.add(f"tests/{test.name}", test.read_bytes())
    drawn = figures.stage_figures(stage)
    images = _handout_images(stage, drawn)
    if stage.handout.exists():
        release.add(f"handouts/{stage.config.number}_{stage.id}.md", stage.handout.read_bytes())
        for name, content in images.items():
            path = f"handouts/{name}"
            if path in release.files and release.files[path] != content:
                raise HandoutImageError(
                    f"{stage.handout}: another stage's handout already has an image named "
                    f"{name}; rename one of them"
                )
            release.add(path, content)
        release.figures.update(f"handouts/{name}" for name in drawn)
    notebook = notebooks.build_notebook(stage, stub, images, _checks_files(release, stage, tests))
    release.add(f"notebooks/{notebooks.notebook_name(stage)}", notebooks.dumps(notebook))


def _handout_images(stage: Stage, drawn: dict[str, bytes]) -> dict[str, bytes]:
    """The images the stage's handout shows: its ``drawn`` figures, and files beside it."""
    shown = (notebooks.handout_images(stage.handout.read_text(encoding="utf-8"))
             if stage.handout.exists() else [])  # fmt: skip
    for name in sorted(set(drawn) - set(shown)):
        raise HandoutImageError(
            f"{stage.directory / figures.FIGURES_FILE} draws {name}, but "
            f"{stage.handout.name} never shows it: add ![caption]({name})"
        )
    images = {}
    for name in shown:
        if name in drawn:
            images[name] = drawn[name]
        elif (stage.directory / name).is_file():
            images[name] = (stage.directory / name).read_bytes()
        else:
            raise HandoutImageError(
                f"{stage.handout} shows {name}, which is neither a figure of "
                f"{figures.FIGURES_FILE} nor a file beside the handout"
            )
    return images


def _checks_files(release: Release, stage: Stage, tests: list[Path]) -> dict[str, bytes]:
    """What the stage's notebook carries for its check cells: the runner, the public tests,
    and the helpers they use, in the layout the runner expects (one folder)."""
    files = {"nbcheck.py": _template("nbcheck.py").encode()}
    files.update((test.name, test.read_bytes()) for test in tests)
    if stage.config.grading.timing:
        files["speedcheck.py"] = release.files["tests/speedcheck.py"]
    if "torch" in stage.config.requires:
        for path in ("tests/labtools.py", "cnnlab/data.py", "data/digits.npz"):
            if path in release.files:
                files[path.removeprefix("tests/")] = release.files[path]
    return files


@dataclass(frozen=True)
class Difference:
    path: str
    problem: str  # "differs", "missing", "not generated"
    detail: str = ""  # e.g. which matplotlib drew a figure that differs


def compare(release: Release, folder: Path) -> list[Difference]:
    """How ``folder`` differs from what release would write there."""
    out = []
    for path, content in sorted(release.files.items()):
        target = folder / path
        if not target.exists():
            out.append(Difference(path, "missing"))
        elif target.read_bytes() != content:
            hint = figures.version_hint(target.read_bytes()) if path in release.figures else ""
            out.append(Difference(path, "differs", hint))
    for existing in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = existing.relative_to(folder).as_posix()
        if relative not in release.files and not _ignorable(relative):
            out.append(Difference(relative, "not generated"))
    return out


def _ignorable(relative: str) -> bool:
    parts = relative.split("/")
    return any(p in ("__pycache__", ".pytest_cache", ".ipynb_checkpoints", ".venv") for p in parts)


def write(release: Release, folder: Path) -> list[str]:
    """Make ``folder`` hold exactly the release; return the files removed as stale."""
    removed = [d.path for d in compare(release, folder) if d.problem == "not generated"]
    for path in removed:
        (folder / path).unlink()
    for path, content in release.files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for directory in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            shutil.rmtree(directory)
    return removed


def default_target(kit: Path) -> Path:
    return kit / TEMPLATE
