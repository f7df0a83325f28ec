"""The trusted CPU clock of another process: exact, even when read just as a call ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.sandbox import cputime

CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or len(CPUS) < 2, reason="needs /proc and two CPUs"
)

# Waits for a byte, burns 3 ms of CPU, answers, burns 2 ms more (as the worker does after
# replying), then waits again.
CHILD = """
import sys, time
def burn(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass
while sys.stdin.buffer.read(1):
    burn(0.003)
    sys.stdout.buffer.write(b"."); sys.stdout.buffer.flush()
    burn(0.002)
"""


def test_a_call_just_answered_is_counted_in_full():
    """The kernel brings a running thread's CPU time up to date only at ticks (4 ms apart at
    HZ=250). Read from another CPU right after the answer, while the child still runs, is
    each 3 + 2 ms call counted in full, never as 0 or one tick?"""
    mine = os.sched_getaffinity(0)
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    os.sched_setaffinity(child.pid, {CPUS[0]})
    os.sched_setaffinity(0, {CPUS[1]})
    try:
        child.stdin.write(b"x")  # a first round trip: the child has started and waits
        child.stdin.flush()
        assert child.stdout.read(1) == b"."
        measured = []
        for _ in range(12):
            before = cputime.settled_sample(child.pid)
            child.stdin.write(b"x")
            child.stdin.flush()
            assert child.stdout.read(1) == b"."
            measured.append(cputime.elapsed(before, cputime.settled_sample(child.pid)))
    finally:
        os.sched_setaffinity(0, mine)
        child.kill()
        child.wait()
    assert all(0.0049 <= seconds < 0.05 for seconds in measured), measured
