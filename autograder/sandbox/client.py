"""The trusted side of the sandbox: start a worker, call into it, kill it when it misbehaves."""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from autograder.sandbox import cputime, protocol
from autograder.sandbox.faults import (
    ONE_PROCESS_NOTE,
    BadReturnValue,
    CallTimedOut,
    MissingFunction,
    ResultTooLarge,
    SandboxUnavailable,
    StudentRaised,
    SubmissionNotLoadable,
    WorkerCrashed,
    describe_exit,
    import_failure,
    raised_exception,
    refused_process,
)
from autograder.sandbox.output import OutputCapture
from autograder.sandbox.spec import WorkerSpec
from autograder.sandbox.target import Target

THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
              "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")  # fmt: skip
GLIBC_TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
# Starts the worker with only the import view on sys.path (no site-packages): the view's
# folder is the first argument, the pipes' descriptors follow.
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from autograder.sandbox.worker import main; sys.exit(main(sys.argv))"
)


#: what becomes of a call's result (see :meth:`Worker.call`)
Keep = Literal["plain", "handle", "auto"]


@dataclass
class CallResult:
    value: Any
    mutated: list[int | str]  # positions of positional arguments, names of keyword ones
    aliased: list[int | str]


def timing_cpu() -> set[int] | None:
    """The one CPU that student functions run on (the first this process may use)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return {min(os.sched_getaffinity(0))}


class Worker:
    """One worker process serving one module. Not thread-safe."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec
        self.process: subprocess.Popen[bytes] | None = None
        self.output: OutputCapture | None = None
        self._to_worker = -1
        self._from_worker = -1
        self._reader = protocol.FrameReader()
        self._next_id = 0
        self._stashed = 0
        #: why the worker runs without the one-process filter it was asked for ("": it has it)
        self.unenforced = ""
        self._pinned = False

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start the process and import the module; raise a StudentFault if that fails."""
        spec = self.spec
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(spec.workdir),
            "TMPDIR": str(spec.workdir),
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MPLBACKEND": "Agg",
            # Keep freed memory in the heap for reuse: otherwise arrays freed between calls
            # go back to the kernel and the next call page-faults fresh pages, an overhead
            # (~7 µs a page on a VM) that depends on what ran just before, not on the code.
            "GLIBC_TUNABLES": GLIBC_TUNABLES,
            **{name: "1" for name in THREAD_ENV},
        }
        if spec.import_view is None:
            command = [spec.python, "-I", "-m", "autograder.sandbox.worker"]
        else:
            command = [spec.python, "-I", "-S", "-c", _BOOT, str(spec.import_view)]
        command += [str(req_r), str(rep_w)]
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                pass_fds=(req_r, rep_w),
                cwd=spec.workdir,
                env=env,
                start_new_session=True,  # its own process group: killpg reaches every child
            )
        finally:
            os.close(req_r)
            os.close(rep_w)
        self._to_worker, self._from_worker = req_w, rep_r
        # a reply may be no larger than this: the grader reads at most that much of one
        self._reader = protocol.FrameReader(protocol.Bounds(max_total=spec.limits.reply_mb << 20))
        assert self.process.stdout is not None
        self.output = OutputCapture(self.process.stdout)
        limits = spec.limits
        self._send(spec.settings())
        started, _ = self._receive(limits.load_timeout, during="starting the Python worker")
        if not started.get("ok", True):
            self.kill()
            raise SandboxUnavailable(str(started.get("error", {}).get("message", started)))
        self.unenforced = str(started.get("unenforced", ""))[:300]
        reply = self._request(
            {"op": "load", "root": str(spec.root), "module": spec.module},
            timeout=limits.load_timeout,
            during="importing your module",
        )
        if not reply.get("ok"):
            error = reply.get("error", {})
            raise SubmissionNotLoadable(self._import_message(error))

    def close(self) -> None:
        """Stop the worker and everything in its process group. Safe to call twice."""
        if self.process is None:
            return
        if self.alive:
            with contextlib.suppress(Exception):
                self._send({"op": "exit"})
                self.process.wait(timeout=0.5)
        self.kill()

    def kill(self) -> None:
        process = self.process
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            process.kill()
        with contextlib.suppress(Exception):
            process.wait(timeout=5)
        for fd in (self._to_worker, self._from_worker):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._to_worker = self._from_worker = -1
        if self.output is not None:
            self.output.pump()
        if process.stdout is not None:
            with contextlib.suppress(Exception):
                process.stdout.close()

    def take_output(self) -> str:
        return self.output.take() if self.output else ""

    @contextlib.contextmanager
    def on_timing_cpu(self) -> Iterator[None]:
        """Run every thread of the worker on the timing CPU only, for the ``with`` block.

        Speed tests pin the student's and the reference's workers to the same CPU: on a VM,
        two virtual CPUs can differ in speed by 2× from one second to the next (what shares
        their physical core varies), and CPU time cannot see that; on one CPU, interleaved
        calls see the same conditions. Every run of a student function is pinned the same
        way, timed or not, so that the worker cannot tell a speed test by its affinity.
        Nested blocks keep the outer pin. A no-op where affinity cannot be set (macOS)."""
        if self._pinned:
            yield
            return
        self._pin(timing_cpu())
        self._pinned = True
        try:
            yield
        finally:
            self._pinned = False
            self._pin(None)

    def _pin(self, cpus: set[int] | None) -> None:
        if self.process is None or not hasattr(os, "sched_setaffinity"):
            return
        target = cpus if cpus is not None else os.sched_getaffinity(0)
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{self.process.pid}/task").iterdir():
                with contextlib.suppress(OSError, ValueError):
                    os.sched_setaffinity(int(task.name), target)

    # -- calls ------------------------------------------------------------------------------

    def call(self, target: Target, args: tuple[Any, ...], kwargs: dict[str, Any], *,
             timeout: float, description: str, keep: Keep = "plain") -> CallResult:  # fmt: skip
        """Run ``target`` in the worker on these arguments: stash, run, fetch, the road every
        call takes (a speed test's included). Student errors come back as exceptions.
        ``keep``: "plain" (the result must be plain data), "handle" (it stays in the worker
        and a :class:`~protocol.Handle` comes back) or "auto" (plain data when it is, else a
        handle)."""
        key = self.stash(args, kwargs, timeout)
        self.run_stashed(target, key, timeout, description)
        return self.fetch(key, target, description, timeout, keep)

    def stash(self, args: tuple[Any, ...], kwargs: dict[str, Any],
              timeout: float | None = None) -> str:  # fmt: skip
        """Send one call's arguments, to be run (and timed) by :meth:`run_stashed`; return
        the key that names them. Keys are numbered alike for every call, timed or not."""
        self._stashed += 1
        key = f"c{self._stashed}"
        payload, blobs = protocol.encode({"args": list(args), "kwargs": kwargs})
        reply, _ = self._request_with_blobs(
            {"op": "stash", "key": key, "payload": payload},
            blobs,
            timeout or self.spec.limits.call_timeout,
            "sending inputs",
        )
        if not reply.get("ok"):
            raise self._error(reply.get("error", {}), "", "sending inputs")
        return key

    def run_stashed(self, target: Target, key: str, timeout: float, description: str) -> float:
        """Run ``target`` on a stashed input set; return the CPU seconds the kernel charged the
        worker for it. The result stays in the worker until :meth:`fetch`."""
        assert self.process is not None
        pid = self.process.pid
        trusted_clock = cputime.available(pid)
        with self.on_timing_cpu():
            before = cputime.settled_sample(pid) if trusted_clock else None
            reply = self._request({"op": "run", "target": target.wire(), "key": key}, timeout,
                                  description)  # fmt: skip
            after = cputime.settled_sample(pid) if trusted_clock else None
        if not reply.get("ok"):
            raise self._error(reply.get("error", {}), target.name, description)
        if before is not None and after is not None:
            return cputime.elapsed(before, after)
        return float(reply.get("self_cpu", 0.0))  # no /proc (macOS): the worker's own clock

    def fetch(self, key: str, target: Target, description: str, timeout: float,
              keep: Keep = "plain") -> CallResult:  # fmt: skip
        """The result of a run, with the arguments it changed or aliased."""
        reply, blobs = self._request_with_blobs({"op": "fetch", "key": key, "keep": keep}, [],
                                                timeout, description)  # fmt: skip
        return self._result(reply, blobs, target.name, description)

    def _result(self, reply: dict[str, Any], blobs: list[memoryview], fn: str,
                description: str) -> CallResult:  # fmt: skip
        if not reply.get("ok"):
            raise self._error(reply.get("error", {}), fn, description)
        try:
            value = protocol.decode(reply.get("value"), blobs)
        except protocol.ProtocolError as exc:
            self.kill()
            raise WorkerCrashed(
                f"{description} sent back a malformed result ({exc}); the worker was restarted"
            ) from None
        return CallResult(value, _keys(reply.get("mutated")), _keys(reply.get("aliased")))

    # -- plumbing ---------------------------------------------------------------------------

    def _import_message(self, error: dict[str, Any]) -> str:
        text = import_failure(error)
        refused = refused_process(str(error.get("type")), str(error.get("message", "")))
        return text + ("\n" + ONE_PROCESS_NOTE if self.spec.one_process and refused else "")

    def _error(self, error: dict[str, Any], fn: str, description: str) -> BaseException:
        kind = error.get("kind")
        if kind == "raised":
            raised = raised_exception(error, fn, description)
            if (
                self.spec.one_process
                and isinstance(raised, StudentRaised)
                and refused_process(raised.type_name, raised.student_message)
            ):
                raised.note = ONE_PROCESS_NOTE
            return raised
        if kind == "missing":
            return MissingFunction(f"your module does not define a function named {fn}")
        if kind == "not_callable":
            return MissingFunction(
                f"{fn} in your module is not a function ({error.get('message')})"
            )
        if kind == "bad_return":
            return BadReturnValue(
                f"{description} returned {error.get('message', 'an unsupported object')}, "
                "which cannot be graded: return NumPy arrays, numbers, or tuples/lists of them"
            )
        if kind == "too_large":
            return self._too_large(description, error.get("message"))
        if kind == "import":
            return SubmissionNotLoadable(self._import_message(error))
        return RuntimeError(f"worker protocol error: {error}")

    def _request(self, message: dict[str, Any], timeout: float, during: str) -> dict[str, Any]:
        reply, _ = self._request_with_blobs(message, [], timeout, during)
        return reply

    def _request_with_blobs(
        self, message: dict[str, Any], blobs: list[bytes], timeout: float, during: str
    ) -> tuple[dict[str, Any], list[memoryview]]:
        self._next_id += 1
        self._send({**message, "id": self._next_id}, blobs)
        reply, reply_blobs = self._receive(timeout, during)
        if reply.get("id") != self._next_id:
            self.kill()
            raise WorkerCrashed(
                f"the worker answered another request while {during} (did your code fork, "
                "or write to a file descriptor it does not own?); it was restarted"
            )
        return reply, reply_blobs

    def _send(self, message: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        try:
            protocol.send(self._to_worker, message, blobs)
        except OSError:
            raise self._crashed("sending a request") from None

    def _receive(self, timeout: float, during: str) -> tuple[dict[str, Any], list[memoryview]]:
        deadline = time.monotonic() + timeout
        output = self.output
        with selectors.DefaultSelector() as selector:
            selector.register(self._from_worker, selectors.EVENT_READ)
            if output is not None and not output.closed:
                selector.register(output.fd, selectors.EVENT_READ)
            while True:
                try:
                    frame = self._reader.take()
                except protocol.FrameTooLarge:
                    self.kill()
                    raise self._too_large(during, None) from None
                except protocol.ProtocolError as exc:
                    self.kill()
                    raise WorkerCrashed(
                        f"the worker sent a malformed reply while {during} ({exc}); did your "
                        "code write to a file descriptor it does not own?"
                    ) from None
                if frame is not None:
                    return frame
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self.kill()
                    raise CallTimedOut(
                        f"{during[:1].upper()}{during[1:]} did not finish within {timeout:g} s "
                        "and was stopped. "
                        "Your code probably has an infinite loop, or is far too slow."
                    )
                events = selector.select(remaining)
                if output is not None and any(key.fd == output.fd for key, _ in events):
                    output.pump()
                    if output.closed:
                        selector.unregister(output.fd)
                if not any(key.fd == self._from_worker for key, _ in events):
                    continue
                chunk = os.read(self._from_worker, 1 << 20)
                if not chunk:
                    raise self._crashed(during)
                try:
                    self._reader.feed(chunk)
                except protocol.ProtocolError:
                    self.kill()  # what was read so far is dropped with the reader
                    raise self._too_large(during, None) from None

    def _too_large(self, during: str, size: Any) -> ResultTooLarge:
        limit = self.spec.limits.reply_mb
        amount = (f"{int(size) / (1 << 20):.0f} MiB" if isinstance(size, str) and size.isdigit()
                  else f"more than {limit} MiB")  # fmt: skip
        return ResultTooLarge(
            f"{during} sent back {amount} of data; a result may be at most {limit} MiB. Return "
            "only what the function is asked for (a broadcast or repeated array is sent in "
            "full)."
        )

    def _crashed(self, during: str) -> WorkerCrashed:
        process = self.process
        code = None
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = process.wait(timeout=2)
        self.kill()
        return WorkerCrashed(f"The Python process running your code died while {during}: "
                             + describe_exit(code, self.spec.limits))  # fmt: skip


def _keys(value: Any) -> list[int | str]:
    """Argument positions or names from the worker: ints and short strings only."""
    if not isinstance(value, list):
        return []
    keys: list[int | str] = []
    for item in value[:64]:
        if isinstance(item, int) and not isinstance(item, bool):
            keys.append(item)
        elif isinstance(item, str):
            keys.append(item[:64])
    return keys
