"""What can go wrong *because of the student's code*, as exceptions the grader can report.

These derive from :class:`StudentFault`, a ``BaseException``: a test's own
``pytest.raises(Exception)`` must never swallow a crash or a timeout of the worker. An
exception the student's function *raised* comes back as :class:`StudentRaised` mixed into
the matching builtin type (``ValueError`` stays a ``ValueError``), so public tests behave
the same against the proxy as against the student's module imported directly.
"""

from __future__ import annotations

import builtins
import signal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autograder.sandbox.limits import Limits


class StudentFault(BaseException):
    """The student's code made this call fail; ``str()`` is the message for the student."""

    #: what to show the student (no grader internals)
    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkerCrashed(StudentFault):
    """The worker process died during a call (segfault, ``os._exit``, memory limit...)."""


class CallTimedOut(StudentFault):
    """A call ran past its wall-clock limit; the worker was killed."""


class SubmissionNotLoadable(StudentFault):
    """The module could not be imported: every later call fails the same way."""


class BadReturnValue(StudentFault):
    """The function returned something that cannot travel as plain data."""


class ResultTooLarge(BadReturnValue):
    """A call's result is larger than any result the grader accepts (``Limits.reply_mb``)."""


class MissingFunction(StudentFault):
    """The module does not define the requested function."""


class OutOfTime(StudentFault):
    """The grading run's overall deadline passed before this test or call could run."""


class SandboxUnavailable(RuntimeError):
    """This machine cannot run student code as set up (a grader error for staff, never the
    student's): the message names the fix."""


#: why creating a process failed, where a stage forbids it (:mod:`autograder.sandbox.oneprocess`)
ONE_PROCESS_NOTE = (
    "When this stage is graded, your code runs in one process: starting another "
    "(multiprocessing, subprocess, os.fork) is not permitted, because the speed tests count "
    "the CPU time of that one process. Vectorise with NumPy instead."
)


def refused_process(type_name: str, message: str) -> bool:
    """Is this error what the one-process filter makes of an attempt to start a process?"""
    return type_name == "PermissionError" and "Operation not permitted" in message


class StudentRaised(Exception):
    """Base of every exception that the student's function raised in the worker.

    The concrete class also derives from the builtin type the student raised (a
    ``ValueError`` stays a ``ValueError``), so both ``except ValueError`` and
    ``except StudentRaised`` catch it.
    """

    function: str
    call: str
    type_name: str
    student_message: str
    student_traceback: str
    note: str = ""  # what the grader adds: why this happened when it is the sandbox's rule

    @property
    def unfinished(self) -> bool:
        """Is this the stub's own ``raise NotImplementedError("TODO: ...")`` (or a bare
        ``raise NotImplementedError``), rather than one the student raises on purpose?

        Stubs made from solution markers always say "TODO" first; anything else the student
        wrote is theirs, and is shown as their error with the call and their message.
        """
        if self.type_name != "NotImplementedError":
            return False
        text = self.student_message.strip()
        return not text or text.upper().startswith("TODO")

    def describe(self) -> str:
        """A message for the student: what raised, where in their code."""
        if self.unfinished:
            return (
                f"{self.function} is not implemented yet: it raises NotImplementedError. "
                "Replace the stub's body with your implementation."
            )
        text = f"{self.call} raised {self.type_name}: {self.student_message}"
        if self.type_name == "NotImplementedError":
            text += (
                f"\n(This NotImplementedError is your own, not the stub's: {self.function} "
                "must handle this case too; see the handout.)"
            )
        if self.student_traceback:
            text += "\n" + self.student_traceback
        if self.note:
            text += "\n" + self.note
        return text


_cache: dict[str, type[BaseException]] = {}
_PASSTHROUGH = (
    "ValueError", "TypeError", "IndexError", "KeyError", "ZeroDivisionError", "ArithmeticError",
    "OverflowError", "FloatingPointError", "AssertionError", "AttributeError", "LookupError",
    "NotImplementedError", "RuntimeError", "RecursionError", "MemoryError", "NameError",
    "UnboundLocalError", "ImportError", "ModuleNotFoundError", "OSError", "StopIteration",
    "PermissionError",
)  # fmt: skip


def raised_exception(info: dict[str, Any], function: str, call: str) -> BaseException:
    """Build, in the trusted process, the exception that stands for one the student raised.

    Only builtin exception types are recreated (by name, from a fixed list); anything else
    becomes a plain ``Exception`` subclass. Nothing from the worker is executed.
    """
    type_name = str(info.get("type", "Exception"))[:100]
    base_name = type_name if type_name in _PASSTHROUGH else "Exception"
    cls = _cache.get(base_name)
    if cls is None:
        base = getattr(builtins, base_name)
        bases = (StudentRaised,) if base is Exception else (StudentRaised, base)
        cls = type(f"Student{base_name}", bases, {"__module__": __name__})
        _cache[base_name] = cls
    exc = cls(str(info.get("message", "")))
    assert isinstance(exc, StudentRaised)
    exc.function = function
    exc.call = call
    exc.type_name = type_name
    exc.student_message = str(info.get("message", ""))
    exc.student_traceback = str(info.get("traceback", ""))
    return exc


def describe_exit(code: int | None, limits: Limits) -> str:
    """Why a worker ended, in words a student can act on."""
    if code is None:
        return "it stopped responding."
    if code >= 0:
        return (
            f"it exited with status {code}. Does your code call exit(), sys.exit() or "
            "os._exit()? Remove such calls."
        )
    sig = -code
    name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
    reasons = {
        "SIGSEGV": "a segmentation fault (invalid memory access, e.g. through ctypes)",
        "SIGBUS": "a bus error (invalid memory access)",
        "SIGABRT": "an abort, often memory exhaustion inside a C library",
        "SIGXCPU": f"it used more than its {limits.cpu_seconds} s of CPU time",
        "SIGXFSZ": f"it wrote a file larger than {limits.file_size_mb} MiB",
        "SIGKILL": "it was killed, usually for using too much memory",
    }
    return f"{reasons.get(name, 'a fatal signal')} ({name})."


def import_failure(error: dict[str, Any]) -> str:
    """What a student is told when their module could not be imported (``error``: the
    worker's report)."""
    type_name = error.get("type", "Error")
    text = f"Your module could not be imported: {type_name}: {error.get('message', '')}"
    if error.get("traceback"):
        text += "\n" + str(error["traceback"])
    if type_name in ("SyntaxError", "IndentationError", "TabError"):
        text += "\nFix the syntax error above (run `python -m py_compile` on the file to check)."
    elif type_name in ("ModuleNotFoundError", "ImportError"):
        text += (
            "\nWhen this stage is graded, only the standard library and the packages of the "
            "stage's Gradescope image (its assignment's requirements) can be imported."
        )
    elif type_name == "SystemExit":
        text += "\nYour module calls exit() or sys.exit() when imported; remove that call."
    return text
