"""Every stage's Gradescope zip is byte-for-byte reproducible, and its tree is what the
golden file says (``pytest tests/test_zip_golden.py --update-golden`` rewrites them after a
deliberate change; review the diff)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from autograder.course.stages import all_stages
from autograder.packaging.build import build

GOLDEN = Path(__file__).parent / "golden" / "zips"
STAGES = all_stages()


def tree(zip_path: Path) -> str:
    """One line per entry, ``mode name``; the wheel's own entries indented below it."""
    lines = []
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            lines.append(f"{info.external_attr >> 16 & 0o777:o} {info.filename}")
            if info.filename.endswith(".whl"):
                with zipfile.ZipFile(io.BytesIO(archive.read(info))) as wheel:
                    lines += [f"    {name}" for name in sorted(wheel.namelist())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.id)
def test_the_zip_is_the_same_bytes_every_time(stage, tmp_path):
    first = build(stage, tmp_path / "one").path
    second = build(stage, tmp_path / "two").path
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    assert digest[0] == digest[1]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.id)
def test_the_zip_tree_matches_its_golden_file(stage, tmp_path, update_golden):
    golden = GOLDEN / f"{stage.id}.txt"
    actual = tree(build(stage, tmp_path).path)
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual)
    assert golden.is_file(), f"no golden file {golden}: run with --update-golden"
    assert actual == golden.read_text(), (
        f"{stage.id}'s zip changed; if that is meant, rerun with --update-golden and review "
        "the diff of tests/golden/zips/"
    )
