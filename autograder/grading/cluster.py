"""``cnngrade batch --scheduler ADDRESS``: a batch's gradings on a Dask distributed cluster.

The isolation is the local batch's. Each submission is one task; the task, on a worker
node, writes the upload into a private temporary folder and grades it in a fresh ``cnngrade
grade`` process (:func:`autograder.grading.batch.grade_in_process`) in a slot of that node: its
own sandbox account (``cnngrade-jobN``, as root) and CPU, held by a lock file for as long as
the grading runs, so that concurrent tasks on one node, from any number of Dask workers,
never share an account. What comes back is plain data (the results document as text, how
the process ended); this side checks it and writes every file (``accept``), as the local
path does.

The worker nodes need cnngrade (``cnngrade[cluster]``) installed and the course kit: at the
path this side passes (``--kit``), or where ``CNNGRADE_KIT`` on the node points.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from autograder.course.stages import Stage
from autograder.errors import CnngradeError, import_extra
from autograder.grading.batch import (
    CRASHED,
    NO_RESULTS,
    BatchReport,
    Ending,
    Entry,
    Outcome,
    Slot,
    accept,
    grade_in_process,
)
from autograder.intake.submission import MAX_BYTES, MAX_FILES, SKIP_DIRS
from autograder.sandbox.faults import SandboxUnavailable
from autograder.sandbox.users import job_accounts

#: said when a batch reaches its scheduler over plain TCP as root
UNENCRYPTED = (
    "note: {address} is plain TCP: anything that can reach the scheduler, student code on a "
    "worker node included, can submit tasks to it; use tls:// with certificates only root can "
    "read (see the README)"
)
#: how long to try reaching the scheduler
CONNECT_TIMEOUT = "30s"
#: the most concurrent gradings one node runs (lock files tried in turn)
MAX_SLOTS = 256


class ClusterError(CnngradeError):
    """The cluster cannot be used (its scheduler cannot be reached)."""


def require_distributed() -> Any:
    """The ``distributed`` module (:class:`~autograder.errors.MissingExtra` if absent; the
    workers need the same extra)."""
    return import_extra("distributed", "cluster", "grading on a Dask cluster")


def cluster_note(address: str) -> str:
    """What to tell the user before grading on ``address`` ("": nothing): that root's
    gradings go over plain TCP. Checks first that ``distributed`` is here (MissingExtra)."""
    require_distributed()
    plain = "://" not in address or address.startswith("tcp://")
    return UNENCRYPTED.format(address=address) if plain and os.geteuid() == 0 else ""


# -- the upload, as plain data ----------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """An upload's files, to be written again on the worker node: ``name`` is the file's or
    the folder's name; a folder's ``files`` are (relative POSIX path, content) pairs."""

    name: str
    folder: bool
    files: tuple[tuple[str, bytes], ...]


class UploadTooLarge(ValueError):
    pass


def pack_upload(path: Path) -> Upload:
    """Read an upload as the intake would copy it: links, special files and the folders it
    skips left out; more than the intake accepts is refused before anything is sent."""
    if not path.is_dir():
        if path.stat().st_size > MAX_BYTES:
            raise UploadTooLarge(f"{path.name} is over {MAX_BYTES >> 20} MiB")
        return Upload(path.name, False, (("", path.read_bytes()),))
    files: list[tuple[str, bytes]] = []
    size = 0
    for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            file = Path(dirpath) / name
            info = file.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            size += info.st_size
            if len(files) >= MAX_FILES or size > MAX_BYTES:
                raise UploadTooLarge(
                    f"{path.name} holds more than {MAX_FILES} files or {MAX_BYTES >> 20} MiB"
                )
            files.append((file.relative_to(path).as_posix(), file.read_bytes()))
    return Upload(path.name, True, tuple(files))


def unpack_upload(upload: Upload, folder: Path) -> Path:
    """Write ``upload`` into ``folder``; the path to grade."""
    target = folder / _plain_name(upload.name)
    if not upload.folder:
        target.write_bytes(upload.files[0][1])
        return target
    target.mkdir()
    for relative, data in upload.files:
        parts = PurePosixPath(relative).parts
        if not parts or parts[0] == "/" or ".." in parts:
            raise ValueError(f"not a relative path inside the upload: {relative!r}")
        file = target.joinpath(*parts)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
    return target


def _plain_name(name: str) -> str:
    if not name or name in (".", "..") or "/" in name or "\0" in name:
        raise ValueError(f"not a file name: {name!r}")
    return name


# -- on the worker node -----------------------------------------------------------------------


def _slot_folder() -> Path:
    """The node's lock files: a folder of this account's own that nobody else can write
    (student code could otherwise hold a slot's lock and push gradings onto one account)."""
    folder = Path(tempfile.gettempdir()) / f"cnngrade-slots-{os.geteuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise SandboxUnavailable(
            f"{folder} is not a private folder of this account; remove it and grade again"
        )
    return folder


@contextlib.contextmanager
def node_slot() -> Iterator[Slot]:
    """A slot of this node no other grading holds: slot N is ``cnngrade-jobN`` (as root)
    and the N-th CPU this process may use, held by an advisory lock on the file ``N``,
    which the kernel releases when the holder exits, however it ends."""
    import fcntl  # POSIX, like the sandbox accounts: only where the gradings run

    folder = _slot_folder()
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    for number in range(1, MAX_SLOTS + 1):
        fd = os.open(folder / str(number), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            accounts = job_accounts(number)
            account = accounts[-1] if accounts else None
            yield Slot(account, {cpus[(number - 1) % len(cpus)]} if cpus else None)
        finally:
            os.close(fd)  # releases the lock
        return
    raise SandboxUnavailable(f"more than {MAX_SLOTS} gradings at once on this node")


def grade_on_node(stage_id: str, kit: str | None, upload: Upload, timeout: float
                  ) -> dict[str, Any]:  # fmt: skip
    """The task: grade ``upload`` on this node; plain data back (the results document as
    text, or ``None``; how the process ended; the seconds it took)."""
    kit_path = Path(kit) if kit is not None and Path(kit).is_dir() else None
    with node_slot() as slot, tempfile.TemporaryDirectory(prefix="cnngrade-task-") as scratch:
        target = Path(scratch) / "results.json"
        path = unpack_upload(upload, Path(scratch))
        text, ending, seconds = grade_in_process(stage_id, path, target, kit_path, timeout, slot)
    return {"text": text, "kind": ending.kind, "detail": ending.detail, "seconds": seconds}


# -- on the batch's side ----------------------------------------------------------------------


def _received(reply: Any) -> tuple[str | None, Ending, float]:
    """A task's reply, checked for shape (a node's cnngrade of another version, a bug)."""
    if not isinstance(reply, dict):
        return None, Ending(NO_RESULTS, f"the task returned {type(reply).__name__}"), 0.0
    text = reply.get("text")
    kind, detail, seconds = reply.get("kind"), reply.get("detail"), reply.get("seconds")
    ending = Ending(kind if isinstance(kind, str) else NO_RESULTS,
                    detail if isinstance(detail, str) else "")  # fmt: skip
    number = float(seconds) if isinstance(seconds, int | float) else 0.0
    return (text if isinstance(text, str) else None), ending, number


def run_on_cluster(stage: Stage, entries: list[Entry], out_dir: Path, address: str,
                   progress: Callable[[str], None] | None = None) -> BatchReport:  # fmt: skip
    """Grade ``entries`` on the cluster whose scheduler is at ``address``: one task each,
    results checked and written here into ``out_dir``."""
    distributed = require_distributed()
    timeout = stage.config.gradescope.timeout
    kit = str(stage.kit)
    started = time.monotonic()
    report = BatchReport()

    def done(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if progress:
            progress(outcome.entry.id)

    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except OSError as exc:  # distributed raises OSError subclasses when it cannot connect
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        tasks: dict[Any, Entry] = {}
        batch = uuid.uuid4().hex[:8]
        for index, entry in enumerate(entries):
            try:
                upload = pack_upload(entry.path)
            except (OSError, UploadTooLarge) as exc:
                done(accept(entry, None, Ending(NO_RESULTS, f"not sent: {exc}"), 0.0, out_dir))
                continue
            future = client.submit(grade_on_node, stage.id, kit, upload, timeout,
                                   key=f"cnngrade-{batch}-{index}", pure=False)  # fmt: skip
            tasks[future] = entry
        for future in distributed.as_completed(list(tasks)):
            entry = tasks[future]
            try:
                text, ending, seconds = _received(future.result())
            except Exception as exc:  # noqa: BLE001  a lost worker, a failed task: one row's
                failed = Ending(CRASHED, f"the cluster task failed: {exc!r}")
                text, ending, seconds = None, failed, 0.0
            done(accept(entry, text, ending, seconds, out_dir))
    report.outcomes.sort(key=lambda o: o.entry.id)
    report.seconds = time.monotonic() - started
    return report
