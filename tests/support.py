"""What the framework's tests share (imported by tests and benchmarks; the fixtures are
in conftest.py): the kit, submissions built from the reference with one change each, running
the CLI, a one-function kit, and the results schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from autograder.course.stages import Stage, get_stage
from autograder.grading.results import as_text
from autograder.grading.runner import stage_points

KIT = Path(__file__).resolve().parent.parent
#: stage 1's total points, as `cnngrade list` and every grading count them
STAGE1_POINTS = stage_points(get_stage("correlate2d", KIT))
REFERENCE = KIT / "solutions" / "cnnlab" / "correlate.py"

# Each variant appends an override to the reference module (a later def wins), or replaces
# the module outright. They are the cases the stage-1 issue asks the grader to handle.
LOOP = """

def correlate2d(X, K):  # the book's double loop over output pixels
    X, K = _check_pair(X, K)
    h, w = K.shape
    Y = np.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1), _result_dtype(X, K))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y
"""
SLIDING = """

def correlate2d(X, K):
    X, K = _check_pair(X, K)
    windows = np.lib.stride_tricks.sliding_window_view(X, K.shape)
    return np.einsum("ijkl,kl->ij", windows, K).astype(_result_dtype(X, K), copy=False)
"""
HANG = "\n\ndef correlate2d(X, K):\n    while True:\n        pass\n"
SEGFAULT = "\n\ndef correlate2d(X, K):\n    import ctypes\n    return ctypes.string_at(0)\n"
VARIANTS = {
    "reference": ("append", ""),
    "loop": ("append", LOOP),
    "sliding": ("append", SLIDING),
    "hang": ("append", HANG),
    "segfault": ("append", SEGFAULT),
    "syntax_error": ("replace", "import numpy as np\n\ndef correlate2d(X, K)\n    return X\n"),
    "exit_at_import": ("replace", "import os\nos._exit(0)\n"),
    "raise_at_import": ("replace", "import numpy as np\nraise RuntimeError('boom')\n"),
}


# Stage 5: the reference's lenet.py with one edit each: (text of the reference, replacement).
LENET_REFERENCE = KIT / "solutions" / "cnnlab" / "lenet.py"
_TRAIN_MOVE = "            X, y = X.to(device), y.to(device)\n            optimizer.zero_grad()"
LENET_VARIANTS = {
    "wrong_architecture": (
        "nn.Linear(16 * 5 * 5, 120), activation(),\n        nn.Linear(120, 84)",
        "nn.Linear(16 * 5 * 5, 100), activation(),\n        nn.Linear(100, 84)",
    ),
    "never_steps": ("            optimizer.step()\n", ""),
    "no_batch_moves": (_TRAIN_MOVE, "            optimizer.zero_grad()"),
    "default_init": ("    net.apply(init_weights)\n", ""),
    "counts_batches": (
        "            total += y.numel()",
        "            total += data_iter.batch_size",
    ),
    "hang": (
        "    net.apply(init_weights)\n",
        "    net.apply(init_weights)\n    while True:\n        pass\n",
    ),
}


def build_lenet_submission(root: Path, variant: str) -> Path:
    """Write a stage-5 upload (``lenet.py``) for ``variant``."""
    old, new = LENET_VARIANTS[variant]
    source = LENET_REFERENCE.read_text()
    assert old in source, f"the stage-5 reference changed: update the {variant} variant"
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"{variant}_lenet.py"
    path.write_text(source.replace(old, new))
    return path


def build_submission(root: Path, variant: str) -> Path:
    """Write a stage-1 submission folder (``cnnlab/correlate.py``) for ``variant``."""
    folder = root / variant
    (folder / "cnnlab").mkdir(parents=True, exist_ok=True)
    target = folder / "cnnlab" / "correlate.py"
    if variant == "stub":
        shutil.copyfile(KIT / "student_template" / "cnnlab" / "correlate.py", target)
        return folder
    if variant == "empty":
        shutil.rmtree(folder / "cnnlab")
        return folder
    how, text = VARIANTS[variant]
    target.write_text((REFERENCE.read_text() if how == "append" else "") + text)
    return folder


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cnngrade`` in a fresh interpreter (grading runs pytest; keep it out of ours)."""
    return subprocess.run(
        [sys.executable, "-m", "autograder.cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


MARKED = "# BEGIN SOLUTION\n    return 2 * x\n    # END SOLUTION"


def write_kit(root, reference_body=MARKED, stub_body="raise NotImplementedError"):
    """A one-function stage; validate grades the stub that ``reference_body``'s markers
    give (``stub_body`` is the committed template's, which release --check guards)."""
    stage = root / "assignments" / "demo"
    (stage / "tests" / "public").mkdir(parents=True)
    (stage / "zoo").mkdir()
    (stage / "assignment.toml").write_text(
        'id = "demo"\nnumber = 9\ntitle = "t"\nmodule = "cnnlab/demo.py"\n'
        'functions = ["double"]\n[grading.points]\ntest_double = 1\ntest_typo = 1\n'
    )
    (stage / "tests" / "public" / "test_demo.py").write_text(
        "def test_double(submission):\n    assert submission.double(2) == 4\n"
    )
    for folder, body in (("solutions", reference_body), ("student_template", stub_body)):
        (root / folder / "cnnlab").mkdir(parents=True)
        (root / folder / "cnnlab" / "demo.py").write_text(f"def double(x):\n    {body}\n")
    return Stage(root, stage)


#: Gradescope's results format (tests/schemas/), which every results.json must satisfy
SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "gradescope_results.schema.json").read_text()
)
#: the name of the staff-only diagnostics entry in results.json
STAFF = "Grader diagnostics (staff only)"


def load_results(path: Path) -> dict:
    """A results.json with its outputs as the student reads them (the file holds Markdown,
    whose escapes would make a check for words, or for words that must be absent, miss)."""
    return as_text(json.loads(Path(path).read_text()))
