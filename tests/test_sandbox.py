"""The worker sandbox, driven directly: faults, output capture, process cleanup, privileges."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.grading.proxy import SubmissionProxy
from autograder.grading.session import GradingSession
from autograder.grading.timing import SpeedCheck
from autograder.sandbox.faults import (
    BadReturnValue,
    CallTimedOut,
    MissingFunction,
    ResultTooLarge,
    StudentRaised,
    SubmissionNotLoadable,
    WorkerCrashed,
)
from autograder.sandbox.output import OUTPUT_KEEP
from autograder.sandbox.target import Target
from tests.support import REFERENCE

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="privilege separation needs root")

HELPERS = """
import os, sys, time
import numpy as np

def correlate2d(X, K):
    return np.asarray(X)[: X.shape[0] - K.shape[0] + 1, : X.shape[1] - K.shape[1] + 1] * 0.0

def whoami():
    return os.getuid(), os.geteuid()

def can_read(path):
    try:
        open(path).read()
        return True
    except OSError:
        return False

def shout(n):
    sys.stdout.write("x" * n)
    return n

def modify(X):
    X[0, 0] = 42.0
    return X.sum()

def view(X):
    return X[1:]

def fresh(X):
    return X.copy()

def bad_return():
    return object()

def raise_value():
    raise ValueError("K must be 2-D")

def raise_custom():
    class Oops(Exception):
        pass
    raise Oops("custom")

def not_done():
    raise NotImplementedError

def spawn_child():
    return os.posix_spawn("/bin/sleep", ["sleep", "300"], {})

def hang():
    while True:
        pass

def crash():
    import ctypes
    return ctypes.string_at(0)

def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return 0

def exit_in_call():
    sys.exit(3)
"""


@pytest.fixture
def proxy(tmp_path, stage1):
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(HELPERS)
    session = GradingSession(stage1, upload, one_process=False)  # some helpers start processes
    yield SubmissionProxy(session)
    session.close()


def test_student_exceptions_keep_their_builtin_type(proxy):
    """Does a ValueError in student code arrive as a ValueError (pytest.raises works)?"""
    with pytest.raises(ValueError, match="K must be 2-D") as info:
        proxy.raise_value()
    assert isinstance(info.value, StudentRaised)
    assert 'File "correlate.py"' in info.value.describe()


def test_custom_exceptions_arrive_as_plain_exceptions(proxy):
    with pytest.raises(Exception, match="custom") as info:
        proxy.raise_custom()
    assert info.value.type_name == "Oops"


def test_not_implemented_is_explained(proxy):
    with pytest.raises(NotImplementedError) as info:
        proxy.not_done()
    assert "not implemented yet" in info.value.describe()


def test_missing_function_and_bad_return(proxy):
    with pytest.raises(MissingFunction, match="no_such_function"):
        proxy.no_such_function()
    with pytest.raises(BadReturnValue, match="object"):
        proxy.bad_return()


def test_input_mutation_and_aliasing_are_reported(proxy):
    X = np.ones((3, 3))
    assert proxy.modify(X) == 50.0
    assert X[0, 0] == 1.0  # the trusted copy is never touched
    assert proxy.last_call.mutated == (0,)
    proxy.view(X)
    assert proxy.last_call.aliased == (0,)
    proxy.fresh(X)
    assert proxy.last_call.mutated == () and proxy.last_call.aliased == ()


def test_output_is_captured_and_capped(proxy):
    proxy.shout(100)
    assert proxy._session.take_output() == "x" * 100
    proxy.shout(5_000_000)
    printed = proxy._session.take_output()
    kept, _, note = printed.partition("\n… [")
    assert len(kept) <= OUTPUT_KEEP
    assert note.startswith(f"{100 + 5_000_000 - OUTPUT_KEEP:,} more bytes of output were not")
    proxy.shout(10)  # each cut is told once: the next take tells only of the new 10 bytes
    assert proxy._session.take_output().startswith("\n… [10 more bytes")


def test_sys_exit_in_a_call_is_an_error_not_a_crash(proxy):
    with pytest.raises(Exception, match=r"^3$") as info:
        proxy.exit_in_call()
    assert info.value.type_name == "SystemExit"


def test_crash_then_recovery(proxy):
    """Is a crashed worker replaced, so the next call works?"""
    with pytest.raises(WorkerCrashed, match="SIGSEGV"):
        proxy.crash()
    assert proxy.correlate2d(np.ones((3, 3)), np.ones((2, 2))).shape == (2, 2)
    assert proxy._session.events.restarts == 1


def test_timeout_kills_the_whole_process_group(proxy):
    """After a timeout, are the worker's children gone too?"""
    child = proxy.spawn_child()
    started = time.monotonic()
    with pytest.raises(CallTimedOut, match="infinite loop"):
        proxy._session.call(Target.function("hang"), (), {}, "hang()", timeout=1.0)
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_repeated_timeouts_stop_calling_the_function(proxy):
    for _ in range(2):
        with pytest.raises(CallTimedOut):
            proxy._session.call(Target.function("hang"), (), {}, "hang()", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(CallTimedOut, match="was not run"):
        proxy._session.call(Target.function("hang"), (), {}, "hang()", timeout=0.5)
    assert time.monotonic() - started < 0.2


def test_cpu_time_is_read_by_the_trusted_side(proxy):
    """Does the kernel's CPU accounting see work that the worker does?"""
    worker = proxy._session.student_worker()
    key = worker.stash((0.2,), {})
    seconds = worker.run_stashed(Target.function("burn"), key, 5.0, "burn(0.2)")
    assert 0.18 < seconds < 0.5


def test_import_failure_is_final(tmp_path, stage1):
    upload = tmp_path / "up"
    upload.mkdir()
    (upload / "correlate.py").write_text("raise RuntimeError('at import')\n")
    session = GradingSession(stage1, upload)
    try:
        for _ in range(2):
            with pytest.raises(SubmissionNotLoadable, match="at import"):
                session.call(Target.function("correlate2d"), (), {}, "correlate2d()")
        assert session.events.restarts == 0
    finally:
        session.close()


@as_root
def test_worker_runs_as_an_unprivileged_user(proxy):
    uid, euid = proxy.whoami()
    assert uid != 0 and euid != 0


@as_root
def test_worker_cannot_read_root_only_files(proxy):
    folder = Path(tempfile.mkdtemp())  # pytest's own tmp root is private to root
    try:
        folder.chmod(0o755)
        secret = folder / "hidden_tests.py"
        secret.write_text("SECRET = 1\n")
        secret.chmod(0o600)
        assert proxy.can_read(str(secret)) is False
        public = folder / "public.txt"
        public.write_text("ok")
        public.chmod(0o644)
        assert proxy.can_read(str(public)) is True  # the probe itself can succeed
    finally:
        shutil.rmtree(folder)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


ESCAPE = """
import os, time

def escape(pid_file):
    if os.fork() == 0:
        os.setsid()  # leaves the worker's process group
        if os.fork() == 0:
            with open(pid_file, "w") as handle:
                handle.write(str(os.getpid()))
            time.sleep(300)
            os._exit(0)
        os._exit(0)
    for _ in range(200):
        if os.path.exists(pid_file) and open(pid_file).read():
            break
        time.sleep(0.01)
    return 1
"""


def test_processes_that_leave_the_group_are_killed_at_the_end(tmp_path, stage1):
    """Does a double-forked, setsid() grandchild die when grading ends?"""
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(ESCAPE)
    shared = Path(tempfile.mkdtemp())
    shared.chmod(0o777)  # the sandbox user writes the pid here
    pid_file = shared / "grandchild.pid"
    session = GradingSession(stage1, upload, one_process=False)
    try:
        assert SubmissionProxy(session).escape(str(pid_file)) == 1
        grandchild = int(pid_file.read_text())
        assert _alive(grandchild)
    finally:
        session.close()
        shutil.rmtree(shared)
    assert not _alive(grandchild)
    assert any("left behind" in c for c in session.events.crashes)


@as_root
def test_the_threat_suites_process_check_sees_an_escapee_when_the_reaper_is_off(
    tmp_path, stage1, monkeypatch
):
    """tests/watch.py's ``sandbox_processes`` (which the threat suite asserts is empty after
    every grading) is able to fail: with the reaper turned off, the escaped grandchild is
    there for it to find."""
    from autograder.grading import session as session_module
    from tests.watch import sandbox_processes

    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(ESCAPE)
    shared = Path(tempfile.mkdtemp())
    shared.chmod(0o777)
    monkeypatch.setattr(session_module, "reap_orphans", lambda: 0)
    session = GradingSession(stage1, upload, one_process=False)
    try:
        SubmissionProxy(session).escape(str(shared / "grandchild.pid"))
        grandchild = int((shared / "grandchild.pid").read_text())
    finally:
        session.close()
        shutil.rmtree(shared)
    try:
        assert grandchild in sandbox_processes()
    finally:
        os.kill(grandchild, signal.SIGKILL)


def test_student_exceptions_can_be_caught_as_student_raised(proxy):
    with pytest.raises(StudentRaised):
        proxy.raise_value()
    with pytest.raises(StudentRaised):
        proxy.raise_custom()


def test_keyword_arguments_are_checked_for_mutation_too(proxy):
    proxy.modify(X=np.ones((2, 2)))
    assert proxy.last_call.mutated == ("X",)


OBJECTS = """
import numpy as np

class Model:
    def __init__(self, scale):
        self.scale = scale
        self.weights = {"w": np.arange(3.0) * scale}

    def state_dict(self):
        return self.weights

    def bump(self, by):
        self.scale += by
        return self.scale

    def spin(self):
        while True:
            pass

def make(scale):
    return Model(scale)

def apply(model, x):
    return x * model.scale

def tensor():
    import torch
    return torch.arange(4.0)
"""


@pytest.fixture
def objects(tmp_path, stage1):
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(OBJECTS)
    # stage 1 bans torch, and its image lacks it: allowed here to test tensors
    session = GradingSession(stage1, upload, enforce_bans=False, allow=("torch",))
    yield SubmissionProxy(session)
    session.close()


def test_objects_stay_in_the_worker_as_handles(objects):
    """Can an object that is not plain data stay in the worker and be used by handle?"""
    with pytest.raises(BadReturnValue, match="Model"):
        objects.make(2.0)  # without keep: refused, as any object
    model = objects.keep.make(2.0)
    assert model.type_name == "Model"
    assert objects.apply(model, 3.0) == 6.0  # passed back as an argument
    assert objects.method(model, "bump", 1.0) == 3.0  # state lives in the worker
    state = objects.method(model, "state_dict")
    assert np.array_equal(state["w"], [0.0, 2.0, 4.0])  # made when scale was 2


def test_method_calls_go_through_the_sessions_guards(objects):
    """Is a hanging method stopped and counted by the same circuit breaker as a function?"""
    model = objects.keep.make(1.0)
    with pytest.raises(CallTimedOut, match=r"Model\.spin"):
        objects.method(model, "spin")
    assert objects._session.events.timeouts == {"spin": 1}


def test_unknown_handles_are_a_grader_error_wherever_they_appear(objects):
    """A handle the worker does not hold is the grader's bug, never the student's, whether
    it is an argument or the object whose method runs."""
    from autograder.sandbox.protocol import Handle

    forged = Handle(99, "Model")
    with pytest.raises(RuntimeError, match="unknown handle 99"):
        objects.apply(forged, 1.0)
    with pytest.raises(RuntimeError, match="unknown handle 99"):
        objects.method(forged, "bump", 1.0)


def test_tensors_come_back_as_arrays(objects):
    pytest.importorskip("torch")
    assert np.array_equal(objects.tensor(), [0.0, 1.0, 2.0, 3.0])


@pytest.mark.skipif(len(getattr(os, "sched_getaffinity", lambda _: ())(0)) < 2,
                    reason="needs CPU affinity and two CPUs")  # fmt: skip
def test_speed_tests_run_both_workers_on_one_cpu(tmp_path, stage1):
    """While timed, do the student's and the reference's workers share one CPU (on a VM two
    CPUs can differ in speed)? An untimed call runs on the same CPU (the worker must not
    tell a timed call by its affinity), and between calls the worker is on every CPU again."""
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(
        REFERENCE.read_text() + "\n\ndef cpus():\n    import os\n"
        "    return sorted(os.sched_getaffinity(0))\n"
    )  # fmt: skip
    session = GradingSession(stage1, upload)
    seen = []

    def inputs(rng):  # runs in the grader between timed calls, while the workers are pinned
        workers = {"student": session.student_worker(), "reference": session.reference_worker()}
        seen.append({name: os.sched_getaffinity(w.process.pid) for name, w in workers.items()})
        return rng.normal(size=(64, 64)), rng.normal(size=(2, 2))

    try:
        SpeedCheck(session, stage1.config.grading.timing).measure("correlate2d", inputs)
        untimed = SubmissionProxy(session).cpus()
        between = os.sched_getaffinity(session.student_worker().process.pid)
    finally:
        session.close()
    one = {min(os.sched_getaffinity(0))}
    assert len(seen) > 2 and all(s == {"student": one, "reference": one} for s in seen)
    assert set(untimed) == one
    assert between == os.sched_getaffinity(0)


def test_a_speed_test_call_past_the_timeout_is_too_slow_not_an_infinite_loop(tmp_path, stage1):
    """A pixel loop that runs past the call timeout in a speed test fails that test as far
    too slow (with the speed hint), and the reference is still timed best of N."""
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(
        REFERENCE.read_text() + "\n\ndef correlate2d(X, K):\n    while True:\n        pass\n"
    )
    limits = dataclasses.replace(stage1.config.limits, call_timeout=0.5)
    session = GradingSession(stage1, upload, limits=limits)
    try:
        speed = SpeedCheck(session, stage1.config.grading.timing)
        result = speed.measure(
            "correlate2d", lambda rng: (rng.normal(size=(64, 64)), np.ones((2, 2)))
        )
        assert result.timed_out and not result.passed and result.student_seconds == 0.5
        assert np.isfinite(result.reference_seconds)
        message = result.message("loop over the kernel offsets")
        assert "did not finish within 0.5 s" in message and "infinite loop" not in message
        assert "Hint: loop over the kernel offsets" in message
        # the speed test's calls pass the session's guard: its timeout is on record
        assert session.events.timeouts == {"correlate2d": 1}
        assert any("ran past" in c or "0.5" in c for c in session.events.crashes)
    finally:
        session.close()


@as_root
def test_a_module_below_a_private_folder_is_reached_and_nothing_else_there(tmp_path):
    """A Python or an upload below a folder the sandbox account cannot search (/root is
    drwx------ where pyenv lives) is shown to the worker in a mount namespace of its own:
    what the worker needs, and nothing else of that folder."""
    from autograder.sandbox.client import Worker
    from autograder.sandbox.spec import WorkerSpec
    from autograder.sandbox.users import sandbox_user

    user = sandbox_user()
    assert user is not None
    private = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        private.chmod(0o700)  # like /root
        code = private / "course" / "upload"
        code.mkdir(parents=True)
        (code / "probe.py").write_text(
            "import os\n\ndef look(path):\n    return sorted(os.listdir(path))\n"
        )
        (private / "course" / "hidden_tests.py").write_text("SECRET = 1\n")  # world-readable
        (private / "notes.txt").write_text("root's own\n")
        workdir = tmp_path / "work"
        workdir.mkdir()
        workdir.chmod(0o777)
        worker = Worker(WorkerSpec(root=code, module="probe", workdir=workdir, user=user))
        worker.start()

        def look(folder):
            return worker.call(Target.function("look"), (str(folder),), {}, timeout=5.0,
                               description="look()").value  # fmt: skip

        try:
            assert look(code) == ["probe.py"]
            assert look(private / "course") == ["upload"]  # hidden_tests.py is not there
            assert look(private) == ["course"]  # nor notes.txt
        finally:
            worker.close()
        assert (private / "notes.txt").exists()  # the grader's own view is untouched
    finally:
        shutil.rmtree(private)


PROCESSES = """
import multiprocessing, os, signal, subprocess, threading
import numpy as np

def correlate2d(X, K):
    return np.zeros((1, 1))

def fork_reaped_child():
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the child by itself
    if os.fork() == 0:
        os._exit(0)
    return "forked"

def pool():
    with multiprocessing.Pool(2) as workers:
        return sum(workers.map(abs, [-1, -2]))

def run_true():
    return subprocess.run(["true"]).returncode

def threads():
    done = []
    workers = [threading.Thread(target=done.append, args=(i,)) for i in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(done)
"""


@pytest.fixture
def processes_proxy(tmp_path, stage1):
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(PROCESSES)
    session = GradingSession(stage1, upload)  # stage 1 has speed tests: one process
    yield SubmissionProxy(session)
    session.close()


@pytest.mark.parametrize("function", ["fork_reaped_child", "pool", "run_true"])
def test_a_stage_with_speed_tests_runs_student_code_in_one_process(processes_proxy, function):
    """Work done in another process is not on the worker's CPU clock: no process may start,
    and the student is told why, not just "Operation not permitted"."""
    with pytest.raises(PermissionError) as info:
        getattr(processes_proxy, function)()
    assert "runs in one process" in info.value.describe()
    assert processes_proxy._session.events.notes == []  # the filter is in place here


def test_threads_stay_allowed_in_one_process(processes_proxy):
    assert processes_proxy.threads() == 4


def test_a_stage_without_speed_tests_may_start_processes(tmp_path, stage1):
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(PROCESSES)
    session = GradingSession(stage1, upload, one_process=False)
    try:
        assert SubmissionProxy(session).pool() == 3
    finally:
        session.close()


HUGE = """
import gc, os, struct
import numpy as np

def correlate2d(X, K):
    return np.zeros((1, 1))

def broadcast():
    return np.broadcast_to(np.float64(1.0), (40_000_000,))  # 8 bytes here, 320 MB sent

def forge():
    server = next(o for o in gc.get_objects() if type(o).__name__ == "Server")
    os.write(server.reply_fd, struct.pack("<II", 2, 1) + b"{}" + struct.pack("<Q", 1 << 30))
    chunk = bytes(1 << 20)
    while True:
        os.write(server.reply_fd, chunk)

def small():
    return np.ones((512, 512))
"""


@pytest.mark.parametrize("function", ["broadcast", "forge"])
def test_a_reply_larger_than_the_bound_is_the_students_failure(tmp_path, stage1, function):
    """The grader reads no more of a reply than ``reply_mb``: a huge result (or a forged
    frame that claims one) fails that call with a message, and the next call works."""
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "correlate.py").write_text(HUGE)
    session = GradingSession(stage1, upload)
    proxy = SubmissionProxy(session)
    try:
        with pytest.raises(ResultTooLarge, match="a result may be at most 64 MiB"):
            getattr(proxy, function)()
        assert proxy.small().shape == (512, 512)
    finally:
        session.close()
