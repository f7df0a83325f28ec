"""Reading ``/proc``: the one place that parses process status files (Linux)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class ProcStat:
    """The fields of ``/proc/PID/stat`` this package uses."""

    pid: int
    state: str
    ppid: int
    cpu_ticks: int  # utime + stime + cutime + cstime (children the process waited for)
    rss_pages: int


def stat(pid: int) -> ProcStat:
    """Parse ``/proc/PID/stat``; raises OSError if the process is gone."""
    text = (PROC / str(pid) / "stat").read_text()
    # the command name may hold spaces and parentheses: fields start after the last ')'
    fields = text[text.rindex(")") + 2 :].split()
    return ProcStat(
        pid=pid,
        state=fields[0],
        ppid=int(fields[1]),
        cpu_ticks=sum(int(f) for f in fields[11:15]),
        rss_pages=int(fields[21]),
    )


def processes() -> Iterator[ProcStat]:
    """Every process that can be read right now (vanishing ones are skipped)."""
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                yield stat(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
