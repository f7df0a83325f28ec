"""Let the sandbox account reach a Python installed in a private folder (``/root/.pyenv``).

Run as root, the worker drops to an unprivileged account after its preloads. Where Python
lives below a folder that account cannot search (``/root`` is ``drwx------``), everything
imported later fails: the standard library's lazy imports (``torch.optim`` imports
``cProfile`` on first use) come out as the *student's* ``ModuleNotFoundError``.

The fix changes nothing on the machine. Before dropping privileges, the worker moves into a
mount namespace of its own; in it, each blocking folder is covered by an empty tmpfs (mode
0755) into which only the folders the worker needs are bind-mounted back, at their own
paths. The student's code then sees the Python installation, the packages and its upload,
and nothing else of ``/root``: less than before, not more. Linux only, and only as root
(``CAP_SYS_ADMIN``); where that is refused, :class:`Unreachable` says what staff can do.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from autograder.sandbox.access import searchable

_CLONE_NEWNS = 0x00020000
_MS_BIND, _MS_REC, _MS_PRIVATE, _MS_MOVE = 0x1000, 0x4000, 0x40000, 0x2000
_MS_NOSUID, _MS_NODEV = 0x2, 0x4


class Unreachable(RuntimeError):
    """The sandbox account cannot reach what the worker needs, and it cannot be arranged."""


def blocking_folders(paths: Iterable[Path], uid: int, gid: int) -> dict[Path, list[Path]]:
    """The outermost folder above each path that ``uid`` cannot search, with the paths below
    it (outermost needed paths only: a path inside another needed one comes with it)."""
    wanted = sorted({Path(os.path.realpath(p)) for p in paths if os.path.exists(p)})
    outermost = [p for p in wanted if not any(q != p and q in p.parents for q in wanted)]
    blocked: dict[Path, list[Path]] = {}
    for path in outermost:
        for folder in reversed(path.parents):  # from / downwards
            if not searchable(folder, uid, gid):
                blocked.setdefault(folder, []).append(path)
                break
    return blocked


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p] * 3 + [ctypes.c_ulong, ctypes.c_char_p]
    return libc


def _check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def _mount(libc: ctypes.CDLL, source: str | None, target: str | Path, fstype: str | None,
           flags: int, data: str | None = None) -> None:  # fmt: skip
    encoded = [None if v is None else os.fsencode(v) for v in (source, target, fstype, data)]
    what = f"mount {source or fstype} on {target}"
    _check(libc.mount(encoded[0], encoded[1], encoded[2], flags, encoded[3]), what)


def expose(paths: Iterable[Path], uid: int, gid: int) -> list[Path]:
    """Make every path reachable by ``uid`` in this process's own mount namespace (see the
    module's docstring); returns the folders it covered (empty: nothing was in the way).
    Call as root, before dropping privileges and before ``chdir`` into a covered folder."""
    blocked = blocking_folders(paths, uid, gid)
    if not blocked:
        return []
    try:
        libc = _libc()
        _check(libc.unshare(_CLONE_NEWNS), "unshare(CLONE_NEWNS)")
        _mount(libc, None, "/", None, _MS_REC | _MS_PRIVATE)  # nothing leaks back out
        staging = Path(tempfile.mkdtemp(prefix="cnngrade-mounts-", dir="/tmp"))
        slots = (staging / str(n) for n in itertools.count())
        for folder, inside in blocked.items():
            held: list[tuple[Path, Path]] = []
            for path in inside:  # hold each needed path before covering the folder
                slot = next(slots)
                slot.mkdir()
                _mount(libc, str(path), slot, None, _MS_BIND | _MS_REC)
                held.append((slot, path))
            _mount(libc, "tmpfs", folder, "tmpfs", _MS_NOSUID | _MS_NODEV, "mode=0755,size=1m")
            for slot, path in held:
                path.mkdir(parents=True, exist_ok=True)  # in the tmpfs: searchable folders
                _mount(libc, str(slot), path, None, _MS_MOVE)
        for slot in staging.iterdir():
            slot.rmdir()
        staging.rmdir()
    except OSError as exc:
        folders = ", ".join(map(str, blocked))
        raise Unreachable(
            f"the sandbox account (uid {uid}) cannot reach the Python installation or its "
            f"packages below {folders}, and a private mount namespace could not be set up to "
            f"show them ({exc}). Install Python where every account can read it (e.g. "
            f"/usr/bin/python3 -m venv), or make the folder searchable (chmod o+x {folders})"
        ) from None
    return list(blocked)
