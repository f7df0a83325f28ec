"""The stages of the course as the kit defines them: configs plus the paths around them."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from autograder.course.config import CONFIG_NAME, AssignmentConfig, load_config
from autograder.course.kit import ASSIGNMENTS, SOLUTIONS, TEMPLATE, find_kit
from autograder.errors import ConfigError, UnknownStageError


def load_module(path: Path, name: str) -> ModuleType:
    """Import the Python file ``path`` as the module ``name`` (a kit's own file: a stage's
    ``timing.py`` or ``figures.py``, or a reference solution; never student code)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Stage:
    """One assignment folder of a kit."""

    kit: Path
    directory: Path

    @cached_property
    def config(self) -> AssignmentConfig:
        return load_config(self.directory / CONFIG_NAME)

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def public_tests(self) -> Path:
        return self.directory / "tests" / "public"

    @property
    def hidden_tests(self) -> Path:
        return self.directory / "tests" / "hidden"

    @property
    def handout(self) -> Path:
        return self.directory / self.config.handout

    @property
    def reference(self) -> Path:
        """The reference module (instructors only)."""
        return self.kit / SOLUTIONS / self.config.module

    @property
    def zoo(self) -> list[Path]:
        """Calibration implementations (``zoo/*.py``), each declaring ``EXPECTED``; a file
        starting with ``_`` (``zoo/_shared.py``: what several members share) is not one."""
        return sorted(
            p for p in (self.directory / "zoo").glob("*.py") if not p.name.startswith("_")
        )

    @cached_property
    def timing_inputs(self) -> dict[str, Callable[[Any], tuple[Any, ...]]]:
        """Input makers for the speed tests, from the stage's ``timing.py``.

        ``timing.py`` defines ``INPUTS = {"function": make}`` where ``make(rng)`` returns the
        positional arguments of one call. Every timed function in the config needs one.
        """
        path = self.directory / "timing.py"
        timed = set(self.config.grading.timing)
        if not timed:
            return {}
        if not path.exists():
            raise ConfigError(path, None, f"missing: the config times {sorted(timed)}")
        module = load_module(path, f"cnngrade_timing_{self.config.id}")
        inputs = getattr(module, "INPUTS", None)
        if not isinstance(inputs, dict):
            raise ConfigError(path, "INPUTS", "define INPUTS = {'function': make_inputs}")
        for function in sorted(timed - set(inputs)):
            raise ConfigError(path, f"INPUTS.{function}", "no input maker for a timed function")
        return inputs

    @property
    def stub(self) -> Path:
        """The student stub as shipped in the template."""
        return self.kit / TEMPLATE / self.config.module


def all_stages(kit: Path | None = None) -> list[Stage]:
    root = find_kit(kit)
    found = [
        Stage(root, path.parent) for path in sorted((root / ASSIGNMENTS).glob(f"*/{CONFIG_NAME}"))
    ]
    return sorted(found, key=lambda stage: stage.config.number)


def get_stage(stage_id: str | int, kit: Path | None = None) -> Stage:
    """Find a stage by id (``correlate2d``) or number (``1``)."""
    stages = all_stages(kit)
    wanted = str(stage_id).strip().lower()
    for stage in stages:
        if wanted in (stage.config.id.lower(), str(stage.config.number)):
            return stage
    known = ", ".join(f"{s.config.number} {s.config.id}" for s in stages) or "none"
    raise UnknownStageError(f"unknown stage '{stage_id}'; the kit has: {known}")
