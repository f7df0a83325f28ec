"""The stages' own tests follow the message rules: every failure says what went wrong."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autograder.course.stages import all_stages

TEST_FILES = sorted(
    path
    for stage in all_stages()
    for folder in (stage.public_tests, stage.hidden_tests)
    for path in folder.rglob("*.py")
)


def bare_asserts(source: str) -> list[int]:
    """Lines of ``assert`` statements without a message."""
    tree = ast.parse(source)
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert) and not node.msg]


def test_the_scanner_finds_a_bare_assert():
    assert bare_asserts("def test_x():\n    assert 1 == 2\n    assert 1, 'why'\n") == [2]


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: f"{p.parts[-4]}/{p.parts[-2]}/{p.name}")
def test_no_bare_assert_in_a_stage_test(path: Path):
    """A bare assert shows "An assertion failed (the test gave no message)" to the student."""
    lines = bare_asserts(path.read_text(encoding="utf-8"))
    assert not lines, f"{path}: assert without a message on line(s) {lines}"
