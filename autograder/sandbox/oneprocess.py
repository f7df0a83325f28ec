"""One process: a kernel filter that stops the worker from creating processes (Linux).

Speed tests read the CPU time of the worker process from the kernel. Work done in another
process is not in that count: a child that the kernel reaps by itself (``SIGCHLD``
ignored) takes its CPU time with it, and a ``multiprocessing`` pool's workers are other
processes. In a stage with speed tests, the worker therefore installs a seccomp filter
before the student's module is imported: ``fork``, ``vfork`` and a ``clone`` that does not
make a thread fail with ``EPERM``; ``clone3`` (whose flags a filter cannot read) fails with
``ENOSYS``, on which the C library falls back to ``clone``. Threads stay allowed: the process
clock counts them. A filter cannot be removed once installed, by the student or anyone, and
is inherited by everything the process runs, so the rule holds in every mode alike.

The program is classic BPF over ``struct seccomp_data`` (``nr`` at offset 0, ``arch`` at 4,
``args[0]`` at 16), for x86-64 and AArch64; other machines and calls with another ABI's
architecture value (32-bit system calls on a 64-bit kernel) are refused.
"""

from __future__ import annotations

import ctypes
import platform
import struct

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2

_LD_ABS_W = 0x20  # BPF_LD | BPF_W | BPF_ABS: load a 32-bit word of seccomp_data
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_JSET = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RET = 0x06  # BPF_RET | BPF_K

_ALLOW = 0x7FFF0000
_ERRNO = 0x00050000
_EPERM, _ENOSYS = 1, 38
_CLONE_THREAD = 0x00010000
_X32_BIT = 0x40000000  # x32 system calls on x86-64 carry this bit in their number

#: per machine: (AUDIT_ARCH_* value, clone, clone3, calls refused outright)
_MACHINES = {
    "x86_64": (0xC000003E, 56, 435, (57, 58)),  # fork, vfork
    "aarch64": (0xC00000B7, 220, 435, ()),  # no fork or vfork system calls
}


class Unsupported(OSError):
    """The filter cannot be installed here (another OS or machine, or no seccomp)."""


def _insn(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


NEXT, ALLOW, DENY, NO_SUCH_CALL = "next", "allow", "deny", "enosys"  # where a jump goes


def program(machine: str) -> bytes:
    """The filter's instructions for ``machine`` (``platform.machine()``)."""
    if machine not in _MACHINES:
        raise Unsupported(f"no process filter for {machine or 'this machine'}")
    arch, clone, clone3, refused = _MACHINES[machine]
    # (code, k, where to go if true, if false); loads have no targets
    checks: list[tuple[int, int, str, str]] = [
        (_LD_ABS_W, 4, NEXT, NEXT),  # A = arch
        (_JEQ, arch, NEXT, DENY),
        (_LD_ABS_W, 0, NEXT, NEXT),  # A = the system call's number
    ]
    if machine == "x86_64":
        checks.append((_JGE, _X32_BIT, DENY, NEXT))
    checks.append((_JEQ, clone3, NO_SUCH_CALL, NEXT))
    checks += [(_JEQ, number, DENY, NEXT) for number in refused]
    checks += [
        (_JEQ, clone, NEXT, ALLOW),
        (_LD_ABS_W, 16, NEXT, NEXT),  # A = the low word of args[0]: clone's flags
        (_JSET, _CLONE_THREAD, ALLOW, DENY),  # a thread is allowed, a process is not
    ]
    returns = {ALLOW: _ALLOW, DENY: _ERRNO | _EPERM, NO_SUCH_CALL: _ERRNO | _ENOSYS}
    position = {label: len(checks) + i for i, label in enumerate(returns)}

    def offset(index: int, target: str) -> int:  # jumps count from the next instruction
        return 0 if target == NEXT else position[target] - index - 1

    code = [
        _insn(op, k, offset(i, yes), offset(i, no)) for i, (op, k, yes, no) in enumerate(checks)
    ]
    code += [_insn(_RET, value) for value in returns.values()]
    return b"".join(code)


class _Filter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_new_processes() -> None:
    """Install the filter in this process (irrevocably); raise :class:`Unsupported` if the
    kernel refuses it."""
    code = program(platform.machine())
    buffer = ctypes.create_string_buffer(code, len(code))
    prog = _Filter(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as exc:
        raise Unsupported(f"no C library to install the filter with: {exc}") from None
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong,
                      ctypes.c_ulong]  # fmt: skip
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise Unsupported(f"prctl(PR_SET_NO_NEW_PRIVS) failed: errno {ctypes.get_errno()}")
    if prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        raise Unsupported(f"prctl(PR_SET_SECCOMP) failed: errno {ctypes.get_errno()}")
