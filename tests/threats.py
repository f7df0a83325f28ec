"""Malicious stage-1 submissions and what grading must make of them.

Each threat is a module (usually the correct reference plus an attack, so that any score
it gains would show) and a check on the results. ``tests/test_threats.py`` runs them
through ``cnngrade grade`` as root; ``tests/test_gradescope_e2e.py`` through the installed
Gradescope zip. ``{secrets}`` and ``{results}`` in a source are replaced by the paths the
attacker targets in each mode.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from autograder.grading.results import as_text
from tests.support import LOOP, REFERENCE, STAGE1_POINTS
from tests.watch import sandbox_processes

REF = REFERENCE.read_text()
FULL = STAGE1_POINTS


@dataclass(frozen=True)
class Threat:
    name: str
    source: str
    check: Callable[[dict], bool]  # on results.json
    shows: str  # a phrase the student's feedback must contain ("" for none)
    extra_files: tuple[tuple[str, str], ...] = ()
    root_only: bool = False
    max_seconds: float = 40.0
    #: the whole upload, file name → bytes, for attacks on upload formats (notebooks, zips);
    #: ``source`` is then unused
    upload: tuple[tuple[str, bytes], ...] = ()

    def files(self, source: str) -> dict[str, bytes]:
        """What the student uploads, with ``source`` as the rendered module."""
        if self.upload:
            return dict(self.upload)
        module = {"cnnlab/correlate.py": source.encode("utf-8", "surrogateescape")}
        return module | {name: text.encode() for name, text in self.extra_files}


def score(results: dict) -> float:
    return round(results["score"], 3)


def total(results: dict) -> float:
    """The denominator: the points of every test in the results (rounded like the score)."""
    return round(sum(t["max_score"] for t in results["tests"]), 3)


def text(results: dict) -> str:
    """Everything results.json tells the student, as text (the file holds Markdown)."""
    shown = as_text(results)
    return shown["output"] + "\n".join(t["output"] for t in shown["tests"])


def output_characters(results: dict) -> int:
    """The characters of every output as the file holds them (Gradescope's limit counts
    these, Markdown included)."""
    return len(results["output"]) + sum(len(t["output"]) for t in results["tests"])


def speed_failed(results: dict) -> bool:
    test = next(t for t in results["tests"] if t["name"].startswith("correlate2d: vectorised"))
    return test["status"] == "failed"


#: the reference with a pixel loop beside it, as ``_slow``: what an attack on the speed test
#: really runs while it tries to look fast
SLOW = REF + LOOP.replace("def correlate2d(X, K):", "def _slow(X, K):", 1)

THREATS = [
    Threat(
        "read hidden tests and reference",
        REF
        + """
for _path in {secrets}:
    try:
        print("LEAK:" + open(_path).read()[:200])
    except OSError as _exc:
        print("could not read a secret:", type(_exc).__name__)
""",
        lambda r: "LEAK:" not in text(r) and score(r) == FULL,
        "could not read a secret: PermissionError",
        root_only=True,
    ),
    Threat(
        "read the grader's memory and environment",
        REF
        + """
import os as _os
for _name in ("mem", "environ", "maps"):
    try:
        with open(f"/proc/{_os.getppid()}/{_name}", "rb") as _f:
            _f.read(64)
        print("LEAK: read", _name)
    except OSError as _exc:
        print("could not read the grader's", _name, type(_exc).__name__)
""",
        lambda r: "LEAK:" not in text(r) and score(r) == FULL,
        "could not read the grader's mem PermissionError",
        root_only=True,
    ),
    Threat(
        "forge results.json (file, atexit, late background process)",
        REF
        + """
import atexit as _atexit, os as _os, time as _time
_FORGED = '{{"score": 1000, "tests": []}}'
def _forge():
    for _path in {results}:
        try:
            open(_path, "w").write(_FORGED)
        except OSError:
            pass
_forge()
_atexit.register(_forge)
try:
    _late = _os.fork() == 0
except OSError:  # a stage with speed tests lets no process start: then no late writer
    _late = False
if _late:
    _os.setsid()
    _time.sleep(2)
    _forge()
    _os._exit(0)
""",
        lambda r: score(r) == FULL,
        "",
        root_only=True,
    ),
    Threat(
        "monkeypatch NumPy, unittest and pytest in the worker",
        REF
        + """
import unittest as _unittest
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
_unittest.TestCase.assertEqual = lambda *a, **k: None
try:
    import pytest as _pytest
    _pytest.approx = lambda *a, **k: a[0]
except ImportError:
    pass

def correlate2d(X, K):
    return np.zeros((X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1))
""",
        lambda r: score(r) < FULL / 2,
        "values are wrong",
    ),
    Threat(
        "conftest.py, pytest plugin and sitecustomize.py in the upload",
        REF + "\n\ndef correlate2d(X, K):\n    return np.zeros((1, 1))\n",
        lambda r: score(r) < FULL / 2,
        "returned shape (1, 1)",
        extra_files=(
            (
                "conftest.py",
                "import pytest\n@pytest.hookimpl(hookwrapper=True)\n"
                "def pytest_runtest_makereport(item, call):\n    out = yield\n"
                "    out.get_result().outcome = 'passed'\n",
            ),
            (
                "pytest_plugin_evil.py",
                "def pytest_collection_modifyitems(items):\n    items.clear()\n",
            ),
            ("sitecustomize.py", "import numpy\nnumpy.allclose = lambda *a, **k: True\n"),
            ("pytest.ini", "[pytest]\naddopts = -p pytest_plugin_evil\n"),
        ),
    ),
    Threat(
        "return an object whose __eq__ is always true",
        REF
        + """
class _Yes:
    def __eq__(self, other):
        return True
    __hash__ = None

def correlate2d(X, K):
    return _Yes()
""",
        lambda r: score(r) < FULL / 2,
        "cannot be graded",
    ),
    Threat(
        "return an ndarray subclass that lies",
        REF
        + """
class _Liar(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), bool)
    def __array_finalize__(self, obj):
        pass

def correlate2d(X, K):
    return np.zeros((X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1)).view(_Liar)
""",
        lambda r: score(r) < FULL / 2,
        "values are wrong",
    ),
    Threat(
        "os._exit(0) at import",
        "import os\nos._exit(0)\n",
        lambda r: score(r) == 0,
        "Remove such calls",
    ),
    Threat(
        "sys.exit() inside a call",
        REF + "\nimport sys\ndef convolve2d(X, K):\n    sys.exit(0)\n",
        lambda r: 0 < score(r) < FULL,
        "raised SystemExit",
    ),
    Threat(
        "os._exit() inside a call",
        REF + "\nimport os\ndef convolve2d(X, K):\n    os._exit(0)\n",
        lambda r: 0 < score(r) < FULL,
        "exited with status 0",
    ),
    Threat(
        "infinite loop in C (catastrophic regular expression)",
        REF
        + '\nimport re\ndef convolve2d(X, K):\n    return re.match(r"(a+)+$", "a" * 64 + "b")\n',
        lambda r: 0 < score(r) < FULL,
        "did not finish within",
    ),
    Threat(
        "unbounded recursion",
        REF + "\ndef convolve2d(X, K):\n    return convolve2d(X, K)\n",
        lambda r: 0 < score(r) < FULL,
        "RecursionError",
    ),
    Threat(
        "recursion that overflows the C stack",
        REF + "\nimport sys\nsys.setrecursionlimit(10**8)\n"
        "def convolve2d(X, K):\n    return convolve2d(X, K)\n",
        # a segfault on Python 3.10; a timeout on 3.11, whose Python calls keep off the C stack
        lambda r: 0 < score(r) < FULL and ("died while" in text(r) or "did not finish" in text(r)),
        "convolve2d(float64 array",
    ),
    Threat(
        "memory bomb",
        REF + "\ndef convolve2d(X, K):\n    return np.ones((10**5, 10**5))\n",
        lambda r: 0 < score(r) < FULL,
        "MemoryError",
    ),
    Threat(
        "fork spray",
        REF + "\nimport os\ndef convolve2d(X, K):\n    while True:\n        os.fork()\n",
        # only the tests of convolve2d, the function that forks, may fail
        lambda r: all(
            t["status"] == "passed"
            for t in r["tests"]
            if t["max_score"] > 0 and "convolve2d" not in t["name"]
        ),
        "convolve2d",
        root_only=True,
    ),
    Threat(
        "fill the disk (one huge file)",
        REF + "\ndef convolve2d(X, K):\n    with open('big.bin', 'wb') as f:\n"
        "        for _ in range(64):\n            f.write(b'x' * (1 << 20))\n",
        lambda r: 0 < score(r) < FULL,
        "File too large",  # Python ignores SIGXFSZ: the write fails with EFBIG
    ),
    Threat(
        "100 MB of output",
        REF + "\nimport sys\nsys.stdout.write('spam ' * 20_000_000)\nsys.stdout.flush()\n",
        lambda r: score(r) == FULL and output_characters(r) < 100_000,
        "spam spam",
    ),
    Threat(
        "binary garbage instead of source",
        "\x00\x89PNG\r\n\x1a\n\x00\x00garbage\xff",
        lambda r: score(r) == 0,
        "could not be imported",
    ),
    Threat(
        "patch the clocks to look fast",
        REF
        + LOOP
        + """
import time as _time
for _name in ("perf_counter", "process_time", "monotonic", "time", "thread_time"):
    setattr(_time, _name, lambda: 0.0)
    setattr(_time, _name + "_ns", lambda: 0)
""",
        speed_failed,
        "too slow",
    ),
    Threat(
        "memoise results across repetitions",
        SLOW
        + """
_CACHE = {{}}
def correlate2d(X, K):
    key = (X.tobytes(), K.tobytes())
    if key not in _CACHE:
        _CACHE[key] = _slow(X, K)
    return _CACHE[key].copy()
""",
        speed_failed,
        "too slow",
    ),
    Threat(
        "skip the work when the inputs look like the speed test's (issue 13, item 2)",
        SLOW
        + """
def correlate2d(X, K):
    if np.asarray(X).size > 100_000:  # only the speed test sends inputs this large
        return None
    return _slow(X, K)
""",
        lambda r: speed_failed(r) and 0 < score(r) < FULL,
        "wrong result on the speed test's inputs",
    ),
    Threat(
        "return zeros of the right shape when timed (issue 13, item 2)",
        SLOW
        + """
def correlate2d(X, K):
    X, K = np.asarray(X), np.asarray(K)
    if X.size > 100_000:
        return np.zeros((X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1))
    return _slow(X, K)
""",
        lambda r: speed_failed(r) and 0 < score(r) < FULL,
        "values differ from the reference",
    ),
    Threat(
        "do the timed work in a forked child the kernel reaps (issue 13, item 1)",
        SLOW
        + """
import os, signal
def correlate2d(X, K):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    read, write = os.pipe()
    if os.fork() == 0:  # the child's CPU time is on nobody's clock
        Y = _slow(X, K)
        os.write(write, Y.tobytes())
        os._exit(0)
    shape = (X.shape[0] - K.shape[0] + 1, X.shape[1] - K.shape[1] + 1)
    data = b""
    while len(data) < 8 * shape[0] * shape[1]:
        data += os.read(read, 1 << 20)
    return np.frombuffer(data, dtype=np.float64).reshape(shape).copy()
""",
        lambda r: 0 < score(r) < FULL and speed_failed(r),
        "runs in one process",
    ),
    Threat(
        "do the timed work in a multiprocessing pool (issue 13, item 1)",
        SLOW
        + """
import multiprocessing
def correlate2d(X, K):
    with multiprocessing.Pool(1) as pool:
        return pool.apply(_slow, (X, K))
""",
        lambda r: 0 < score(r) < FULL and speed_failed(r),
        "runs in one process",
    ),
    Threat(
        "forge a reply frame that claims 1 GiB (issue 13, item 9)",
        REF
        + """
import gc, os, struct
def correlate2d(X, K):
    server = next(o for o in gc.get_objects() if type(o).__name__ == "Server")
    os.write(server.reply_fd, struct.pack("<II", 2, 1) + b"{{}}" + struct.pack("<Q", 1 << 30))
    chunk = bytes(1 << 20)
    while True:
        os.write(server.reply_fd, chunk)
""",
        lambda r: 0 < score(r) < FULL,
        "a result may be at most 64 MiB",
    ),
    Threat(
        "return a 320 MB array built from an 8-byte broadcast view (issue 13, item 9)",
        REF
        + """
_correct = correlate2d
def correlate2d(X, K):
    if np.asarray(X).size > 100_000:
        return np.broadcast_to(np.float64(1.0), (40_000_000,))
    return _correct(X, K)
""",
        lambda r: 0 < score(r) < FULL and speed_failed(r),
        "a result may be at most 64 MiB",
    ),
    Threat(
        "remove the worker's import guard, then import torch by a computed name (item 3)",
        REF
        + """
import importlib, sys
sys.meta_path[:] = [f for f in sys.meta_path if "autograder" not in type(f).__module__]
_correct = convolve2d
def convolve2d(X, K):
    torch = importlib.import_module("to" + "rch")
    return _correct(X, K)
""",
        lambda r: 0 < score(r) < FULL,
        "No module named 'torch'",
    ),
    Threat(
        "call a banned library function",
        REF + "\ndef convolve2d(X, K):\n    from scipy import signal\n"
        "    return signal.convolve2d(X, K, mode='valid')\n",
        lambda r: 0 < score(r) < FULL,
        "scipy.signal.convolve2d",
    ),
]


def notebook(*cells: object) -> bytes:
    """A notebook's JSON with these code cells' sources, whatever their type."""
    return json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
                   "outputs": [], "source": source} for i, source in enumerate(cells)],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }).encode()  # fmt: skip


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def full_marks_without_grader_failure(results: dict) -> bool:
    return score(results) == FULL == total(results) and "not your fault" not in text(results)


LONG_NAME_ZIP = zipped({"cnnlab/correlate.py": REF, "n" * 298 + ".py": "x = 1\n"})

#: what an honest student writes, in the upload formats that broke grading (issue 13)
HONEST_FORMATS = [
    Threat(
        "an 800-term sum in the module (the banned-API scan recursed past the limit)",
        REF + "\n_TOTAL = " + " + ".join(str(i) for i in range(800)) + "\n",
        full_marks_without_grader_failure,
        "",
    ),
    Threat(
        "a notebook with U+2028 in a comment (split lines where Python does not)",
        "",
        full_marks_without_grader_failure,
        "graded the code of correlate.ipynb",
        upload=(("correlate.ipynb", notebook("# a line\u2028separator in a comment\n" + REF)),),
    ),
    Threat(
        "a JSON file whose cell source is an object (not a notebook)",
        "",
        lambda r: score(r) == 0 and total(r) == FULL,
        "not a readable Jupyter notebook",
        upload=(("correlate.ipynb", notebook({"not": "text"})),),
    ),
    Threat(
        "a zip member whose name the file system cannot hold (301 characters)",
        "",
        lambda r: full_marks_without_grader_failure(r) and "/tmp/cnngrade-" not in text(r),
        "left out 1 file(s) of the zip",
        upload=(("submission.zip", LONG_NAME_ZIP),),
    ),
]
THREATS += HONEST_FORMATS


def render(threat: Threat, secrets: list[str], results: list[str]) -> str:
    return (
        threat.source.replace("{secrets}", repr(secrets))
        .replace("{results}", repr(results))
        .replace("{{", "{")
        .replace("}}", "}")
    )


def report(mode: str, threat, results: dict, seconds: float, peak_mb: float = 0.0) -> None:
    """Append a row (attack, mode, score, what was shown, seconds, grader peak MB, processes
    left) to the table at $CNNGRADE_THREAT_REPORT."""
    target = os.environ.get("CNNGRADE_THREAT_REPORT")
    if not target:
        return
    total = sum(t["max_score"] for t in results["tests"])
    shown = next((line.strip() for line in text(results).splitlines()
                  if threat.shows and threat.shows in line), "")  # fmt: skip
    with open(target, "a", encoding="utf-8") as handle:
        left = len(sandbox_processes())
        handle.write(f"| {threat.name} | {mode} | {score(results):g}/{total:g} | {shown[:110]} "
                     f"| {seconds:.1f} | {peak_mb:.0f} | {left} |\n")  # fmt: skip
