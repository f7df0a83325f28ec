"""`cnngrade batch`: a class regraded in parallel; one bad submission never spoils the rest."""

from __future__ import annotations

import csv
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from autograder.cli import app as cli
from autograder.grading.batch import discover
from tests.support import KIT, REFERENCE, STAGE1_POINTS, build_submission

EXPORT_YAML = """\
submission_1:
  :submitters:
  - :name: Ada Lovelace
    :sid: '1'
    :email: ada@uni.example
  - :name: Alan Turing
    :email: alan@uni.example
  :score: 0.0
submission_2:
  :submitters:
  - :name: Grace Hopper
    :email: grace@uni.example
"""


def make_export(root, variants):
    root.mkdir()
    for index, variant in enumerate(variants, start=1):
        shutil.copytree(build_submission(root / "src", variant), root / f"submission_{index}")
    shutil.rmtree(root / "src")
    (root / "submission_metadata.yml").write_text(EXPORT_YAML)
    return root


def test_discover_reads_a_gradescope_export(tmp_path):
    entries = discover(make_export(tmp_path / "export", ["reference", "stub"]))
    assert [e.id for e in entries] == ["submission_1", "submission_2"]
    assert entries[0].names == ("Ada Lovelace", "Alan Turing")
    assert entries[1].emails == ("grace@uni.example",)


def test_discover_plain_folders_files_and_per_folder_metadata(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "submission_metadata.json").write_text(
        json.dumps({"users": [{"name": "Alice", "email": "a@x"}]})
    )
    (tmp_path / "bob.py").write_text("")
    (tmp_path / "carol.zip").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a submission")
    entries = {e.id: e for e in discover(tmp_path)}
    assert sorted(entries) == ["alice", "bob", "carol"]
    assert entries["alice"].names == ("Alice",)


def test_batch_grades_everything_and_writes_the_csv(tmp_path):
    """Do a crash and a syntax error leave the other rows intact?"""
    export = make_export(tmp_path / "export", ["reference", "segfault", "syntax_error", "stub"])
    out = tmp_path / "scores.csv"
    result = CliRunner().invoke(
        cli.main, ["batch", "1", str(export), "-o", str(out), "-j", "2", "--kit", str(KIT)]
    )
    assert result.exit_code == 0, result.output
    assert "graded 4 submissions" in result.output
    rows = list(csv.DictReader(out.open()))
    assert [r["submission_id"] for r in rows] == [f"submission_{i}" for i in range(1, 5)]
    totals = {r["submission_id"]: float(r["total"]) for r in rows}
    assert totals["submission_1"] == float(rows[0]["max"]) == STAGE1_POINTS
    assert (
        0 < totals["submission_2"] < STAGE1_POINTS
    )  # the segfaulting correlate2d loses only its tests
    assert totals["submission_3"] == totals["submission_4"] == 0
    assert rows[0]["names"] == "Ada Lovelace; Alan Turing"
    assert "correlate2d: the lecture's 3×3 input with a 2×2 kernel" in rows[0]
    assert len(list((tmp_path / "scores-results").glob("*.json"))) == 4


NEIGHBOUR_KILLER = """
import os, signal, threading, time

def _kill_everyone():  # every process this account may signal: its neighbours' workers too
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        time.sleep(0.005)

threading.Thread(target=_kill_everyone, daemon=True).start()
_fast = correlate2d

def correlate2d(X, K):
    time.sleep(0.3)  # stay alive (and killing) while the neighbours are graded
    return _fast(X, K)
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="separate accounts need root")
def test_a_batch_job_cannot_touch_its_neighbours(tmp_path):
    """With -j 2, a submission that kills every process its account may signal must not
    cost its neighbours a point: each concurrent job runs as its own account."""
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a_attacker.py").write_text(REFERENCE.read_text() + NEIGHBOUR_KILLER)
    for index in range(1, 4):
        shutil.copyfile(REFERENCE, folder / f"honest_{index}.py")
    out = tmp_path / "scores.csv"
    result = CliRunner().invoke(
        cli.main, ["batch", "1", str(folder), "-o", str(out), "-j", "2", "--kit", str(KIT)]
    )
    assert result.exit_code == 0, result.output
    totals = {r["submission_id"]: float(r["total"]) for r in csv.DictReader(out.open())}
    assert {k: v for k, v in totals.items() if k.startswith("honest")} == {
        f"honest_{i}": STAGE1_POINTS for i in range(1, 4)
    }
