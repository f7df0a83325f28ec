"""Inside Gradescope's container: the one place that knows the ``/autograder`` layout.

``run_autograder`` calls ``python -m autograder.grading.gradescope run STAGE``. It grades
``/autograder/submission`` with the kit unpacked in ``/autograder/source/kit`` and always
writes ``/autograder/results/results.json``: on success, on a grader failure, and (through
``fallback``, called by ``run_autograder`` if this process dies or overruns) when nothing
else could.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT_ENV = "CNNGRADE_AUTOGRADER_ROOT"  # tests point this at a fake tree; Gradescope never sets it
FALLBACK_MESSAGE = (
    "The autograder did not finish in time or stopped unexpectedly, so this submission was "
    "not graded. Your instructor can see the details. Please resubmit; if it happens again, "
    "contact your instructor."
)


@dataclass(frozen=True)
class Layout:
    root: Path

    @classmethod
    def detect(cls) -> Layout:
        return cls(Path(os.environ.get(ROOT_ENV, "/autograder")))

    @property
    def submission(self) -> Path:
        return self.root / "submission"

    @property
    def results(self) -> Path:
        return self.root / "results" / "results.json"

    @property
    def metadata(self) -> Path:
        return self.root / "submission_metadata.json"

    @property
    def kit(self) -> Path:
        return self.root / "source" / "kit"


def read_metadata(layout: Layout) -> dict[str, Any]:
    """Gradescope's submission metadata, or ``{}``: it helps, it is never required."""
    try:
        data = json.loads(layout.metadata.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def run(stage_id: str, layout: Layout) -> int:
    # Imported here so that `fallback` works even when the grading side cannot import.
    from autograder.course.stages import get_stage
    from autograder.grading.results import GradingResults, write_results
    from autograder.grading.runner import GradingOptions, grade

    try:
        stage = get_stage(stage_id, layout.kit)
        options = GradingOptions(time_budget=stage.config.gradescope.deadline)
        results = grade(stage, layout.submission, options)
        metadata = read_metadata(layout)
        users = [u.get("name", "") for u in metadata.get("users", []) if isinstance(u, dict)]
        if users:
            results = replace(results, extra_data={**results.extra_data, "users": users})
    except BaseException:  # noqa: BLE001 - whatever happens, Gradescope gets a results file
        results = GradingResults.grader_failure(FALLBACK_MESSAGE, traceback.format_exc())
    write_results(results, layout.results)
    return 0


def fallback(layout: Layout, reason: str) -> int:
    """Write a failure results file unless grading already wrote one."""
    if layout.results.exists():
        try:
            json.loads(layout.results.read_text(encoding="utf-8"))
            return 0
        except (OSError, ValueError):
            pass
    from autograder.grading.results import GradingResults, write_results

    write_results(GradingResults.grader_failure(FALLBACK_MESSAGE, reason), layout.results)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.grading.gradescope")
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="grade /autograder/submission")
    run_parser.add_argument("stage")
    fallback_parser = sub.add_parser("fallback", help="write a failure result if none exists")
    fallback_parser.add_argument("reason")
    args = parser.parse_args(argv)
    layout = Layout.detect()
    if args.command == "run":
        return run(args.stage, layout)
    return fallback(layout, args.reason)


if __name__ == "__main__":
    sys.exit(main())
