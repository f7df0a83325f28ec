"""Every known attack on Python autograders, through `cnngrade grade` as root.

The kit is copied and locked down as SECURITY.md tells instructors to (hidden tests and
solutions unreadable to other accounts); each malicious submission is graded through the
CLI, and its outcome (score, what the student is shown, wall time) is asserted. Set
CNNGRADE_THREAT_REPORT=FILE to append a table row per threat.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time

import jsonschema
import pytest

from tests.pretrained import PRETRAINED, assert_no_help, pretrained_upload
from tests.support import KIT, SCHEMA
from tests.threats import THREATS, Threat, render, report, text
from tests.watch import GRADER_MEMORY_MB, run_watched, sandbox_processes, sandbox_uid

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def locked_kit(tmp_path_factory):
    kit = tmp_path_factory.mktemp("kit")
    os.chmod(kit, 0o755)
    for part in ("assignments", "solutions", "student_template"):
        shutil.copytree(KIT / part, kit / part)
    if os.geteuid() == 0:
        for secret in [*kit.glob("assignments/*/tests/hidden"), kit / "solutions"]:
            subprocess.run(["chmod", "-R", "go-rwx", str(secret)], check=True)
    return kit


@pytest.mark.parametrize("threat", THREATS, ids=[t.name for t in THREATS])
def test_threat_through_cnngrade_grade(threat, locked_kit, tmp_path):
    if threat.root_only and os.geteuid() != 0:
        pytest.skip("needs root: without it there is no second account to separate")
    upload = tmp_path / "upload"
    out = tmp_path / "out" / "results.json"
    secrets = [str(p) for p in locked_kit.glob("assignments/correlate2d/tests/hidden/*.py")]
    secrets.append(str(locked_kit / "solutions" / "cnnlab" / "correlate.py"))
    source = render(threat, secrets, [str(out), "results.json", "../results.json"])
    for name, content in threat.files(source).items():
        (upload / name).parent.mkdir(parents=True, exist_ok=True)
        (upload / name).write_bytes(content)
    if threat.upload and len(threat.upload) == 1:  # one file: upload it as it is
        upload = upload / threat.upload[0][0]
    started = time.monotonic()
    command = ["grade", "1", str(upload), "-o", str(out), "--kit", str(locked_kit)]
    watched = run_watched([sys.executable, "-m", "autograder.cli", *command],
                          untrusted_uid=sandbox_uid(), timeout=300)  # fmt: skip
    proc = watched.proc
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-2000:]
    time.sleep(2.5 if "forge" in threat.name else 0)  # a late writer would strike now
    results = json.loads(out.read_text())
    jsonschema.validate(results, SCHEMA)
    report("cnngrade grade", threat, results, seconds, watched.peak_mb)
    assert threat.check(results), json.dumps(results)[:3000]
    assert threat.shows in text(results)
    assert seconds < threat.max_seconds
    assert watched.peak_mb < GRADER_MEMORY_MB, f"the grader reached {watched.peak_mb:.0f} MB"
    assert sandbox_processes() == [], "a process of the submission outlived grading"


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="stage 5 needs torch")
@pytest.mark.parametrize(("jitter", "shows"), PRETRAINED, ids=["as-shipped", "jittered"])
def test_weights_trained_beforehand_are_no_help(jitter, shows, locked_kit, lenet_lab, tmp_path):
    """Stage 5, issue 13 item 4: weights trained on every public digit, relabelled by a vote
    over the training batches, no SGD step (before: 42/52, held-out accuracy 1.000)."""
    upload = pretrained_upload(lenet_lab, tmp_path / "upload", jitter)
    out = tmp_path / "results.json"
    started = time.monotonic()
    command = ["grade", "lenet", str(upload), "-o", str(out), "--kit", str(locked_kit)]
    watched = run_watched([sys.executable, "-m", "autograder.cli", *command],
                          untrusted_uid=sandbox_uid(), timeout=300)  # fmt: skip
    seconds = time.monotonic() - started
    assert watched.proc.returncode == 0, watched.proc.stderr[-2000:]
    results = json.loads(out.read_text())
    jsonschema.validate(results, SCHEMA)
    threat = Threat(f"stage 5: pretrained weights ({'jittered' if jitter else 'as shipped'})",
                    "", lambda r: True, shows)  # fmt: skip
    report("cnngrade grade", threat, results, seconds, watched.peak_mb)
    assert_no_help(results, shows)
    assert watched.peak_mb < GRADER_MEMORY_MB, f"the grader reached {watched.peak_mb:.0f} MB"
    assert sandbox_processes() == [], "a process of the submission outlived grading"
