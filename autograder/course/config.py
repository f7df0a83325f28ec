"""The assignment config: one TOML file per stage, one typed schema, precise errors.

Every key is declared once in a dataclass field with its description (``metadata``); the
loader checks types, rejects unknown keys with a "did you mean" suggestion, and names the
file and the dotted key in every error.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from autograder.errors import ConfigError
from autograder.sandbox.limits import Limits as Limits  # re-exported: a [limits] table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Gradescope's Python 3.10
    import tomli as tomllib

CONFIG_NAME = "assignment.toml"


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class TimingSpec:
    """A speed test of one student function against the reference."""

    limit: float = field(
        metadata=_doc("fail when student CPU time / reference CPU time exceeds this ratio")
    )
    repeats: int = field(default=5, metadata=_doc("interleaved repetitions; the best counts"))
    hint: str = field(default="", metadata=_doc("what to try when the function is too slow"))


@dataclass(frozen=True)
class GradingSpec:
    """How scores are assigned."""

    default_points: float = field(
        default=1.0, metadata=_doc("points of a test that has neither a config entry nor @weight")
    )
    points: dict[str, float] = field(
        default_factory=dict,
        metadata=_doc(
            "points per test function name; a parametrised test's points are shared equally "
            "among its cases; gradescope-utils' @weight on the test takes precedence"
        ),
    )
    timing: dict[str, TimingSpec] = field(
        default_factory=dict,
        metadata=_doc(
            "speed tests, keyed by student function name; 'function:variant' keys time "
            "the same function on other inputs (e.g. 'pool2d:avg')"
        ),
    )
    tools: str = field(
        default="",
        metadata=_doc(
            "a module whose TOOLS dict holds test helpers that run in the student's worker "
            "(hidden tests call them as submission.tools.NAME), e.g. autograder.lab.labtools; "
            "the worker imports it before dropping privileges; empty: none"
        ),
    )
    keep_objects: bool = field(
        default=False,
        metadata=_doc(
            "results that are not plain data (an nn.Module, a torch.device) stay in the "
            "worker and reach the tests as handles, instead of failing the call"
        ),
    )


@dataclass(frozen=True)
class GradescopeSpec:
    """How the stage runs on Gradescope."""

    timeout: float = field(
        default=600.0,
        metadata=_doc("the assignment's autograder timeout on Gradescope, in seconds"),
    )
    margin: float = field(
        default=60.0,
        metadata=_doc(
            "seconds before that timeout at which grading stops and reports the remaining "
            "tests as not run (results are still written)"
        ),
    )
    requirements: list[str] = field(
        default_factory=list,
        metadata=_doc("extra pinned packages for this stage's image, e.g. 'torch==2.13.0'"),
    )
    torch_index: str = field(
        default="https://download.pytorch.org/whl/cpu",
        metadata=_doc("package index for torch (its CPU wheels), used when torch is required"),
    )

    @property
    def deadline(self) -> float:
        return max(self.timeout - self.margin, self.timeout * 0.5)


@dataclass(frozen=True)
class LeaderboardSpec:
    """An opt-in Gradescope leaderboard column."""

    name: str = field(metadata=_doc("the column's title on Gradescope"))
    metric: str = field(
        metadata=_doc(
            "what to show: 'speed:<function>' (CPU-time ratio to the reference) or the name "
            "of a value a test records with the `record` fixture"
        )
    )
    order: str = field(default="desc", metadata=_doc("'asc' (lower is better) or 'desc'"))


@dataclass(frozen=True)
class AssignmentConfig:
    """One stage of the course: what students submit and how it is graded."""

    id: str = field(metadata=_doc("stage id used on the command line, e.g. 'correlate2d'"))
    number: int = field(
        metadata=_doc("stage number, its place in the course; also accepted on the command line")
    )
    title: str = field(metadata=_doc("human-readable title"))
    module: str = field(
        metadata=_doc("path of the module students submit, e.g. 'cnnlab/correlate.py'")
    )
    functions: list[str] = field(metadata=_doc("functions the module must define"))
    handout: str = field(default="handout.md", metadata=_doc("the handout, relative to the stage"))
    requires: list[str] = field(
        default_factory=lambda: ["numpy"],
        metadata=_doc("Python packages the worker needs at grading time"),
    )
    preload: list[str] = field(
        default_factory=lambda: ["numpy"],
        metadata=_doc("modules the worker imports before dropping privileges"),
    )
    banned: list[str] = field(
        default_factory=list,
        metadata=_doc(
            "dotted names students may not use (a module bans everything below it), e.g. "
            "'scipy.signal.correlate2d' or 'torch'; found in the source and refused at run "
            "time. The test 'no_banned_apis' in [grading.points] gives the check points"
        ),
    )
    grading: GradingSpec = field(default_factory=GradingSpec, metadata=_doc("scoring"))
    limits: Limits = field(default_factory=Limits, metadata=_doc("sandbox limits"))
    gradescope: GradescopeSpec = field(
        default_factory=GradescopeSpec, metadata=_doc("Gradescope settings")
    )
    leaderboard: LeaderboardSpec | None = field(
        default=None, metadata=_doc("an optional leaderboard column (opt-in)")
    )

    @property
    def module_name(self) -> str:
        """Dotted import name of :attr:`module` (``cnnlab/correlate.py`` → ``cnnlab.correlate``)."""
        return self.module.removesuffix(".py").replace("/", ".")

    @property
    def module_basename(self) -> str:
        return Path(self.module).name


T = TypeVar("T")


def load_config(path: Path | str) -> AssignmentConfig:
    """Read and validate one ``assignment.toml``."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"not valid TOML: {exc}") from None
    config = _build(AssignmentConfig, raw, path, prefix="")
    _check_semantics(config, path)
    return config


def _build(cls: type[T], raw: Any, path: Path, prefix: str) -> T:
    if not isinstance(raw, dict):
        key = prefix.rstrip(".") or None
        raise ConfigError(path, key, f"expected a table, got {type(raw).__name__}")
    hints = get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    for key in raw:
        if key not in known:
            guess = difflib.get_close_matches(key, known, n=1)
            suggestion = f"; did you mean '{guess[0]}'?" if guess else ""
            raise ConfigError(path, prefix + key, f"unknown key{suggestion}")
    values: dict[str, Any] = {}
    for name, spec in known.items():
        dotted = prefix + name
        if name not in raw:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise ConfigError(path, dotted, f"required key is missing ({spec.metadata['doc']})")
            continue
        values[name] = _convert(hints[name], raw[name], path, dotted)
    return cls(**values)


def _convert(hint: Any, value: Any, path: Path, key: str) -> Any:
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (Union, UnionType) and type(None) in args:  # an optional table
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, value, path, key)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(path, key, f"expected a number, got {value!r}")
        return float(value)
    if hint in (int, str, bool):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise ConfigError(path, key, f"expected {hint.__name__}, got {value!r}")
        return value
    if origin is list:
        (item,) = get_args(hint)
        if not isinstance(value, list):
            raise ConfigError(path, key, f"expected a list, got {value!r}")
        return [_convert(item, v, path, f"{key}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        _, item = get_args(hint)
        if not isinstance(value, dict):
            raise ConfigError(path, key, f"expected a table, got {value!r}")
        return {k: _convert(item, v, path, f"{key}.{k}") for k, v in value.items()}
    if isinstance(hint, type):
        return _build(hint, value, path, prefix=key + ".")
    raise TypeError(f"unsupported config type {hint!r}")  # a bug in the schema, not the file


def _check_semantics(config: AssignmentConfig, path: Path) -> None:
    if not config.module.endswith(".py") or config.module.startswith("/"):
        raise ConfigError(path, "module", "must be a relative path to a .py file")
    if not config.functions:
        raise ConfigError(path, "functions", "list at least one function")
    for name, points in config.grading.points.items():
        if points < 0:
            raise ConfigError(path, f"grading.points.{name}", "points cannot be negative")
    for name, spec in config.grading.timing.items():
        if name.partition(":")[0] not in config.functions:
            raise ConfigError(path, f"grading.timing.{name}", "not one of the stage's functions")
        if spec.limit <= 1.0:
            raise ConfigError(path, f"grading.timing.{name}.limit", "must be a ratio above 1")
        if spec.repeats < 1:
            raise ConfigError(path, f"grading.timing.{name}.repeats", "must be at least 1")
    board = config.leaderboard
    if board is not None:
        if board.order not in ("asc", "desc"):
            raise ConfigError(path, "leaderboard.order", "must be 'asc' or 'desc'")
        kind, _, function = board.metric.partition(":")
        if kind == "speed" and function not in config.grading.timing:
            raise ConfigError(path, "leaderboard.metric", f"no speed test for '{function}'")
    if config.gradescope.timeout <= config.gradescope.margin:
        raise ConfigError(path, "gradescope.margin", "must be smaller than gradescope.timeout")
    limits = config.limits
    for name in ("call_timeout", "load_timeout"):
        if getattr(limits, name) <= 0:
            raise ConfigError(path, f"limits.{name}", "must be positive")
    for name, seconds in limits.timeouts.items():
        if name not in config.functions:
            raise ConfigError(path, f"limits.timeouts.{name}", "not one of the stage's functions")
        if seconds <= 0:
            raise ConfigError(path, f"limits.timeouts.{name}", "must be positive")


def describe_keys(cls: type[Any] = AssignmentConfig, prefix: str = "") -> list[tuple[str, str]]:
    """Every config key with its description, for documentation and ``--help`` texts."""
    out: list[tuple[str, str]] = []
    hints = get_type_hints(cls)
    for spec in fields(cls):
        key = prefix + spec.name
        out.append((key, spec.metadata.get("doc", "")))
        hint = hints[spec.name]
        if get_origin(hint) in (Union, UnionType):
            hint = next(a for a in get_args(hint) if a is not type(None))
        if get_origin(hint) is dict:
            hint = get_args(hint)[1]
            key += ".<name>"
        if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
            out.extend(describe_keys(hint, key + "."))
    return out
