"""One grading of one submission: its workspace (:mod:`autograder.intake.workspace`), the
student's and the reference's workers, and the guard every call passes
(:mod:`autograder.grading.guard`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autograder.course.config import Limits
from autograder.course.stages import Stage
from autograder.grading.diagnostics import check_access
from autograder.grading.guard import CallGuard, SessionEvents
from autograder.intake.workspace import Workspace
from autograder.sandbox.client import CallResult, Keep, Worker
from autograder.sandbox.faults import (
    CallTimedOut,
    StudentFault,
    SubmissionNotLoadable,
    WorkerCrashed,
)
from autograder.sandbox.reaper import become_subreaper, reap_orphans
from autograder.sandbox.spec import WorkerSpec
from autograder.sandbox.target import Target
from autograder.sandbox.users import SandboxUser, sandbox_user


class GradingSession:
    """Owns the sandbox workspace and the student's worker for one grading run.

    The worker is started lazily, restarted after a crash or timeout, and never restarted
    after an import failure: that failure is final and every later call reports it.
    """

    def __init__(
        self,
        stage: Stage,
        upload: Path,
        *,
        limits: Limits | None = None,
        deadline: float | None = None,
        enforce_bans: bool = True,
        allow: tuple[str, ...] = (),
        one_process: bool | None = None,
    ) -> None:
        """``deadline`` is a ``time.monotonic()`` instant after which nothing more runs;
        ``enforce_bans=False`` lets banned libraries load and ``allow`` names distributions
        importable beyond the stage's image (calibrating against libraries);
        ``one_process`` overrides the stage's rule on creating processes (default: forbidden
        where the stage has speed tests)."""
        self.stage = stage
        self.banned = tuple(stage.config.banned) if enforce_bans else ()
        #: speed tests read one process's CPU clock: their stages forbid creating processes
        self.one_process = bool(stage.config.grading.timing) if one_process is None else one_process
        self.config = stage.config
        self.limits = limits or self.config.limits
        become_subreaper()  # so that processes escaping the worker's group come back to us
        self.user: SandboxUser | None = sandbox_user()
        self.access = check_access(stage, self.user)
        self.workspace = Workspace(self.config, upload, self.user, allow)
        self.located = self.workspace.located
        self.fatal: StudentFault | None = None
        if self.workspace.problem is not None:
            self.fatal = SubmissionNotLoadable(self.workspace.problem)
        self.events = SessionEvents()
        #: every call to the student's worker passes it (deadline, timeouts, records)
        self.guard = CallGuard(self.limits, deadline, self.events)
        self._worker: Worker | None = None
        self._reference: Worker | None = None

    # -- student worker ---------------------------------------------------------------------

    def student_worker(self) -> Worker:
        if self.fatal is not None:
            raise self.fatal
        if self._worker is not None and self._worker.alive:
            return self._worker
        if self._worker is not None:
            self.events.restarts += 1
            self._worker.kill()
        # dying while importing is as final as an ImportError once it happens again: the
        # first time may be a kill from outside (memory pressure on the machine)
        try:
            return self._start_student_worker()
        except WorkerCrashed as exc:
            self.events.crashes.append(f"importing the module (tried again): {exc}")
        try:
            return self._start_student_worker()
        except WorkerCrashed as exc:
            self.fatal = SubmissionNotLoadable(f"Your module could not be imported. {exc}")
            raise self.fatal from None

    def _start_student_worker(self) -> Worker:
        assert self.located is not None
        worker = Worker(
            WorkerSpec(
                root=self.located.root,
                module=self.located.module,
                workdir=self.workspace.work,
                limits=self.limits,
                preload=tuple(self.config.preload),
                user=self.user,
                banned=self.banned,
                import_view=self.workspace.import_view,
                one_process=self.one_process,
                tools=self.config.grading.tools,
            )
        )
        self._worker = worker
        try:
            worker.start()
        except SubmissionNotLoadable as exc:
            self.fatal = exc
            raise
        except CallTimedOut as exc:  # hanging while importing is final: it would hang again
            self.fatal = SubmissionNotLoadable(f"Your module could not be imported. {exc}")
            raise self.fatal from None
        finally:
            if worker.unenforced and worker.unenforced not in self.events.notes:
                self.events.notes.append(worker.unenforced)
        return worker

    def call(self, target: Target, args: tuple[Any, ...], kwargs: dict[str, Any],
             description: str, *, timeout: float | None = None,
             keep: Keep = "plain") -> CallResult:  # fmt: skip
        """Run ``target`` (a student function, a kept object's method, a stage tool) in the
        student's worker, through the call guard."""
        with self.guard.guarding(target, description, timeout) as limit:
            worker = self.student_worker()
            return worker.call(target, args, kwargs, timeout=limit,
                               description=f"running {description}", keep=keep)  # fmt: skip

    def take_output(self) -> str:
        return self._worker.take_output() if self._worker is not None else ""

    # -- reference worker (timing) ----------------------------------------------------------

    def reference_worker(self) -> Worker:
        """The reference solution in a worker of its own, started like the student's."""
        if self._reference is not None and self._reference.alive:
            return self._reference
        reference = self.stage.reference
        root = reference
        for _ in Path(self.config.module).parts:
            root = root.parent
        scratch = self.workspace.scratch("reference-work")
        worker = Worker(
            WorkerSpec(root=root, module=self.config.module_name, workdir=scratch,
                       limits=self.limits, preload=tuple(self.config.preload),
                       import_view=self.workspace.import_view, one_process=self.one_process,
                       tools=self.config.grading.tools)
        )  # fmt: skip
        worker.start()
        self._reference = worker
        return worker

    # -- end --------------------------------------------------------------------------------

    def close(self) -> None:
        for worker in (self._worker, self._reference):
            if worker is not None:
                worker.close()
        orphans = reap_orphans()
        if orphans:
            self.events.crashes.append(f"killed {orphans} process(es) left behind by the code")
        self.workspace.remove()
