"""The worker: the only process that ever runs student code.

Started by :class:`autograder.sandbox.client.Worker` as ``python -I -m
autograder.sandbox.worker REQUEST_FD REPLY_FD``. It reads its settings from the first frame,
applies resource limits, imports the preload modules, drops privileges (when started as
root) and then serves requests until told to exit. Replies are plain data; the trusted side
validates everything it receives.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from autograder.sandbox import guard, mounts, oneprocess, protocol
from autograder.sandbox.privileges import apply_limits, drop_privileges

_shares_memory = np.shares_memory  # bound before student code can patch NumPy
_array_equal = np.array_equal
_MAX_MESSAGE = 2000
# Imported before privileges are dropped: they then work even where the sandbox user cannot
# read the interpreter's files, and their import time never counts against a student's call.
# (measured: this list adds about 15 ms to a worker's start).
STANDARD_PRELOAD = (
    "math", "cmath", "itertools", "functools", "operator", "collections", "collections.abc",
    "typing", "dataclasses", "copy", "random", "statistics", "re", "json", "zlib", "time",
    "abc", "enum", "numbers", "heapq", "bisect", "string", "textwrap", "pprint", "decimal",
    "fractions", "contextlib", "warnings", "traceback", "inspect", "weakref", "io", "struct",
    "array", "pathlib", "tempfile", "datetime", "hashlib", "csv", "logging", "queue",
    "threading", "subprocess", "signal", "atexit", "ctypes", "unittest",
    "sysconfig", "numpy", "numpy.random", "numpy.linalg", "numpy.fft", "numpy.testing",
    "numpy.lib.stride_tricks",
)  # fmt: skip


class Server:
    def __init__(self, request_fd: int, reply_fd: int, max_reply: int = 1 << 30,
                 tools: dict[str, Callable[..., Any]] | None = None) -> None:  # fmt: skip
        self.request_fd = request_fd
        self.tools = tools or {}  # the stage's test helpers, by name
        self.max_reply = max_reply  # bytes of blobs one reply may carry (the grader's bound)
        self.reply_fd = reply_fd
        self.reader = protocol.FrameReader()
        self.module: ModuleType | None = None
        self.upload_root = ""
        self.stash: dict[str, Pending] = {}
        self.pid = os.getpid()
        self.request_id: Any = None
        self.objects: dict[int, Any] = {}  # what the grader holds only as handles

    # -- plumbing ---------------------------------------------------------------------------

    def reply(self, message: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        if os.getpid() != self.pid:
            # a process the student forked has returned into the server: it must never
            # answer on the grader's pipe (its replies would be taken for ours)
            os._exit(0)
        message["id"] = self.request_id
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        protocol.send(self.reply_fd, message, blobs)

    def error(self, kind: str, exc: BaseException | None = None, message: str = "") -> None:
        info: dict[str, Any] = {"kind": kind, "message": message[:_MAX_MESSAGE]}
        if exc is not None:
            info["type"] = type(exc).__name__
            info["message"] = (message or _safe_str(exc))[:_MAX_MESSAGE]
            info["traceback"] = self.student_traceback(exc)
        self.reply({"ok": False, "error": info})

    def student_traceback(self, exc: BaseException) -> str:
        """Only the frames in the student's own files, with paths relative to the upload."""
        lines = []
        for frame in traceback.extract_tb(exc.__traceback__):
            if self.upload_root and frame.filename.startswith(self.upload_root):
                name = frame.filename[len(self.upload_root) :].lstrip("/")
                lines.append(f'  File "{name}", line {frame.lineno}, in {frame.name}')
                if frame.line:
                    lines.append(f"    {frame.line.strip()}")
        return "\n".join(lines[-20:])

    def serve(self) -> None:
        handlers: dict[str, Callable[[dict[str, Any], list[memoryview]], None]] = {
            "load": self.load,
            "stash": self.stash_inputs,
            "run": self.run_stashed,
            "fetch": self.fetch,
        }
        while True:
            try:
                message, blobs = protocol.read_frame_blocking(self.request_fd, self.reader)
            except EOFError:
                return
            self.request_id = message.get("id")
            op = message.get("op")
            if op == "exit":
                self.reply({"ok": True})
                return
            handler = handlers.get(str(op))
            if handler is None:
                self.error("protocol", message=f"unknown op {op!r}")
                continue
            handler(message, blobs)

    # -- operations -------------------------------------------------------------------------

    def load(self, message: dict[str, Any], blobs: list[memoryview]) -> None:
        root = str(Path(message["root"]).resolve())
        self.upload_root = root + os.sep
        sys.path.insert(0, root)
        try:
            self.module = importlib.import_module(message["module"])
        except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a student error too
            self.error("import", exc)
            return
        self.reply({"ok": True})

    def _callable(self, target: dict[str, Any]) -> Any:
        """What ``target`` names, or None after replying with the error."""
        kind, name = target.get("kind"), str(target.get("name"))
        if kind == "tool":
            helper = self.tools.get(name)
            if helper is None:
                self.error("protocol", message=f"this stage has no tool {name!r}")
            return helper
        if kind == "method":
            handle = target.get("handle")
            if not isinstance(handle, int) or handle not in self.objects:
                self.error("protocol", message=f"unknown handle {handle!r}")
                return None
            try:  # the object is the student's: looking up its method runs its code
                return getattr(self.objects[handle], name)
            except BaseException as exc:  # noqa: BLE001
                self.error("raised", exc)
                return None
        if self.module is None:
            self.error("protocol", message="no module loaded")
            return None
        fn = getattr(self.module, name, None)
        if fn is None:
            self.error("missing", message=name)
            return None
        if not callable(fn):
            self.error("not_callable", message=f"{name} is a {type(fn).__name__}")
            return None
        return fn

    def resolve(self, value: Any) -> Any:
        """Replace handles in decoded arguments by the objects they stand for."""
        if isinstance(value, protocol.Handle):
            if value.id not in self.objects:
                raise KeyError(f"unknown handle {value.id}")
            return self.objects[value.id]
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(v) for v in value)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def keep(self, value: Any) -> protocol.Handle:
        handle = protocol.Handle(len(self.objects) + 1, type(value).__name__)
        self.objects[handle.id] = value
        return handle

    def send_result(self, result: Any, extra: dict[str, Any], keep: Any) -> None:
        """``keep``: "handle" (the result stays here), "auto" (plain data when it can be,
        else a handle) or "plain" (anything else is the student's error)."""
        try:
            if keep == "handle":
                doc, out_blobs = protocol.encode(self.keep(result))
            else:
                try:
                    doc, out_blobs = protocol.encode(_plain(result))
                except protocol.Unencodable:
                    if keep != "auto":
                        raise
                    doc, out_blobs = protocol.encode(self.keep(result))
        except protocol.Unencodable as exc:
            self.error("bad_return", message=str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - an exotic result object misbehaving
            self.error("bad_return", exc)
            return
        size = sum(len(blob) for blob in out_blobs)
        if size > self.max_reply:
            del doc, out_blobs
            self.error("too_large", message=str(size))
            return
        self.reply({"ok": True, "value": doc, **extra}, out_blobs)

    # Every call, timed or not, of a student function, a kept object's method or a stage
    # tool, is the same three requests: the arguments are stashed (and snapshotted), the
    # target runs on them (the trusted side reads the CPU clock around this request only),
    # and the result is fetched. Nothing in the worker tells a speed test's call from any
    # other; its result is checked too. A handle the worker does not hold is a grader bug
    # ("protocol") wherever it appears.

    def stash_inputs(self, message: dict[str, Any], blobs: list[memoryview]) -> None:
        args, kwargs = _payload(message, blobs)
        try:
            args, kwargs = self.resolve(args), self.resolve(kwargs)
        except KeyError as exc:
            self.error("protocol", message=str(exc))
            return
        self.stash[str(message["key"])] = Pending(args, kwargs)
        self.reply({"ok": True})

    def run_stashed(self, message: dict[str, Any], blobs: list[memoryview]) -> None:
        """Run the target on one stashed input set and keep the result for ``fetch``."""
        pending = self.stash.get(str(message["key"]))
        if pending is None:
            self.error("protocol", message=f"no inputs stashed as {message['key']!r}")
            return
        fn = self._callable(dict(message.get("target") or {}))
        if fn is None:
            del self.stash[str(message["key"])]
            return
        start = time.process_time()
        try:
            pending.result = fn(*pending.args, **pending.kwargs)
        except BaseException as exc:  # noqa: BLE001 - report sys.exit() in a call as an error
            del self.stash[str(message["key"])]
            self.error("raised", exc)
            return
        pending.ran = True
        self.reply({"ok": True, "self_cpu": time.process_time() - start})

    def fetch(self, message: dict[str, Any], blobs: list[memoryview]) -> None:
        """Send back a run's result, and whether it changed or aliased its inputs."""
        pending = self.stash.pop(str(message["key"]), None)
        if pending is None or not pending.ran:
            self.error("protocol", message=f"no result for {message['key']!r}")
            return
        named = pending.named()
        mutated = [k for k, snap in pending.snapshots.items()
                   if not _array_equal(snap, named[k], equal_nan=True)]  # fmt: skip
        aliased = [k for k in pending.snapshots if _shares_any(pending.result, named[k])]
        self.send_result(pending.result, {"mutated": mutated, "aliased": aliased},
                         message.get("keep"))  # fmt: skip


class Pending:
    """One stashed call: its arguments, copies of its array arguments, its result."""

    def __init__(self, args: list[Any], kwargs: dict[str, Any]) -> None:
        self.args, self.kwargs = args, kwargs
        self.snapshots = {k: a.copy() for k, a in self.named().items() if isinstance(a, np.ndarray)}
        self.result: Any = None
        self.ran = False

    def named(self) -> dict[int | str, Any]:
        named: dict[int | str, Any] = dict(enumerate(self.args))
        named.update(self.kwargs)
        return named


def _plain(value: Any) -> Any:
    """Tensors become NumPy arrays (on the CPU, detached); containers are walked."""
    module = type(value).__module__ or ""
    if module.startswith("torch") and hasattr(value, "detach"):
        return value.detach().cpu().numpy()
    if isinstance(value, list | tuple):
        items = [_plain(v) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _payload(message: dict[str, Any], blobs: list[memoryview]) -> tuple[list[Any], dict[str, Any]]:
    payload = protocol.decode(message["payload"], blobs)
    return list(payload["args"]), dict(payload["kwargs"])


def _shares_any(result: Any, array: np.ndarray) -> bool:
    if isinstance(result, np.ndarray):
        return bool(_shares_memory(result, array))
    if isinstance(result, list | tuple):
        return any(_shares_any(item, array) for item in result)
    return False


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a student's __str__ may raise
        return f"<{type(exc).__name__} whose message could not be shown>"


def needed_paths(settings: dict[str, Any]) -> list[Path]:
    """What the worker reads after dropping privileges: the Python installation, every
    import path (and where the import view's links lead), the module's folder, its workdir."""
    paths = [Path(sys.base_prefix), Path(sys.prefix), Path(__file__).resolve().parents[1]]
    for entry in sys.path:
        folder = Path(entry or ".")
        paths.append(folder)
        if folder.is_dir() and not folder.is_symlink():
            with contextlib.suppress(OSError):
                paths += [child.resolve() for child in folder.iterdir() if child.is_symlink()]
    paths += [Path(str(settings[key])) for key in ("root", "workdir") if settings.get(key)]
    return paths


def main(argv: list[str]) -> int:
    request_fd, reply_fd = int(argv[1]), int(argv[2])
    reader = protocol.FrameReader()
    settings, _ = protocol.read_frame_blocking(request_fd, reader)
    uid, gid = settings.get("uid"), settings.get("gid")
    apply_limits(settings.get("limits", {}), None if uid is None else int(uid))
    for name in (*STANDARD_PRELOAD, *settings.get("preload", [])):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    # the stage's test helpers, named by its config: the sandbox imports no course code itself
    tools = dict(importlib.import_module(settings["tools"]).TOOLS) if settings.get("tools") else {}
    if uid is not None and gid is not None and os.geteuid() == 0:
        try:
            mounts.expose(needed_paths(settings), int(uid), int(gid))
        except mounts.Unreachable as exc:
            protocol.send(reply_fd, {"ok": False, "error": {"kind": "environment",
                                                            "message": str(exc)}})  # fmt: skip
            return 1
    os.chdir(settings["workdir"])
    if uid is not None and gid is not None:
        drop_privileges(int(uid), int(gid))
    os.umask(0o077)
    unenforced = ""
    if settings.get("one_process"):
        try:
            oneprocess.forbid_new_processes()
        except oneprocess.Unsupported as exc:
            unenforced = f"the worker may create processes here ({exc})"
    banned = [str(b) for b in settings.get("banned", [])]
    if banned:
        guard.install(banned)
    server = Server(
        request_fd, reply_fd, int(settings["limits"].get("reply_bytes", 1 << 30)), tools
    )
    server.reader = reader
    server.reply({"ok": True, "pid": os.getpid(), "uid": os.getuid(), "unenforced": unenforced})
    server.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
