"""`cnngrade batch --scheduler`: the gradings on a Dask cluster, isolated as on one machine."""

from __future__ import annotations

import csv
import json
import os
import re
import sys

import pytest
from click.testing import CliRunner

from autograder.cli import app as cli
from autograder.errors import MissingExtra
from autograder.grading import cluster
from autograder.grading.batch import NO_RESULTS, Entry, accept
from autograder.grading.cluster import (
    Upload,
    node_slot,
    pack_upload,
    require_distributed,
    unpack_upload,
)
from autograder.grading.results import GradingEvents, GradingResults, TestResult, write_results
from tests.support import KIT, STAGE1_POINTS, build_submission


def test_an_upload_travels_as_the_intake_would_copy_it(tmp_path):
    folder = build_submission(tmp_path / "src", "reference")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").write_bytes(b"junk")
    (folder / "notes.md").write_text("mine")
    (folder / "secret").symlink_to("/etc/hostname")
    upload = pack_upload(folder)
    assert sorted(name for name, _ in upload.files) == ["cnnlab/correlate.py", "notes.md"]
    (tmp_path / "node").mkdir()
    again = unpack_upload(upload, tmp_path / "node")
    assert (again / "cnnlab" / "correlate.py").read_bytes() == (
        folder / "cnnlab" / "correlate.py"
    ).read_bytes()
    single = tmp_path / "mine.py"
    single.write_text("x = 1\n")
    (tmp_path / "node2").mkdir()
    assert unpack_upload(pack_upload(single), tmp_path / "node2").read_text() == "x = 1\n"


@pytest.mark.parametrize("name", ["../escape.py", "/etc/passwd", "a/../../b"])
def test_unpacking_refuses_paths_out_of_the_upload(tmp_path, name):
    with pytest.raises(ValueError, match="not a relative path"):
        unpack_upload(Upload("sub", True, ((name, b"x"),)), tmp_path)
    assert not (tmp_path.parent / "escape.py").exists()


def test_concurrent_gradings_on_a_node_never_share_a_slot():
    with node_slot() as first, node_slot() as second:
        assert first != second
        if os.geteuid() == 0:
            assert first.account and second.account and first.account != second.account
    with node_slot() as again:  # a released slot is taken again
        assert again == first


def test_a_reply_of_the_wrong_shape_is_a_row_that_says_so(tmp_path):
    text, ending, seconds = cluster._received(["not", "a", "dict"])
    assert text is None and ending.kind == NO_RESULTS
    outcome = accept(Entry("odd", tmp_path), text, ending, seconds, tmp_path)
    assert outcome.results.score == 0
    assert GradingEvents.of(outcome.results).batch == NO_RESULTS
    assert json.loads((tmp_path / "odd.json").read_text())["tests"]


def test_results_that_came_back_are_checked_before_they_are_stored(tmp_path):
    """Is a NaN score, or a document that is no results file, refused (and replaced by a
    failure) rather than written as it came?"""
    good = GradingResults((TestResult("t", 1.0, 1.0, True),))
    write_results(good, tmp_path / "good.json")
    text = (tmp_path / "good.json").read_text()
    kept = accept(Entry("a", tmp_path), text, cluster.Ending(), 1.0, tmp_path / "out")
    assert kept.results.score == 1 and (tmp_path / "out" / "a.json").read_text() == text
    for bad in (text.replace('"score": 1.0', '"score": NaN', 1), "[1, 2]", '{"tests": 3}'):
        outcome = accept(Entry("b", tmp_path), bad, cluster.Ending(), 1.0, tmp_path / "out")
        assert outcome.results.score == 0 and GradingEvents.of(outcome.results).grader_failed


def test_without_distributed_the_error_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtra, match=re.escape("pip install 'cnngrade[cluster]'")):
        require_distributed()
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.py").write_text("")
    result = CliRunner().invoke(cli.main, ["batch", "1", str(tmp_path / "subs"), "--scheduler",
                                           "tcp://127.0.0.1:1", "--kit", str(KIT)])  # fmt: skip
    assert result.exit_code == 1 and "cnngrade[cluster]" in result.output


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="needs cnngrade[cluster]")
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.py").write_text("")
    result = CliRunner().invoke(cli.main, ["batch", "1", str(tmp_path / "subs"), "--scheduler",
                                           "tcp://127.0.0.1:9", "--kit", str(KIT)])  # fmt: skip
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output


def batch(folder, out, *options):
    result = CliRunner().invoke(cli.main, ["batch", "1", str(folder), "-o", str(out),
                                           "--kit", str(KIT), *options])  # fmt: skip
    assert result.exit_code == 0, result.output
    return list(csv.reader(out.open())), result.output


def test_a_local_cluster_gives_the_scores_of_the_local_batch(tmp_path):
    """Do two Dask workers (processes) grade a handful of submissions to the same CSV, cell
    for cell, as `-j 2` does, with the results files written on this side?"""
    distributed = pytest.importorskip("distributed", reason="needs cnngrade[cluster]")
    folder = tmp_path / "class"
    for variant in ("reference", "segfault", "syntax_error", "stub"):
        build_submission(folder, variant)
    local, _ = batch(folder, tmp_path / "local" / "scores.csv", "-j", "2")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local_cluster:  # fmt: skip
        remote, output = batch(folder, tmp_path / "dask" / "scores.csv", "--scheduler",
                               local_cluster.scheduler_address)  # fmt: skip
    assert "graded 4 submissions" in output and "on tcp://" in output
    assert remote == local
    totals = {row[0]: float(row[3]) for row in remote[1:]}
    assert totals["reference"] == STAGE1_POINTS and totals["stub"] == 0
    results = {p.stem: json.loads(p.read_text()) for p in (tmp_path / "dask").rglob("*.json")}
    assert sorted(results) == ["reference", "segfault", "stub", "syntax_error"]
    events = {k: GradingEvents.of(GradingResults.from_gradescope_dict(v))
              for k, v in results.items()}  # fmt: skip
    assert events["syntax_error"].not_loadable and events["segfault"].crashes > 0
    if os.geteuid() == 0:  # each on a job account of the node, never the grader's own
        users = {re.search(r"sandbox user: ([\w-]+)", json.dumps(v)).group(1)
                 for v in results.values()}  # fmt: skip
        assert users <= {"cnngrade-job1", "cnngrade-job2"}, users
