"""`cnngrade pack`: what a student sees before uploading, and what the zip holds."""

from __future__ import annotations

import zipfile

import pytest

from autograder.intake.pack import bundle, inspect
from tests.support import KIT, REFERENCE


def write(folder, text, name="cnnlab/correlate.py"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return folder


def test_the_reference_packs_cleanly(stage1, tmp_path):
    report = inspect(stage1, KIT / "solutions")
    assert report.ok and not report.warnings
    target = bundle(report, tmp_path / "up.zip")
    assert sorted(zipfile.ZipFile(target).namelist()) == [
        "cnnlab/__init__.py",
        "cnnlab/correlate.py",
    ]


def test_the_stub_packs_with_a_warning_per_function(stage1):
    report = inspect(stage1, KIT / "student_template")
    assert report.ok
    assert len(report.warnings) == len(stage1.config.functions)
    assert all("NotImplementedError" in w for w in report.warnings)


def test_a_syntax_error_is_an_error_with_its_line(stage1, tmp_path):
    report = inspect(stage1, write(tmp_path, "def correlate2d(X, K)\n    pass\n"))
    assert not report.ok and "line 1" in report.errors[0]


def test_missing_functions_and_wrong_arguments_are_errors(stage1, tmp_path):
    text = REFERENCE.read_text().replace("def convolve2d(X, K):", "def convolve2d(X, K, flip):")
    text = text.replace("def learn_kernel(", "def learn_kernel_renamed(")
    report = inspect(stage1, write(tmp_path, text))
    assert any("learn_kernel is not defined" in e for e in report.errors)
    assert any("convolve2d(X, K, flip) should take (X, K)" in e for e in report.errors)


def test_only_imported_helpers_are_bundled(stage1, tmp_path):
    text = "from cnnlab.helpers import pad\n" + REFERENCE.read_text()
    folder = write(tmp_path, text)
    write(folder, "from .deeper import x\npad = 1\n", "cnnlab/helpers.py")
    write(folder, "x = 2\n", "cnnlab/deeper.py")
    write(folder, "unrelated = 3\n", "cnnlab/pooling.py")
    names = [name for name, _ in inspect(stage1, folder).files]
    assert sorted(names) == ["cnnlab/correlate.py", "cnnlab/deeper.py", "cnnlab/helpers.py"]


@pytest.mark.parametrize("upload", ["empty", "wrong-name"])
def test_nothing_to_pack_is_an_error(stage1, tmp_path, upload):
    if upload == "wrong-name":
        write(tmp_path, "x = 1\n", "notes/readme.py")
        write(tmp_path, "y = 1\n", "other.py")
    report = inspect(stage1, tmp_path)
    assert not report.ok and "could not find correlate.py" in report.errors[0]
