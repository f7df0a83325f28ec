"""Shared fixtures; what tests and benchmarks import lies in tests/support.py."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from autograder.course.stages import Stage, get_stage
from tests.support import KIT, LENET_REFERENCE, build_submission, load_results, run_cli


@pytest.fixture(scope="session")
def lenet_lab() -> Any:
    """The stage-5 reference module, imported in this process (needs torch)."""
    pytest.importorskip("torch")
    spec = importlib.util.spec_from_file_location("cnngrade_tests_lenet", LENET_REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def stage1() -> Stage:
    return get_stage("correlate2d", KIT)


@pytest.fixture
def make_submission(tmp_path: Path) -> Callable[[str], Path]:
    return lambda variant: build_submission(tmp_path / "submissions", variant)


@pytest.fixture(scope="session")
def grade_cached(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict]:
    """Grade a variant once per test session through the real CLI; return results.json
    with its outputs as text (the file itself, Markdown, under ``"_file"``)."""
    cache: dict[str, dict] = {}
    root = tmp_path_factory.mktemp("graded")

    def grade(variant: str) -> dict:
        if variant not in cache:
            upload = build_submission(root / "uploads", variant)
            out = root / f"{variant}.json"
            proc = run_cli("grade", "correlate2d", str(upload), "-o", str(out), "--kit", str(KIT))
            assert proc.returncode == 0, proc.stderr
            cache[variant] = load_results(out)
            cache[variant]["_file"] = json.loads(out.read_text())
            cache[variant]["_stdout"] = proc.stdout
        return cache[variant]

    return grade


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files (tests/golden/) from what the code produces now",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
