"""A Gradescope-sized box: a Linux cgroup with a memory limit and a CPU quota.

Gradescope runs each submission in a container with (by default) 768 MB of memory for all
its processes together and half a virtual CPU. :class:`Box` gives a command the same limits
on this machine (root, cgroup v1 or v2 with the memory and cpu controllers), so that grading
can be measured as it will run there: whether anything is killed for memory, how much
memory all processes use together at their peak, and how long grading takes at half a CPU.

Memory is read from the cgroup itself, as the container's limit counts it: ``peak`` is the
kernel's high-water mark (it includes page cache, which is reclaimed before anything is
killed, so it may sit at the limit); ``peak_resident`` is the sampled maximum of the
processes' resident memory (anonymous plus mapped files), which is what must fit.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from types import TracebackType

ROOT = Path("/sys/fs/cgroup")  # v1: one folder per controller below it; v2: unified


def _read_int(path: Path) -> int:
    return int(path.read_text().split()[0])


def _stat(path: Path) -> dict[str, int]:
    entries = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition(" ")
        if value.strip().isdigit():
            entries[key] = int(value)
    return entries


class BoxUnavailable(RuntimeError):
    """This machine cannot make the cgroup (not root, or no memory/cpu controller)."""


class Box:
    """``with Box(768, 0.5) as box: subprocess.run(cmd, preexec_fn=box.enter)``."""

    def __init__(self, memory_mb: int = 768, cpus: float = 0.5, name: str = "") -> None:
        self.memory_bytes = memory_mb << 20
        self.cpus = cpus
        self.name = name or f"cnngrade-box-{os.getpid()}"
        self.peak_resident = 0
        self._dirs: list[Path] = []
        self._v2 = False
        self._sampling = threading.Event()
        self._sampler: threading.Thread | None = None

    # -- set-up -----------------------------------------------------------------------------

    def __enter__(self) -> Box:
        if os.geteuid() != 0:
            raise BoxUnavailable("making a cgroup needs root")
        memory, cpu = ROOT / "memory", ROOT / "cpu"
        try:
            if (memory / "memory.limit_in_bytes").exists() and (cpu / "cpu.cfs_quota_us").exists():
                self._make_v1(memory / self.name, cpu / self.name)
            elif {"memory", "cpu"} <= set((ROOT / "cgroup.controllers").read_text().split()):
                self._make_v2(ROOT / self.name)
            else:
                raise BoxUnavailable("no cgroup memory and cpu controllers here")
        except OSError as exc:
            self._remove()
            raise BoxUnavailable(f"cannot make the cgroup: {exc}") from exc
        self._sampling.set()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    def _make_v1(self, memory: Path, cpu: Path) -> None:
        for folder in (memory, cpu):
            folder.mkdir()
            self._dirs.append(folder)
        (memory / "memory.limit_in_bytes").write_text(str(self.memory_bytes))
        swap = memory / "memory.memsw.limit_in_bytes"  # memory + swap: no escape into swap
        if swap.exists():
            swap.write_text(str(self.memory_bytes))
        (cpu / "cpu.cfs_period_us").write_text("100000")
        (cpu / "cpu.cfs_quota_us").write_text(str(int(self.cpus * 100000)))

    def _make_v2(self, folder: Path) -> None:
        folder.mkdir()
        self._dirs.append(folder)
        self._v2 = True
        (folder / "memory.max").write_text(str(self.memory_bytes))
        with_swap = folder / "memory.swap.max"
        if with_swap.exists():
            with_swap.write_text("0")
        (folder / "cpu.max").write_text(f"{int(self.cpus * 100000)} 100000")

    def enter(self) -> None:
        """Put the calling process in the box (a ``preexec_fn``: children follow)."""
        pid = str(os.getpid())
        for folder in self._dirs:
            (folder / "cgroup.procs").write_text(pid)

    # -- readings ---------------------------------------------------------------------------

    @property
    def _memory(self) -> Path:
        return self._dirs[0]

    def _resident(self) -> int:
        stat = _stat(self._memory / "memory.stat")
        if self._v2:
            return stat.get("anon", 0) + stat.get("file_mapped", 0)
        return stat.get("total_rss", 0) + stat.get("total_mapped_file", 0)

    def _sample(self) -> None:
        while self._sampling.is_set():
            with contextlib.suppress(OSError, IndexError):
                self.peak_resident = max(self.peak_resident, self._resident())
            time.sleep(0.02)

    @property
    def peak(self) -> int:
        """The kernel's high-water mark of the box's memory (page cache included)."""
        name = "memory.peak" if self._v2 else "memory.max_usage_in_bytes"
        return _read_int(self._memory / name)

    @property
    def oom_kills(self) -> int:
        if self._v2:
            return _stat(self._memory / "memory.events").get("oom_kill", 0)
        return _stat(self._memory / "memory.oom_control").get("oom_kill", 0)

    @property
    def throttled_seconds(self) -> float:
        cpu = self._dirs[0] if self._v2 else self._dirs[1]
        stat = _stat(cpu / "cpu.stat")
        if self._v2:
            return stat.get("throttled_usec", 0) / 1e6
        return stat.get("throttled_time", 0) / 1e9

    # -- tear-down --------------------------------------------------------------------------

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:  # fmt: skip
        self._sampling.clear()
        if self._sampler is not None:
            self._sampler.join()
        self._remove()

    def _remove(self) -> None:
        for folder in self._dirs:
            _wait_until_empty(folder)
            with contextlib.suppress(OSError):  # still in use: the kernel frees it later
                folder.rmdir()


def _wait_until_empty(folder: Path) -> None:
    """The box's processes have exited; give the kernel a moment to let go of them."""
    for _ in range(50):
        try:
            if not (folder / "cgroup.procs").read_text().strip():
                return
        except OSError:
            return
        time.sleep(0.1)
