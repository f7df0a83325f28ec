"""What student code can import while grading: the stage's Gradescope image, nothing more."""

from __future__ import annotations

import pytest

from autograder.course.image import FRAMEWORK_PACKAGES, image_distributions
from autograder.course.stages import get_stage
from autograder.grading.runner import grade
from autograder.sandbox.imports import allowed_entries, make_view


def _module(stage_id: str, statement: str, tmp_path):
    stage = get_stage(stage_id)
    text = stage.reference.read_text()
    module = tmp_path / stage.config.module_basename
    module.write_text(text.replace("import numpy as np\n", f"import numpy as np\n{statement}\n", 1))
    return stage, module


@pytest.mark.parametrize(
    ("stage_id", "statement", "missing"),
    [
        ("pooling", "import yaml", "yaml"),  # the framework's own dependency, not the image's
        ("correlate2d", "import yaml", "yaml"),
        ("padding", "import importlib; importlib.import_module('ya' + 'ml')", "yaml"),
    ],
)
def test_a_package_outside_the_image_cannot_be_imported(tmp_path, stage_id, statement, missing):
    """Is an upload that imports a package the stage's image lacks refused locally, with
    the message Gradescope gives?"""
    pytest.importorskip(missing)  # refused although this machine has it
    stage, module = _module(stage_id, statement, tmp_path)
    results = grade(stage, module)
    assert results.score == 0
    assert f"No module named '{missing}'" in results.output


@pytest.mark.parametrize("stage_id", ["padding", "channels", "pooling"])
def test_torch_is_banned_in_every_numpy_stage(tmp_path, stage_id):
    """torch is installed here for stage 5: stages 1-4 ban it, with the words that say so."""
    pytest.importorskip("torch")
    stage, module = _module(stage_id, "import torch", tmp_path)
    results = grade(stage, module)
    assert results.score == 0
    assert "torch is not allowed in this assignment (torch is banned)" in results.output


@pytest.mark.parametrize(
    ("stage_id", "statement"),
    [("pooling", "import fractions, json, statistics, numpy.lib.stride_tricks")],
)
def test_the_standard_library_and_the_images_packages_can(tmp_path, stage_id, statement):
    stage, module = _module(stage_id, statement, tmp_path)
    results = grade(stage, module)
    assert results.score == results.max_score > 0


def test_the_view_holds_the_image_and_what_it_requires(tmp_path):
    names = dict(allowed_entries(image_distributions(get_stage("pooling").config)))
    assert "numpy" in names and "torch" not in names and "scipy" not in names
    view = make_view(tmp_path / "view", ("numpy",), FRAMEWORK_PACKAGES)
    assert (view / "numpy" / "__init__.py").exists()
    assert (view / "autograder" / "sandbox" / "worker.py").exists()
    assert not (view / "yaml").exists()


def test_stage_5s_image_brings_torch_and_what_torch_requires():
    pytest.importorskip("torch")
    names = dict(allowed_entries(image_distributions(get_stage("lenet").config)))
    assert "torch" in names and "sympy" in names
