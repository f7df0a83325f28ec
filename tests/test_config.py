"""The typed assignment-config loader: sane real configs, precise errors for broken ones."""

from dataclasses import fields
from pathlib import Path

import pytest

from autograder.course.config import (
    AssignmentConfig,
    GradingSpec,
    Limits,
    TimingSpec,
    describe_keys,
    load_config,
    tomllib,  # tomllib on 3.11+, tomli on Gradescope's 3.10
)
from autograder.errors import CnngradeError, ConfigError

REAL_CONFIG = Path(__file__).resolve().parents[1] / "assignments/correlate2d/assignment.toml"

VALID = {
    "id": '"demo"',
    "number": "1",
    "title": '"Demo stage"',
    "module": '"pkg/demo.py"',
    "functions": '["f", "g"]',
}


def write_config(directory, extra="", **top):
    """Write a small config: VALID's top-level keys (overridden or dropped with None), then
    ``extra`` (tables)."""
    values = {**VALID, **top}
    lines = [f"{key} = {value}" for key, value in values.items() if value is not None]
    path = directory / "assignment.toml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# --- the real config --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_config(REAL_CONFIG)


def test_does_the_real_stage_config_load_with_its_identity(real):
    assert real.id == "correlate2d"
    assert real.number == 1
    assert real.title
    assert real.module == "cnnlab/correlate.py"
    assert real.module_name == "cnnlab.correlate"
    assert real.module_basename == "correlate.py"
    assert "correlate2d" in real.functions


def test_does_the_real_stage_config_have_a_sane_timing_spec(real):
    spec = real.grading.timing["correlate2d"]
    assert isinstance(spec, TimingSpec)
    assert isinstance(spec.limit, float)
    assert spec.limit > 1
    assert spec.repeats >= 1
    assert spec.hint.strip()
    assert set(real.grading.timing) <= set(real.functions)


def test_does_the_real_stage_config_have_sane_points_and_limits(real):
    assert real.grading.points
    assert all(isinstance(p, float) and p >= 0 for p in real.grading.points.values())
    assert sum(real.grading.points.values()) > 0
    assert real.grading.default_points >= 0
    assert isinstance(real.limits, Limits)
    assert real.limits.call_timeout > 0
    assert real.limits.load_timeout > 0
    assert real.limits.memory_mb > 0


def test_does_the_loader_keep_every_value_written_in_the_real_file(real):
    raw = tomllib.loads(REAL_CONFIG.read_text(encoding="utf-8"))
    assert real.grading.points == {k: float(v) for k, v in raw["grading"]["points"].items()}
    assert (
        real.grading.timing["correlate2d"].limit == raw["grading"]["timing"]["correlate2d"]["limit"]
    )
    assert real.limits.call_timeout == raw["limits"]["call_timeout"]
    assert real.functions == raw["functions"]


def test_does_a_minimal_config_load_with_defaults(tmp_path):
    config = load_config(write_config(tmp_path))
    assert config == AssignmentConfig(
        id="demo", number=1, title="Demo stage", module="pkg/demo.py", functions=["f", "g"]
    )
    assert config.limits == Limits()
    assert config.grading == GradingSpec()
    assert config.module_name == "pkg.demo"


def test_are_ints_accepted_where_floats_are_expected(tmp_path):
    extra = "[grading.timing.f]\nlimit = 3\n[limits]\ncall_timeout = 5\n"
    config = load_config(write_config(tmp_path, extra))
    assert config.grading.timing["f"].limit == 3.0
    assert isinstance(config.grading.timing["f"].limit, float)
    assert isinstance(config.limits.call_timeout, float)


# --- broken configs ---------------------------------------------------------------------


BROKEN = [
    pytest.param({"id": None}, "", "id", "required", id="missing-id"),
    pytest.param({"functions": None}, "", "functions", "required", id="missing-functions"),
    pytest.param({"titel": '"x"'}, "", "titel", "did you mean 'title'", id="unknown-titel"),
    pytest.param({"number": '"1"'}, "", "number", "expected int", id="string-for-int"),
    pytest.param({"number": "true"}, "", "number", "expected int", id="bool-for-int"),
    pytest.param({"number": "1.5"}, "", "number", "expected int", id="float-for-int"),
    pytest.param({"id": "3"}, "", "id", "expected str", id="int-for-str"),
    pytest.param({"functions": '"f"'}, "", "functions", "expected a list", id="str-for-list"),
    pytest.param({"functions": '["f", 3]'}, "", "functions[1]", "expected str", id="list-item"),
    pytest.param(
        {}, "[limits]\ncall_timeout = '10'\n", "limits.call_timeout", "number", id="str-for-float"
    ),
    pytest.param(
        {}, "[limits]\ncall_timeout = true\n", "limits.call_timeout", "number", id="bool-for-float"
    ),
    pytest.param(
        {}, "[limits]\ncpu_seconds = true\n", "limits.cpu_seconds", "int", id="bool-for-int-nested"
    ),
    pytest.param(
        {}, "[grading]\ntiming = [1, 2]\n", "grading.timing", "table", id="list-for-dict-table"
    ),
    pytest.param(
        {"limits": "[1, 2]"},
        "",
        "limits",
        "table",
        id="list-for-table",
    ),
    pytest.param(
        {},
        "[limits]\ncall_timout = 5\n",
        "limits.call_timout",
        "did you mean 'call_timeout'",
        id="nested-unknown",
    ),
    pytest.param(
        {},
        "[grading.timing.f]\nlimit = 3\nrepeat = 2\n",
        "grading.timing.f.repeat",
        "did you mean 'repeats'",
        id="unknown-in-timing",
    ),
    pytest.param(
        {}, "[grading.points]\ntest_a = -1\n", "grading.points.test_a", "negative", id="negative"
    ),
    pytest.param(
        {}, "[grading.points]\ntest_a = 'x'\n", "grading.points.test_a", "number", id="str-points"
    ),
    pytest.param(
        {}, "[grading.timing.h]\nlimit = 5\n", "grading.timing.h", "not one of", id="timing-unknown"
    ),
    pytest.param(
        {}, "[grading.timing.f]\nlimit = 1\n", "grading.timing.f.limit", "above 1", id="limit-1"
    ),
    pytest.param(
        {}, "[grading.timing.f]\nlimit = 0.5\n", "grading.timing.f.limit", "above 1", id="limit<1"
    ),
    pytest.param(
        {}, "[grading.timing.f]\nrepeats = 3\n", "grading.timing.f.limit", "required", id="no-limit"
    ),
    pytest.param(
        {},
        "[grading.timing.f]\nlimit = 3\nrepeats = 0\n",
        "grading.timing.f.repeats",
        "at least 1",
        id="zero-repeats",
    ),
    pytest.param({"module": '"pkg/demo.txt"'}, "", "module", ".py", id="module-not-py"),
    pytest.param({"module": '"pkg/demo"'}, "", "module", ".py", id="module-no-suffix"),
    pytest.param({"module": '"/abs/demo.py"'}, "", "module", "relative", id="module-absolute"),
    pytest.param({"functions": "[]"}, "", "functions", "at least one", id="no-functions"),
    pytest.param(
        {}, "[limits]\nload_timeout = 0\n", "limits.load_timeout", "positive", id="zero-timeout"
    ),
    pytest.param(
        {},
        "[limits.timeouts]\nh = 5.0\n",
        "limits.timeouts.h",
        "not one of",
        id="timeout-unknown-function",
    ),
    pytest.param(
        {}, "[limits.timeouts]\nf = 0\n", "limits.timeouts.f", "positive", id="timeout-zero"
    ),
]


@pytest.mark.parametrize(("top", "extra", "key", "fragment"), BROKEN)
def test_is_a_config_error_raised_naming_the_file_and_the_key(tmp_path, top, extra, key, fragment):
    path = write_config(tmp_path, extra, **top)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    error = info.value
    assert error.path == path
    assert error.key == key
    message = str(error)
    assert str(path) in message
    assert f"'{key}'" in message
    assert fragment in message


def test_is_a_list_rejected_where_a_table_is_expected(tmp_path):
    path = write_config(tmp_path, limits="[1, 2]")
    with pytest.raises(ConfigError, match="expected a table") as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "limits" in str(info.value)


def test_is_an_unknown_key_far_from_any_known_one_reported_without_a_guess(tmp_path):
    path = write_config(tmp_path, zzzzzz="1")
    with pytest.raises(ConfigError, match="unknown key") as info:
        load_config(path)
    assert info.value.key == "zzzzzz"
    assert "did you mean" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    ['id = "demo', "id = \nnumber = 1", "[limits\ncall_timeout = 1", 'id = "a"\nid = "b"'],
    ids=["unclosed-string", "no-value", "unclosed-table", "duplicate-key"],
)
def test_is_invalid_toml_reported_with_the_file_path(tmp_path, text):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML") as info:
        load_config(path)
    assert info.value.path == path
    assert info.value.key is None
    assert str(path) in str(info.value)


def test_is_a_missing_file_reported_with_its_path(tmp_path):
    path = tmp_path / "nowhere" / "assignment.toml"
    with pytest.raises(ConfigError, match="not found") as info:
        load_config(str(path))
    assert info.value.path == path
    assert str(path) in str(info.value)


def test_is_a_file_that_is_not_utf8_reported_as_a_config_error(tmp_path):
    path = tmp_path / "assignment.toml"
    path.write_bytes('title = "Übung"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_is_config_error_a_cnngrade_error_the_cli_can_show():
    assert issubclass(ConfigError, CnngradeError)
    error = ConfigError("x/assignment.toml", "limits.call_timeout", "must be positive")
    assert str(error) == "x/assignment.toml, key 'limits.call_timeout': must be positive"


# --- key documentation ------------------------------------------------------------------


def test_does_describe_keys_document_every_key():
    keys = describe_keys()
    assert keys
    for key, doc in keys:
        assert doc.strip(), f"{key} has no description"
    names = [key for key, _ in keys]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("cls", "prefix"),
    [(AssignmentConfig, ""), (Limits, "limits."), (GradingSpec, "grading.")],
)
def test_does_describe_keys_list_every_field_of_the_schema(cls, prefix):
    names = {key for key, _ in describe_keys()}
    for spec in fields(cls):
        assert prefix + spec.name in names


def test_does_describe_keys_document_the_timing_spec_keys():
    names = [key for key, _ in describe_keys()]
    for spec in fields(TimingSpec):
        assert any(
            name.startswith("grading.timing.") and name.endswith("." + spec.name) for name in names
        ), spec.name


def test_per_function_timeouts_fall_back_to_call_timeout(tmp_path):
    path = write_config(tmp_path, "[limits]\ncall_timeout = 3.0\ntimeouts = { g = 40.0 }\n")
    limits = load_config(path).limits
    assert limits.timeout_for("g") == 40.0 and limits.timeout_for("f") == 3.0
