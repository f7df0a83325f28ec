"""A worker's resource limits: what ``[limits]`` in a stage's ``assignment.toml`` sets.

Declared here, beside the sandbox that enforces them, so that the sandbox needs nothing
from the course; :mod:`autograder.course.config` reads the table into this class (each
field's ``metadata["doc"]`` is the key's documentation).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Limits:
    """Resource limits for one student worker process."""

    call_timeout: float = field(
        default=10.0, metadata=_doc("wall-clock seconds one call to a student function may take")
    )
    timeouts: dict[str, float] = field(
        default_factory=dict,
        metadata=_doc("call_timeout for particular functions, e.g. train = 60.0"),
    )
    load_timeout: float = field(
        default=20.0, metadata=_doc("wall-clock seconds importing the student's module may take")
    )
    cpu_seconds: int = field(
        default=120, metadata=_doc("CPU seconds one worker process may use in total (RLIMIT_CPU)")
    )
    memory_mb: int = field(
        default=1536, metadata=_doc("address-space limit of a worker in MiB (RLIMIT_AS)")
    )
    max_processes: int = field(
        default=64, metadata=_doc("processes the sandbox user may own (RLIMIT_NPROC, as root)")
    )
    file_size_mb: int = field(
        default=16, metadata=_doc("largest file a worker may write, in MiB (RLIMIT_FSIZE)")
    )
    reply_mb: int = field(
        default=64,
        metadata=_doc(
            "largest result one call may send back to the grader, in MiB; a bigger one fails "
            "that call (the grader's own memory is small: 768 MB on Gradescope)"
        ),
    )
    output_chars: int = field(
        default=4000,
        metadata=_doc("characters of the student's own printed output kept per test"),
    )

    def timeout_for(self, function: str) -> float:
        """The wall-clock limit of one call to ``function``."""
        return self.timeouts.get(function, self.call_timeout)
