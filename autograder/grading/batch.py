"""``cnngrade batch``: regrade a whole class on one machine.

Input is a folder of submissions (subfolders, ``.zip``, ``.py`` or ``.ipynb`` files) or an
unzipped Gradescope "Export Submissions" archive (``submission_<id>/`` folders and a
``submission_metadata.yml``; a per-folder ``submission_metadata.json`` is read too). Each
submission is graded in its own ``cnngrade grade`` process, so nothing one submission does
can stop or corrupt the others; results land in one JSON file per submission and a CSV.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import queue
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from autograder.course.stages import Stage
from autograder.grading.results import (
    GradingEvents,
    GradingResults,
    store_results_json,
    write_results,
)
from autograder.sandbox.users import USER_ENV, job_accounts

UPLOAD_SUFFIXES = {".zip", ".py", ".ipynb"}


@dataclass(frozen=True)
class Entry:
    id: str
    path: Path
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass
class Outcome:
    entry: Entry
    results: GradingResults
    seconds: float


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_minute(self) -> float:
        return 60.0 * len(self.outcomes) / max(self.seconds, 1e-9)


def discover(folder: Path) -> list[Entry]:
    """The submissions in ``folder``, with names and emails where metadata has them."""
    export = _export_metadata(folder / "submission_metadata.yml")
    entries = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.startswith("submission_metadata"):
            continue
        if not (path.is_dir() or path.suffix.lower() in UPLOAD_SUFFIXES):
            continue
        names, emails = export.get(path.name, ((), ()))
        own = path / "submission_metadata.json" if path.is_dir() else None
        if own is not None and own.is_file() and not names:
            names, emails = _users(_read_json(own).get("users", []), "name", "email")
        entries.append(Entry(path.stem if path.is_file() else path.name, path, names, emails))
    return entries


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _users(users: Any, name_key: str, email_key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(users, list):
        return (), ()
    people = [u for u in users if isinstance(u, dict)]
    names = tuple(str(u.get(name_key, "")) for u in people)
    return names, tuple(str(u.get(email_key, "")) for u in people)


def _export_metadata(path: Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Names and emails per submission folder from a Gradescope export's YAML, if readable."""
    if not path.is_file():
        return {}
    try:
        import yaml  # optional: only needed for Gradescope exports
    except ImportError:
        print(f"note: install PyYAML to read names from {path}", file=sys.stderr)
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    out = {}
    for key, meta in (data or {}).items():
        if isinstance(meta, dict):
            submitters = meta.get(":submitters", meta.get("submitters", []))
            out[str(key)] = _users(submitters, ":name", ":email")
            if not any(out[str(key)][0]):
                out[str(key)] = _users(submitters, "name", "email")
    return out


@dataclass(frozen=True)
class Slot:
    """Where one concurrent job runs: its own sandbox account (as root) and its own CPU."""

    account: str | None
    cpus: set[int] | None


def slots(jobs: int) -> list[Slot]:
    """One slot per concurrent job. Jobs never share an account (a submission could kill or
    read its neighbours' workers otherwise) and share a CPU only when there are more jobs
    than CPUs (speed tests pin a job's workers to its first CPU)."""
    accounts = job_accounts(jobs) if jobs > 1 else None
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return [Slot(accounts[i] if accounts else None, {cpus[i % len(cpus)]} if cpus else None)
            for i in range(jobs)]  # fmt: skip


def grade_command(stage_id: str, upload: Path, target: Path, kit: Path | None) -> list[str]:
    """The ``cnngrade grade`` command that grades ``upload`` into ``target``."""
    kit_args = ["--kit", str(kit)] if kit is not None else []
    return [sys.executable, "-m", "autograder.cli", "grade", stage_id, str(upload),
            "-o", str(target), *kit_args, "--no-details"]  # fmt: skip


#: how a grading process ended without readable results (:attr:`GradingEvents.batch`)
TIMED_OUT, CRASHED, NO_RESULTS = "timed out", "crashed", "no results"


@dataclass(frozen=True)
class Ending:
    """How one grading process ended: ``kind`` "" when it exited 0, else one of the above."""

    kind: str = ""
    detail: str = ""  # for staff


def run_grade(command: list[str], timeout: float, slot: Slot | None = None) -> Ending:
    """Run one ``cnngrade grade`` process in ``slot`` (its account and CPU), stopped after
    ``timeout`` seconds."""
    env = dict(os.environ)
    if slot is not None and slot.account:
        env[USER_ENV] = slot.account
    try:
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env) as proc:  # fmt: skip
            if slot is not None and slot.cpus:  # before it starts any worker (~0.1 s away)
                with contextlib.suppress(OSError):
                    os.sched_setaffinity(proc.pid, slot.cpus)
            try:
                _, stderr = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                raise
    except subprocess.TimeoutExpired:
        return Ending(TIMED_OUT, f"grading took longer than {timeout:g} s and was stopped")
    if proc.returncode != 0:
        return Ending(CRASHED, f"cnngrade grade exited with {proc.returncode}:\n{stderr[-4000:]}")
    return Ending()


def accept(entry: Entry, text: str | None, ending: Ending, seconds: float,
           out_dir: Path) -> Outcome:  # fmt: skip
    """The trusted side's verdict on one grading: the results document ``text`` its process
    wrote (``None``: it wrote none), checked and stored as ``out_dir/<id>.json``; where there
    is no readable document, results that say so (and how the process ended)."""
    target = out_dir / f"{entry.id}.json"
    try:
        if text is None:
            raise ValueError("no results file")
        results = store_results_json(text, target)
    except ValueError as exc:
        problem = ending.detail or f"no readable results: {exc}"
        results = GradingResults.grader_failure("This submission could not be graded.", problem)
        results = results.with_events(replace(GradingEvents.of(results),
                                              batch=ending.kind or NO_RESULTS))  # fmt: skip
        write_results(results, target)
    return Outcome(entry, results, seconds)


def grade_in_process(
    stage_id: str, upload: Path, target: Path, kit: Path | None, timeout: float, slot: Slot | None
) -> tuple[str | None, Ending, float]:
    """Grade ``upload`` in a fresh ``cnngrade grade`` process writing ``target``: the
    document it wrote (``None``: none, or not UTF-8), how it ended, and the seconds it took.
    Nothing is checked here: :func:`accept` does that, on the trusted side."""
    started = time.monotonic()
    ending = run_grade(grade_command(stage_id, upload, target, kit), timeout, slot)
    seconds = time.monotonic() - started
    try:
        text: str | None = target.read_text(encoding="utf-8")
    except (OSError, ValueError):  # missing, or not UTF-8
        text = None
    return text, ending, seconds


def grade_one(stage: Stage, entry: Entry, out_dir: Path, timeout: float,
              slot: Slot | None = None) -> Outcome:  # fmt: skip
    """Grade one submission in a fresh process; whatever happens, return results."""
    target = out_dir / f"{entry.id}.json"
    text, ending, seconds = grade_in_process(stage.id, entry.path, target, stage.kit,
                                             timeout, slot)  # fmt: skip
    return accept(entry, text, ending, seconds, out_dir)


def run_batch(
    stage: Stage,
    entries: list[Entry],
    out_dir: Path,
    jobs: int = 2,
    progress: Callable[[str], None] | None = None,
    scheduler: str | None = None,
) -> BatchReport:
    """Grade ``entries`` into ``out_dir``: ``jobs`` at a time on this machine, or, with the
    address of a Dask ``scheduler``, on that cluster's workers (:mod:`.cluster`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if scheduler is not None:
        from autograder.grading.cluster import run_on_cluster  # needs the optional extra

        return run_on_cluster(stage, entries, out_dir, scheduler, progress)
    timeout = stage.config.gradescope.timeout
    jobs = max(1, jobs)
    free: queue.SimpleQueue[Slot] = queue.SimpleQueue()
    for slot in slots(jobs):
        free.put(slot)

    def job(entry: Entry) -> Outcome:
        slot = free.get()  # a slot is free whenever a pool thread runs: jobs == slots
        try:
            return grade_one(stage, entry, out_dir, timeout, slot)
        finally:
            free.put(slot)

    started = time.monotonic()
    report = BatchReport()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(job, e): e for e in entries}
        for future in as_completed(futures):
            report.outcomes.append(future.result())
            if progress:
                progress(futures[future].id)
    report.outcomes.sort(key=lambda o: o.entry.id)
    report.seconds = time.monotonic() - started
    return report


def write_csv(report: BatchReport, path: Path) -> Path:
    """One row per submission: id, names, emails, total, then one column per test."""
    columns: list[str] = []
    for outcome in report.outcomes:
        for test in outcome.results.tests:
            if not test.staff and test.name not in columns:
                columns.append(test.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission_id", "names", "emails", "total", "max", *columns])
        for outcome in report.outcomes:
            scores = {t.name: t.score for t in outcome.results.tests}
            writer.writerow([
                outcome.entry.id,
                "; ".join(outcome.entry.names),
                "; ".join(outcome.entry.emails),
                f"{outcome.results.score:g}",
                f"{outcome.results.max_score:g}",
                *(f"{scores[c]:g}" if c in scores else "" for c in columns),
            ])  # fmt: skip
    return path
