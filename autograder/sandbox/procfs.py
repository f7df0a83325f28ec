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


def _fields(path: Path) -> list[str]:
    text = path.read_text()
    # the command name may hold spaces and parentheses: fields start after the last ')'
    return text[text.rindex(")") + 2 :].split()


def stat_state(path: Path) -> str:
    """The state letter (R running or runnable, S sleeping, ...) of a ``stat`` file of a
    process or of one of its threads (``/proc/PID/task/TID/stat``)."""
    return _fields(path)[0]


def stat(pid: int) -> ProcStat:
    """Parse ``/proc/PID/stat``; raises OSError if the process is gone."""
    fields = _fields(PROC / str(pid) / "stat")
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


def tasks_of(uid: int) -> int:
    """How many tasks (threads count, as for RLIMIT_NPROC) processes of ``uid`` run now."""
    count = 0
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            lines = (entry / "status").read_text().splitlines()
            fields = dict(line.split(":", 1) for line in lines if ":" in line)
            if int(fields["Uid"].split()[0]) == uid:
                count += int(fields.get("Threads", "1").strip() or 1)
        except (OSError, ValueError, KeyError):
            continue
    return count
