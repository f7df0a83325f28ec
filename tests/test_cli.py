"""The CLI is plumbing: it parses options and forwards to the core."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.cli import app as cli
from autograder.course.stages import all_stages
from autograder.grading.results import GradingResults, TestResult
from autograder.grading.runner import grade
from tests.support import KIT, STAGE1_POINTS, run_cli

COMMANDS = sorted(cli.main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli.main, [command, "--help"])
    assert result.exit_code == 0
    assert cli.main.commands[command].help, f"{command} has no help text"


def test_grade_forwards_to_the_core(monkeypatch, tmp_path):
    """Does `grade` call grade_to_file with exactly the stage, upload, output and limit?"""
    calls = []

    def fake(stage, upload, output, options):
        calls.append((stage.id, upload, output, options.time_budget))
        return GradingResults(tests=(TestResult("t", 1.0, 1.0, True),))

    monkeypatch.setattr(cli, "grade_to_file", fake)
    upload = tmp_path / "x.py"
    upload.write_text("")
    out = tmp_path / "r.json"
    args = ["grade", "1", str(upload), "-o", str(out), "--kit", str(KIT), "--time-limit", "90"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert calls == [("correlate2d", upload, out, 90.0)]
    assert "1/1" in result.output


def test_unknown_stage_is_a_clear_error():
    result = CliRunner().invoke(cli.main, ["grade", "nope", str(KIT), "--kit", str(KIT)])
    assert result.exit_code != 0
    assert "unknown stage 'nope'" in result.output and "correlate2d" in result.output


def test_list_shows_stages_and_functions():
    result = CliRunner().invoke(cli.main, ["list", "--kit", str(KIT)])
    assert result.exit_code == 0
    assert "correlate2d" in result.output and "learn_kernel" in result.output


def test_list_keys_documents_the_config_schema():
    result = CliRunner().invoke(cli.main, ["list", "--keys"])
    assert result.exit_code == 0
    assert "grading.timing.<name>.limit" in result.output
    assert "limits.call_timeout" in result.output


def test_kit_not_found_is_explained(tmp_path):
    result = CliRunner().invoke(cli.main, ["list", "--kit", str(tmp_path)])
    assert result.exit_code != 0
    assert "assignments/" in result.output


@pytest.mark.parametrize(("folder", "code", "needle"), [
    ("solutions", 0, "All public tests pass"),
    ("student_template", 1, "not implemented yet"),
])  # fmt: skip
def test_check_runs_public_tests_only(folder, code, needle):
    proc = run_cli("check", "correlate2d", str(KIT / folder), "--kit", str(KIT))
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert needle in proc.stdout
    assert "vectorised" not in proc.stdout  # the hidden speed test did not run
    assert "Grader diagnostics" not in proc.stdout


def test_demo_grades_reference_and_stub_side_by_side():
    proc = run_cli("demo", "--kit", str(KIT))
    assert proc.returncode == 0, proc.stderr
    assert "reference" in proc.stdout and "stub" in proc.stdout
    total = next(line for line in proc.stdout.splitlines() if line.startswith("total"))
    assert total.split()[1:] == [f"{STAGE1_POINTS:g}/{STAGE1_POINTS:g}", f"0/{STAGE1_POINTS:g}"]


def test_grade_writes_results_even_for_garbage(tmp_path):
    """Is results.json written (exit 0) for an upload that is not Python at all?"""
    upload = tmp_path / "correlate.py"
    upload.write_bytes(b"\x00\xff\xfe garbage \x89PNG")
    out = tmp_path / "results.json"
    proc = run_cli("grade", "1", str(upload), "-o", str(out), "--kit", str(KIT))
    assert proc.returncode == 0
    assert Path(out).exists() and '"score": 0' in out.read_text()


def test_validate_exits_non_zero_when_a_check_fails(tmp_path):
    from tests.support import write_kit

    write_kit(tmp_path, reference_body="return x")
    result = CliRunner().invoke(cli.main, ["validate", "demo", "--kit", str(tmp_path)])
    assert result.exit_code == 1
    assert "FAIL reference scores full marks" in result.output
    assert "SOME CHECKS FAILED" in result.output


@pytest.mark.parametrize("stage", all_stages(), ids=lambda s: s.id)
def test_list_shows_the_points_the_results_total(stage):
    """Does `cnngrade list` count what a grading's results add up to (parametrised tests,
    @weight, tests without a points entry, the banned-API check)?"""
    result = CliRunner().invoke(cli.main, ["list"])
    assert result.exit_code == 0, result.output
    line = next(row for row in result.output.splitlines() if f" {stage.id} " in row)
    graded = grade(stage, stage.stub).max_score
    assert line.endswith(f"({graded:g} points)"), (line, graded)


class Recorder:
    """A stand-in for a core function: records its arguments, returns ``value``."""

    def __init__(self, value=None):
        self.value, self.calls = value, []

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return self.value


def invoke(*args):
    from click.testing import CliRunner

    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


def test_build_forwards_the_stage_and_folder(monkeypatch, tmp_path):
    from types import SimpleNamespace

    fake = Recorder(SimpleNamespace(files=["setup.sh"], path=tmp_path / "z.zip", size=2048))
    monkeypatch.setattr(cli, "build", fake)
    result = invoke("build", "2", "-o", str(tmp_path), "--kit", str(KIT))
    assert result.exit_code == 0, result.output
    [(stage, out_dir), _] = fake.calls[0]
    assert stage.id == "padding" and out_dir == tmp_path
    assert "z.zip (2.0 KiB, 1 files)" in result.output


def test_batch_forwards_entries_jobs_and_folders(monkeypatch, tmp_path):
    from types import SimpleNamespace

    (tmp_path / "subs" / "ada").mkdir(parents=True)
    entries = [SimpleNamespace(name="ada")]
    monkeypatch.setattr(cli, "discover", Recorder(entries))
    report = SimpleNamespace(outcomes=[1], seconds=2.0, per_minute=30.0)
    run, write = Recorder(report), Recorder()
    monkeypatch.setattr(cli, "run_batch", run)
    monkeypatch.setattr(cli, "write_csv", write)
    out = tmp_path / "out" / "scores.csv"
    result = invoke("batch", "pooling", str(tmp_path / "subs"), "-o", str(out), "-j", "3",
                    "--kit", str(KIT))  # fmt: skip
    assert result.exit_code == 0, result.output
    (stage, got, results_dir, jobs, _), _ = run.calls[0]
    assert (stage.id, got, results_dir, jobs) == (
        "pooling",
        entries,
        out.parent / "scores-results",
        3,
    )
    assert write.calls == [((report, out), {})]


def test_batch_forwards_the_scheduler_and_writes_the_report_from_the_results(monkeypatch, tmp_path):
    from types import SimpleNamespace

    (tmp_path / "subs" / "ada").mkdir(parents=True)
    monkeypatch.setattr(cli, "discover", Recorder([SimpleNamespace(name="ada")]))
    report = SimpleNamespace(outcomes=[1], seconds=2.0, per_minute=30.0)
    run, note, page, rows = Recorder(report), Recorder("NOTE"), Recorder(), Recorder(["row"])
    monkeypatch.setattr(cli, "run_batch", run)
    monkeypatch.setattr(cli, "write_csv", Recorder())
    monkeypatch.setattr(cli, "cluster_note", note)
    monkeypatch.setattr(cli, "write_report", page)
    monkeypatch.setattr(cli, "require_matplotlib", Recorder())
    monkeypatch.setattr(cli, "submissions_of", rows)
    html = tmp_path / "class.html"
    result = invoke("batch", "1", str(tmp_path / "subs"), "--scheduler", "tls://sched:8786",
                    "--report", str(html), "--kit", str(KIT))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert note.calls == [(("tls://sched:8786",), {})] and "NOTE" in result.output
    assert run.calls[0][1] == {"scheduler": "tls://sched:8786"}
    assert rows.calls == [((report,), {})]
    [((path, submissions, title), _)] = page.calls
    assert (path, submissions) == (html, ["row"]) and title.startswith("correlate2d: ")
    assert f"report: {html}" in result.output


@pytest.mark.parametrize(("command", "core"), [("calibrate", "calibrate"),
                                               ("validate", "validate")])  # fmt: skip
def test_timing_commands_forward_the_stage_and_exit_1_on_a_failure(monkeypatch, command, core):
    from types import SimpleNamespace

    failing = [SimpleNamespace(ok=False)]
    monkeypatch.setattr(cli, core, Recorder(failing))
    monkeypatch.setattr(cli, "zoo_table" if core == "calibrate" else "checks_table",
                        lambda rows: "TABLE")  # fmt: skip
    result = invoke(command, "correlate2d", "--kit", str(KIT))
    assert result.exit_code == 1 and "TABLE" in result.output
    [((stage, *_), _)] = getattr(cli, core).calls
    assert stage.id == "correlate2d"
