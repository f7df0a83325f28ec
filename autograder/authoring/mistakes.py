"""The mistakes zoo: typical student mistakes that a stage's tests must catch, and how.

Each ``assignments/<stage>/mistakes/<name>.py`` states only what differs from the reference:
the function (or private helper) it breaks, written as a student would. The graded module
is the reference's source followed by the mistake's, so the later definitions win and the
mistake may use the reference's other functions and helpers; code that several mistakes
share (a plain student implementation that each breaks its own way) is written once in
``mistakes/_shared.py``, which stands between the two. Its declarations, read with
``ast.literal_eval`` (the file is never imported by the grader):

- ``BREAKS``: the student function whose behaviour changes;
- ``LOSES``: the test functions (names without parameters) that must lose points, exactly;
- ``HINT``: text (or a list of texts) the student must see in the failure messages of those
  tests, compared case-insensitively;
- ``MAY_LOSE`` (optional): tests that may lose points or not, by chance (a network trained
  from a worse initialisation now and then falls below the accuracy for full marks).

:func:`check_mistake` grades one and says what is wrong with the stage's verdict on it: a
test that should lose points and did not, one that lost points and should not, a zero score
(one bug must never cost the whole stage), a missing hint, or a failure message so generic
that it teaches nothing.
"""

from __future__ import annotations

import ast
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from autograder.course.stages import Stage
from autograder.errors import ConfigError
from autograder.grading.outcomes import GENERIC_MESSAGES
from autograder.grading.results import GradingResults, TestResult
from autograder.grading.runner import grade

Progress = Callable[[str], None]
_DECLARED = ("BREAKS", "LOSES", "HINT", "MAY_LOSE")


@dataclass(frozen=True)
class Mistake:
    path: Path
    breaks: str
    loses: tuple[str, ...]
    hints: tuple[str, ...]
    summary: str
    may_lose: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class MistakeOutcome:
    mistake: Mistake
    score: float
    max_score: float
    lost: tuple[str, ...]  # test functions that lost points
    shown: tuple[str, ...]  # the failure messages of those tests
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def mistake_files(stage: Stage) -> list[Path]:
    """The stage's mistakes (``mistakes/*.py``; files starting with ``_`` are not mistakes)."""
    folder = stage.directory / "mistakes"
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def read_mistake(path: Path, stage: Stage) -> Mistake:
    """Read a mistake's declarations without importing it; errors name the file and key."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    values: dict[str, object] = {}
    defines: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in _DECLARED:
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    raise ConfigError(path, target.id, "must be a literal") from None
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            defines.add(node.name)
        elif isinstance(node, ast.ImportFrom) and node.module == "__future__":
            raise ConfigError(path, None, "no __future__ imports: the file is appended")
    breaks = values.get("BREAKS")
    if breaks not in stage.config.functions:
        raise ConfigError(path, "BREAKS", f"must name one of {stage.config.functions}")
    loses = values.get("LOSES")
    if (
        not isinstance(loses, list | tuple)
        or not loses
        or not all(isinstance(t, str) for t in loses)
    ):
        raise ConfigError(path, "LOSES", "must be a non-empty list of test function names")
    hint = values.get("HINT")
    hints = (hint,) if isinstance(hint, str) else hint
    if (
        not isinstance(hints, list | tuple)
        or not hints
        or not all(isinstance(h, str) and h.strip() for h in hints)
    ):
        raise ConfigError(path, "HINT", "must be the text (or texts) the student must see")
    may_lose = values.get("MAY_LOSE", ())
    if not isinstance(may_lose, list | tuple) or not all(isinstance(t, str) for t in may_lose):
        raise ConfigError(path, "MAY_LOSE", "must be a list of test function names")
    if not defines:
        raise ConfigError(path, None, "defines no function: state what differs")
    doc = (ast.get_docstring(tree) or path.stem).strip().splitlines()[0]
    return Mistake(path, str(breaks), tuple(loses), tuple(hints), doc, tuple(may_lose))


def compose(stage: Stage, mistake: Mistake) -> str:
    """The module a student with this mistake would upload: reference, then the mistake."""
    return composed(stage, mistake.path, "mistake")


#: in a ``mistakes/`` or ``zoo/`` folder: code several of its files share, written once
SHARED = "_shared.py"


def composed(stage: Stage, path: Path, kind: str) -> str:
    """The reference's source, then the folder's ``_shared.py`` if there is one, then
    ``path``'s (a mistake or a zoo member): the later definitions win, and the rest of the
    module (helpers, other functions) is the reference's."""
    parts = [stage.reference.read_text(encoding="utf-8").rstrip()]
    shared = path.parent / SHARED
    if shared.is_file() and shared != path:
        parts.append(
            f"# --- {path.parent.name}/{SHARED} ---\n{shared.read_text(encoding='utf-8').rstrip()}"
        )
    parts.append(f"# --- {kind} {path.stem} ---\n{path.read_text(encoding='utf-8')}")
    return "\n\n\n".join(parts)


def function_of(result: TestResult) -> str:
    """The test function a result belongs to (``test_x`` of ``path::test_x[case]``)."""
    return result.nodeid.split("::")[-1].split("[")[0] if result.nodeid else result.name


def grade_mistake(stage: Stage, mistake: Mistake) -> GradingResults:
    work = Path(tempfile.mkdtemp(prefix="cnngrade-mistake-"))
    try:
        upload = work / "upload"
        upload.mkdir()
        (upload / stage.config.module_basename).write_text(
            compose(stage, mistake), encoding="utf-8"
        )
        return grade(stage, upload)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def judge(mistake: Mistake, results: GradingResults) -> MistakeOutcome:
    """Compare a mistake's grading with what it declares."""
    losing = [t for t in results.tests if t.max_score > 0 and t.score < t.max_score]
    lost = tuple(dict.fromkeys(function_of(t) for t in losing))
    problems = []
    missed = [name for name in mistake.loses if name not in lost]
    extra = [name for name in lost if name not in (*mistake.loses, *mistake.may_lose)]
    if missed:
        problems.append("kept its points on " + ", ".join(missed))
    if extra:
        problems.append("also lost points on " + ", ".join(extra))
    if results.score <= 0:
        problems.append(f"scored {results.score:g}/{results.max_score:g}: one bug zeroes the stage")
    declared = [t for t in losing if function_of(t) in mistake.loses]
    shown = tuple(t.output for t in declared)
    text = "\n".join(shown).lower()
    for hint in mistake.hints:
        if hint.lower() not in text:
            problems.append(f"no failure message says {hint!r}")
    for t in losing:
        generic = [g for g in GENERIC_MESSAGES if g.lower() in t.output.lower()]
        if generic or not t.output.strip():
            problems.append(f"{function_of(t)} fails with a generic message: {t.output[:80]!r}")
    return MistakeOutcome(mistake, results.score, results.max_score, lost, shown, tuple(problems))


def check_mistake(stage: Stage, mistake: Mistake) -> MistakeOutcome:
    return judge(mistake, grade_mistake(stage, mistake))


def check_mistakes(stage: Stage, progress: Progress | None = None) -> list[MistakeOutcome]:
    """Grade every mistake of the stage and judge each against its declarations."""
    mistakes = [read_mistake(path, stage) for path in mistake_files(stage)]
    outcomes = []
    for mistake in mistakes:
        if progress:
            progress(mistake.name)
        outcomes.append(check_mistake(stage, mistake))
    return outcomes
