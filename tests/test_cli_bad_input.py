"""Every command answers bad input with one clear line and a non-zero exit, never a
traceback: an unknown stage, a missing kit, a file where a folder is expected, an output
that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.cli import main
from tests.support import KIT

REFERENCE = str(KIT / "solutions" / "cnnlab" / "correlate.py")
UNWRITABLE = "/proc/cnngrade-cannot-write-here"  # /proc takes no new files, even from root
KIT_ARG = ["--kit", str(KIT)]

CASES = {
    "list: missing kit": ["list", "--kit", "/nonexistent-kit"],
    "list: kit is a file": ["list", "--kit", REFERENCE],
    "grade: unknown stage": ["grade", "nosuch", REFERENCE, *KIT_ARG],
    "grade: missing submission": ["grade", "correlate2d", "/nonexistent.py", *KIT_ARG],
    "grade: unwritable output": ["grade", "correlate2d", REFERENCE, "-o",
                                 f"{UNWRITABLE}/results.json", *KIT_ARG],
    "check: unknown stage": ["check", "nosuch", *KIT_ARG],
    "check: missing kit": ["check", "correlate2d", "--kit", "/nonexistent-kit"],
    "pack: unknown stage": ["pack", "nosuch", *KIT_ARG],
    "pack: unwritable output": ["pack", "correlate2d", str(KIT / "solutions"), "-o",
                                f"{UNWRITABLE}/up.zip", *KIT_ARG],
    "build: unknown stage": ["build", "nosuch", *KIT_ARG],
    "build: output is a file": ["build", "correlate2d", "-o", REFERENCE, *KIT_ARG],
    "build: unwritable output": ["build", "correlate2d", "-o", UNWRITABLE, *KIT_ARG],
    "release: missing kit": ["release", "--kit", "/nonexistent-kit"],
    "release: unwritable output": ["release", "-o", UNWRITABLE, *KIT_ARG],
    "validate: unknown stage": ["validate", "nosuch", *KIT_ARG],
    "validate: missing kit": ["validate", "--kit", "/nonexistent-kit"],
    "calibrate: unknown stage": ["calibrate", "nosuch", *KIT_ARG],
    "batch: unknown stage": ["batch", "nosuch", str(KIT), *KIT_ARG],
    "batch: missing folder": ["batch", "correlate2d", "/nonexistent-folder", *KIT_ARG],
    "demo: missing kit": ["demo", "--kit", "/nonexistent-kit"],
    "new: missing kit": ["new", "sixth", "--kit", "/nonexistent-kit"],
    "new: the id of a stage": ["new", "correlate2d", *KIT_ARG],
    "new: not a module name": ["new", "my-stage", *KIT_ARG],
}  # fmt: skip


@pytest.mark.parametrize("args", list(CASES.values()), ids=list(CASES))
def test_bad_input_gets_one_line_and_no_traceback(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing is written into the checkout
    result = CliRunner().invoke(main, args)
    text = result.output
    assert result.exit_code != 0, text
    # a ClickException ends as SystemExit; anything else escaped the CLI as a traceback
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in text
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, text
    assert len(errors[0]) > len("Error: ") + 10  # says something


def test_every_command_is_covered():
    assert {args[0] for args in CASES.values()} == set(main.commands)
    assert Path(REFERENCE).is_file()
