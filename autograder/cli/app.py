"""The ``cnngrade`` command line: option parsing only; the work happens in the core."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from autograder import __version__
from autograder.authoring.calibration import (
    PARTS,
    calibrate,
    calibrate_student,
    steps,
    validate,
    zoo_members,
)
from autograder.cli.report import (
    checks_table,
    score_table,
    side_by_side,
    student_zoo_table,
    zoo_table,
)
from autograder.course.config import describe_keys
from autograder.course.kit import find_kit
from autograder.course.stages import all_stages, get_stage
from autograder.errors import CnngradeError
from autograder.grading.batch import discover, run_batch, write_csv
from autograder.grading.classreport import require_matplotlib, submissions_of, write_report
from autograder.grading.cluster import cluster_note
from autograder.grading.runner import (
    GradingOptions,
    grade,
    grade_to_file,
    public_only,
    stage_points,
)
from autograder.intake.pack import bundle, inspect
from autograder.packaging.build import build
from autograder.sandbox.faults import SandboxUnavailable

F = TypeVar("F", bound=Callable[..., Any])

KIT_HELP = "the course kit folder (with assignments/); default: found from here or CNNGRADE_KIT"


def kit_option(func: F) -> F:
    return click.option(
        "--kit", type=click.Path(file_okay=False, path_type=Path), default=None, help=KIT_HELP
    )(func)


class _Commands(click.Group):
    """The one boundary where a domain error (bad kit, unknown stage, a zip that cannot be
    built...) or an operating-system one (an output folder that cannot be written) becomes
    a one-line ``Error: ...`` and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (CnngradeError, SandboxUnavailable) as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:  # an unwritable output, a file where a folder should be...
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cnngrade")
def main() -> None:
    """cnngrade: grade the CNN course's assignments, locally or on Gradescope."""


@main.command("list")
@click.option("--keys", is_flag=True, help="list every assignment.toml key with its meaning")
@kit_option
def list_stages(keys: bool, kit: Path | None) -> None:
    """List the stages, their functions and points."""
    if keys:
        for key, doc in describe_keys():
            click.echo(f"{key}\n    {doc}")
        return
    stages = all_stages(kit)
    for stage in stages:
        config = stage.config
        points = stage_points(stage)
        click.echo(f"{config.number}  {config.id:<12} {config.title}  ({points:g} points)")
        click.echo(f"   submit {config.module}: {', '.join(config.functions)}")


@main.command("grade")
@click.argument("stage")
@click.argument("submission", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("results.json"), show_default=True,
              help="where to write the Gradescope results JSON")  # fmt: skip
@click.option(
    "--details/--no-details",
    default=True,
    show_default=True,
    help="print each failing test's message under the table",
)
@click.option("--time-limit", type=click.FloatRange(min=1), default=None,
              help="stop after this many seconds, reporting the remaining tests as not run "
                   "(as on Gradescope, where the stage's deadline applies)")  # fmt: skip
@kit_option
def grade_command(stage: str, submission: Path, output: Path, details: bool,
                  time_limit: float | None, kit: Path | None) -> None:  # fmt: skip
    """Grade SUBMISSION (a folder, .zip or .py) with public and hidden tests.

    Writes Gradescope's results.json and prints a table. Exits 0 whenever results were
    written, whatever the score.
    """
    options = GradingOptions(time_budget=time_limit)
    results = grade_to_file(get_stage(stage, kit), submission, output, options)
    click.echo(score_table(results, details=details))
    click.echo(f"results written to {output}")


@main.command("check")
@click.argument("stage")
@click.argument("path", required=False, default=".", type=click.Path(exists=True, path_type=Path))
@kit_option
def check_command(stage: str, path: Path, kit: Path | None) -> None:
    """Run the public tests on your work in PATH (default: this folder).

    Exits non-zero while any public test fails.
    """
    results = public_only(grade(get_stage(stage, kit), path, GradingOptions(include_hidden=False)))
    if results.output:
        click.echo(results.output)
        click.echo()
    click.echo(score_table(results, details=True))
    failed = [t for t in results.tests if not t.passed]
    if failed:
        click.echo(f"\n{len(failed)} public test(s) failing. The hidden tests check more cases.")
        sys.exit(1)
    click.echo("\nAll public tests pass. Remember: the hidden tests check more cases and speed.")


@main.command("calibrate")
@click.argument("stage")
@click.option(
    "--student",
    is_flag=True,
    help="run the students' speed feedback (the template's tests/speedcheck.py: speed-up "
    "over a plain double loop) over the zoo instead of the graded timing",
)
@kit_option
def calibrate_command(stage: str, student: bool, kit: Path | None) -> None:
    """Time the stage's zoo of implementations against the reference.

    Prints each member's CPU-time ratio, the verdict the speed test gives it, and its margin
    to the configured limit (how many times under it for "pass", over it for "fail").
    With --student, the same for the students' local speed feedback.
    """
    chosen = get_stage(stage, kit)
    if not chosen.zoo:
        raise click.ClickException(f"stage {chosen.id} has no zoo/ folder to calibrate")
    label = f"{'speed feedback on' if student else 'timing'} {chosen.id}'s zoo"
    with _progress(len(zoo_members(chosen)), label) as advance:
        if student:
            feedback = calibrate_student(chosen, advance)
            table, ok = student_zoo_table(feedback), all(o.ok for o in feedback)
        else:
            outcomes = calibrate(chosen, advance)
            table, ok = zoo_table(outcomes), all(o.ok for o in outcomes)
    click.echo(table)
    if not ok:
        sys.exit(1)


@main.command("validate")
@click.argument("stage", required=False)
@click.option(
    "--only",
    "parts",
    type=click.Choice(PARTS),
    multiple=True,
    help="run only these checks (repeatable): the reference and stub, the speed zoo, or "
    "the mistakes zoo",
)
@kit_option
def validate_command(stage: str | None, parts: tuple[str, ...], kit: Path | None) -> None:
    """Check stages before release: the reference scores full marks, the stub zero, every
    zoo member gets the speed verdict it declares, and every mistake loses exactly the
    tests it declares, with its hint. Exits 1 if anything fails."""
    stages = [get_stage(stage, kit)] if stage else all_stages(kit)
    chosen_parts = parts or PARTS
    all_ok = True
    for chosen in stages:
        with _progress(steps(chosen, chosen_parts), f"validating {chosen.id}") as advance:
            checks = validate(chosen, advance, chosen_parts)
        click.echo(f"stage {chosen.config.number} {chosen.id}")
        click.echo(checks_table(checks))
        all_ok &= all(c.ok for c in checks)
    click.echo("all checks passed" if all_ok else "SOME CHECKS FAILED")
    if not all_ok:
        sys.exit(1)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr; yields the callback the core calls per step."""
    with click.progressbar(length=total, label=label, file=sys.stderr,
                           item_show_func=lambda item: item) as bar:  # fmt: skip

        def advance(item: str) -> None:
            bar.update(1, item)

        yield advance


@main.command("build")
@click.argument("stage")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("dist"), show_default=True, help="folder for the zip")  # fmt: skip
@kit_option
def build_command(stage: str, out_dir: Path, kit: Path | None) -> None:
    """Build the Gradescope autograder zip for STAGE.

    Upload the zip as the assignment's autograder ("Zip file upload"). It holds setup.sh,
    run_autograder, pinned requirements, the framework wheel, the stage's tests (hidden
    ones included) and its reference solution.
    """
    report = build(get_stage(stage, kit), out_dir)
    for name in report.files:
        click.echo(f"  {name}")
    click.echo(f"{report.path} ({report.size / 1024:.1f} KiB, {len(report.files)} files)")


@main.command("batch")
@click.argument("stage")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("scores.csv"),
    show_default=True,
    help="the CSV to write",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="submissions graded in parallel",
)
@click.option(
    "--results-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="where each submission's results JSON goes (default: next to the CSV)",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="also write a self-contained HTML report of the class (needs cnngrade[report])",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="grade on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786, "
    "tls://...; needs cnngrade[cluster]); -j does not apply",
)
@kit_option  # fmt: skip
def batch_command(stage: str, folder: Path, output: Path, jobs: int, results_dir: Path | None,
                  report: Path | None, scheduler: str | None,
                  kit: Path | None) -> None:  # fmt: skip
    """Regrade every submission in FOLDER (a folder of submissions or an unzipped Gradescope
    export) and write a CSV with one row per submission and one column per test."""
    chosen = get_stage(stage, kit)
    if report is not None:
        require_matplotlib()  # before the grading, not after
    if scheduler is not None:
        note = cluster_note(scheduler)
        if note:
            click.echo(note, err=True)
    entries = discover(folder)
    if not entries:
        raise click.ClickException(f"no submissions found in {folder}")
    out_dir = results_dir or output.parent / f"{output.stem}-results"
    with _progress(len(entries), f"grading {len(entries)} submissions") as advance:
        done = run_batch(chosen, entries, out_dir, jobs, advance, scheduler=scheduler)
    write_csv(done, output)
    where = f"on {scheduler}" if scheduler else f"-j {jobs}"
    click.echo(f"graded {len(done.outcomes)} submissions in {done.seconds:.1f} s "
               f"({done.per_minute:.0f} per minute, {where})")  # fmt: skip
    click.echo(f"scores: {output}; results: {out_dir}/")
    if report is not None:
        write_report(report, submissions_of(done), f"{chosen.id}: {chosen.config.title}")
        click.echo(f"report: {report}")


@main.command("pack")
@click.argument("stage")
@click.argument("path", required=False, default=".", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="the zip to write (default: STAGE-submission.zip here)")  # fmt: skip
@kit_option
def pack_command(stage: str, path: Path, output: Path | None, kit: Path | None) -> None:
    """Check your module and bundle exactly what to upload to Gradescope.

    Checks that it parses and defines every required function with the template's
    arguments; warns about functions that still raise NotImplementedError.
    """
    chosen = get_stage(stage, kit)
    report = inspect(chosen, path)
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not report.ok:
        raise click.ClickException("nothing was packed: fix the errors above first")
    target = bundle(report, output or Path(f"{chosen.id}-submission.zip"))
    for name, _ in report.files:
        click.echo(f"  {name}")
    click.echo(f"wrote {target}: upload this file to Gradescope")


@main.command("release")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="where to write the template (default: the kit's student_template/)",
)
@click.option(
    "--check",
    is_flag=True,
    help="write nothing; fail if the template differs from what release generates",
)
@kit_option  # fmt: skip
def release_command(out_dir: Path | None, check: bool, kit: Path | None) -> None:
    """Generate the student template from solutions/ and assignments/.

    Stubs come from the reference's solution markers, public tests are copied unchanged,
    and the handouts, their figures (drawn from the reference with matplotlib: pip install
    'cnngrade[figures]'), README, requirements and notebooks are written beside them.
    """
    from autograder.authoring import release  # nbformat: only for this command

    root = find_kit(kit)
    generated = release.generate(root)
    target = out_dir or release.default_target(root)
    if check:
        differences = release.compare(generated, target)
        for difference in differences:
            click.echo(f"  {difference.problem:>13}: {difference.path}{difference.detail}")
        if differences:
            raise click.ClickException(
                f"{target} is stale ({len(differences)} files); run `cnngrade release`"
            )
        click.echo(f"{target} is up to date ({len(generated.files)} files)")
        return
    removed = release.write(generated, target)
    for path in removed:
        click.echo(f"  removed stale {path}")
    click.echo(f"wrote {len(generated.files)} files to {target}")


@main.command("new")
@click.argument("stage_id", metavar="ID")
@click.option("--title", default=None, help="the stage's title (default: from ID)")
@kit_option
def new_command(stage_id: str, title: str | None, kit: Path | None) -> None:
    """Scaffold a new stage ID in the kit: assignments/ID/ and solutions/cnnlab/ID.py.

    The stage is a small working example (ReLU and its gradient) with every part a stage
    has: assignment.toml with every key documented, a handout, public and hidden tests,
    timing.py, a speed zoo (zoo/) and a mistakes zoo (mistakes/), and a reference with
    solution markers. `cnngrade validate ID` accepts it as written. An id that is taken or
    is not a valid module name is refused, and nothing is written.
    """
    from autograder.authoring import scaffold

    root = find_kit(kit)
    made, written = scaffold.create(root, stage_id, title)
    click.echo(f"created stage {made.number} {made.stage_id} ({made.title}):")
    for path in written:
        click.echo(f"  {path.relative_to(root)}")
    steps = {
        f"cnngrade validate {made.stage_id}": "the example passes every check",
        f"cnngrade calibrate {made.stage_id}": "the speed zoo's margins, after editing timing.py",
        "cnngrade release": "the students' template: stub, public tests, notebook",
        f"cnngrade build {made.stage_id}": "the Gradescope zip",
    }
    width = max(map(len, steps))
    click.echo("next: edit the files into your stage, then")
    for command, what in steps.items():
        click.echo(f"  {command:<{width}}  {what}")


@main.command("demo")
@kit_option
def demo_command(kit: Path | None) -> None:
    """Grade stage 1's reference solution and its empty stub side by side."""
    stage = get_stage("1", kit)
    click.echo(f"Grading stage {stage.config.number} ({stage.config.title}): "
               "the reference solution and the student stub…\n")  # fmt: skip
    columns = {
        "reference": grade(stage, stage.reference),
        "stub": grade(stage, stage.stub),
    }
    click.echo(side_by_side(columns))


if __name__ == "__main__":  # pragma: no cover
    main()
