"""An ``assignment.toml`` that documents itself: every key of the schema, each under its
description, the ones a stage sets written out and the others commented out with their
defaults (or an example), so that an instructor edits a file instead of reading a manual.

The text is generated from the schema's dataclasses (:mod:`autograder.course.config`), the one
place keys and their meanings are declared.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import MISSING, Field, fields, is_dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from autograder.course.config import AssignmentConfig

WIDTH = 92
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def documented_toml(
    values: dict[str, Any], *, header: str = "", examples: dict[str, Any] | None = None
) -> str:
    """``values`` (nested dicts, as the TOML holds them) written as a commented TOML file.

    ``examples`` gives, by dotted key, what to show commented out where a key has no
    default and is not set (e.g. an optional table's required keys)."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()] + [""]
    _table(AssignmentConfig, values, "", lines, examples or {}, commented=False)
    text = "\n".join(lines).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name)


def toml_value(value: Any) -> str:
    """One TOML value: strings, numbers, booleans, lists and tables of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        body = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + body + " }" if body else "{}"
    raise TypeError(f"no TOML form for {value!r}")


def _inner(hint: Any) -> Any:
    """``X | None`` → ``X``."""
    if get_origin(hint) in (Union, UnionType):
        return next(a for a in get_args(hint) if a is not type(None))
    return hint


def _is_table(hint: Any) -> bool:
    return isinstance(hint, type) and is_dataclass(hint)


def _default(spec: Field[Any]) -> Any:
    if spec.default is not MISSING:
        return spec.default
    if spec.default_factory is not MISSING:
        return spec.default_factory()
    return MISSING


def _comment(doc: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(doc, WIDTH - 2)]


def _table(
    cls: type[Any],
    values: dict[str, Any],
    dotted: str,
    lines: list[str],
    examples: dict[str, Any],
    *,
    commented: bool,
) -> None:
    """The keys of one table: plain keys first (TOML puts a table's own keys before its
    sub-tables), then sub-tables, then tables of tables (``[grading.timing.<name>]``)."""
    off = "# " if commented else ""
    hints = get_type_hints(cls)
    later: list[tuple[Field[Any], Any]] = []
    for spec in fields(cls):
        hint = _inner(hints[spec.name])
        key = f"{dotted}{spec.name}"
        doc = spec.metadata.get("doc", "")
        if _is_table(hint) or (get_origin(hint) is dict and spec.name in values):
            later.append((spec, hint))
            continue
        lines += _comment(doc)
        if spec.name in values:
            lines.append(f"{off}{spec.name} = {toml_value(values[spec.name])}")
            continue
        shown = examples.get(key, _default(spec))
        lines.append(f"# {spec.name} = {toml_value(shown)}" if shown is not MISSING else "")
    for spec, hint in later:
        key = f"{dotted}{spec.name}"
        doc = spec.metadata.get("doc", "")
        lines.append("")
        if _is_table(hint):
            given = spec.name in values
            example = examples.get(key, {})
            lines += _comment(doc + ("" if given or not example else " (remove the #s to use it)"))
            quiet = commented or not given
            lines.append(f"{'# ' if quiet else ''}[{key}]")
            _table(hint, values.get(spec.name, example), f"{key}.", lines, examples,
                   commented=quiet)  # fmt: skip
            continue
        item = get_args(hint)[1]
        if _is_table(item):  # a table of tables: one [key.<name>] per entry
            lines += _comment(doc)
            for name, entry in values[spec.name].items():
                lines.append(f"{off}[{key}.{_key(name)}]")
                _table(item, entry, f"{key}.<name>.", lines, examples, commented=commented)
                lines.append("")
            continue
        lines += _comment(doc)
        lines.append(f"{off}[{key}]")
        lines += [f"{off}{_key(k)} = {toml_value(v)}" for k, v in values[spec.name].items()]
