"""Banned library APIs: found in the source through any alias, refused at run time."""
# ruff: noqa: E501  (a table of cases reads best one per line)

from __future__ import annotations

import json

import pytest

from autograder.grading.banned import find_uses, reaching, scan_module
from tests.support import KIT, REFERENCE, run_cli

BANNED = ["scipy.signal.correlate2d", "scipy.ndimage", "torch", "cv2"]


@pytest.mark.parametrize(("source", "expected"), [
    ("import scipy.signal as ss\nss.correlate2d(X, K)", ["scipy.signal.correlate2d"]),
    ("from scipy import ndimage as nd\nnd.correlate(X, K)", ["scipy.ndimage", "scipy.ndimage.correlate"]),
    ("from scipy.signal import correlate2d as c\nc(X, K)", ["scipy.signal.correlate2d"]),
    ("import scipy\nscipy.signal.correlate2d(X, K)", ["scipy.signal.correlate2d"]),
    ("import scipy.signal as s\ngetattr(s, 'correlate2d')(X, K)", ["scipy.signal.correlate2d"]),
    ("import importlib\nimportlib.import_module('scipy.ndimage')", ["scipy.ndimage"]),
    ("__import__('cv2').filter2D(X, -1, K)", ["cv2.filter2D"]),
    ("import torch.nn.functional as F\nF.conv2d(x, w)", ["torch.nn.functional", "torch.nn.functional.conv2d"]),
    ("import scipy.signal as ss\nss.convolve2d(X, K)", []),  # not in this ban list
    ("import numpy as np\nnp.lib.stride_tricks.sliding_window_view(X, (2, 2))", []),
])  # fmt: skip
def test_is_each_route_to_a_banned_call_found(source, expected):
    assert sorted({u.name for u in find_uses(source, "m.py", BANNED)}) == sorted(expected)


def test_uses_name_the_line():
    uses = find_uses("import numpy as np\n\nimport cv2\n", "correlate.py", BANNED)
    assert [u.describe() for u in uses] == ["correlate.py, line 3: cv2"]


def test_a_banned_call_fails_grading_with_a_message_that_names_it(tmp_path):
    upload = tmp_path / "correlate.py"
    upload.write_text(
        REFERENCE.read_text() + "\n\ndef convolve2d(X, K):\n"
        "    from scipy import ndimage\n"
        "    return ndimage.convolve(X, K)\n"
    )
    out = tmp_path / "results.json"
    assert run_cli("grade", "1", str(upload), "-o", str(out), "--kit", str(KIT)).returncode == 0
    results = json.loads(out.read_text())
    check = next(t for t in results["tests"] if t["name"].startswith("Uses no banned"))
    assert check["status"] == "failed"
    assert "correlate.py, line" in check["output"] and "scipy.ndimage" in check["output"]
    convolve = [t for t in results["tests"] if t["name"].startswith("convolve2d")]
    assert all(t["status"] == "failed" for t in convolve)  # refused at run time as well
    # stage 1's image has no SciPy: the worker cannot import it, here as on Gradescope
    assert any("No module named 'scipy'" in t["output"] for t in convolve)


def test_only_the_graded_module_and_what_it_imports_are_scanned(tmp_path):
    """A whole cnnlab/ folder uploaded to stage 1: lenet.py's torch is not stage 1's business,
    but a helper the stage's module imports (relatively or not) is."""
    package = tmp_path / "cnnlab"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "lenet.py").write_text("import torch\n")
    (package / "correlate.py").write_text("from . import helpers\nimport extra\n")
    (package / "helpers.py").write_text("import cv2\n")
    (tmp_path / "extra.py").write_text("from scipy import ndimage\n")
    (tmp_path / "unused.py").write_text("import cv2\n")
    uses = scan_module(tmp_path, "cnnlab.correlate", BANNED)
    assert [u.describe() for u in uses] == [
        "cnnlab/helpers.py, line 1: cv2",
        "extra.py, line 1: scipy.ndimage",
    ]
    (package / "__init__.py").write_text("from .lenet import *\n")  # now lenet.py runs too
    assert "torch" in {u.name for u in scan_module(tmp_path, "cnnlab.correlate", BANNED)}


HELPERS = """
import scipy.signal as ss
from scipy.signal import convolve2d as _library

def _helper(X, K):
    return ss.correlate2d(X, K)

def correlate2d(X, K):
    return _helper(X, K)

def convolve2d(X, K):
    def inner():
        return _library(X, K)
    return inner()

def clean(X):
    return X + 1
"""


def test_each_function_is_charged_for_the_banned_calls_it_reaches():
    reach = reaching(HELPERS, "m.py", ["scipy.signal"])
    assert sorted(reach) == ["_helper", "convolve2d", "correlate2d"]
    assert [(u.line, u.name) for u in reach["correlate2d"]] == [(6, "scipy.signal.correlate2d")]
    assert [(u.line, u.name) for u in reach["convolve2d"]] == [(13, "scipy.signal.convolve2d")]


def test_a_banned_call_costs_the_tests_that_reach_it_even_when_it_does_not_fail(tmp_path):
    """The run-time guard is the worker's and can be dodged (here: the banned import sits in a
    branch that never runs); the points of the tests that called the function go anyway."""
    upload = tmp_path / "correlate.py"
    upload.write_text(
        REFERENCE.read_text() + "\n\n_correct = convolve2d\n\ndef convolve2d(X, K):\n"
        "    if X is None:\n"
        "        from scipy import ndimage\n"
        "        return ndimage.convolve(X, K)\n"
        "    return _correct(X, K)\n"
    )
    out = tmp_path / "results.json"
    assert run_cli("grade", "1", str(upload), "-o", str(out), "--kit", str(KIT)).returncode == 0
    tests = json.loads(out.read_text())["tests"]
    convolve = [t for t in tests if t["name"].startswith("convolve2d")]
    assert convolve and all(t["score"] == 0 for t in convolve)
    assert all("No points: convolve2d uses correlate.py, line" in t["output"] for t in convolve)
    others = [t for t in tests if t["name"].startswith("correlate2d:")]
    assert others and all(t["score"] == t["max_score"] for t in others)
