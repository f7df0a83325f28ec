"""One grading's private folder: the upload unpacked and located, a writable work folder,
and the folder of packages student code may import, all handed to the sandbox account."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from autograder.course.config import AssignmentConfig
from autograder.course.image import FRAMEWORK_PACKAGES, image_distributions
from autograder.intake.submission import LocatedModule, SubmissionProblem, hand_over, locate, unpack
from autograder.sandbox.imports import make_view
from autograder.sandbox.users import SandboxUser


class Workspace:
    def __init__(self, config: AssignmentConfig, upload: Path, user: SandboxUser | None,
                 allow: tuple[str, ...] = ()) -> None:  # fmt: skip
        """``allow``: distributions importable beyond the stage's image (calibration)."""
        self.root = Path(tempfile.mkdtemp(prefix="cnngrade-"))
        self.located: LocatedModule | None = None
        #: why the upload cannot be graded (None when it can)
        self.problem: str | None = None
        try:
            unpacked: list[str] = []
            folder = unpack(upload, self.root / "upload", unpacked)
            located = locate(folder, config)
            self.located = replace(located, notes=(*unpacked, *located.notes))
        except SubmissionProblem as exc:
            self.problem = str(exc)
        self.work.mkdir()
        # what student code may import: the stage's Gradescope image, in every mode
        self.import_view = make_view(
            self.root / "packages", (*image_distributions(config), *allow), FRAMEWORK_PACKAGES
        )
        os.chmod(self.root, 0o711)
        hand_over(self.root / "upload", user)
        hand_over(self.work, user)

    @property
    def work(self) -> Path:
        """The student worker's writable current folder."""
        return self.root / "work"

    def scratch(self, name: str) -> Path:
        """A folder of the grader's own inside the workspace (the reference worker's)."""
        folder = self.root / name
        folder.mkdir(exist_ok=True)
        return folder

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            shutil.rmtree(self.root)
