"""One upload, one score: `cnngrade grade` and the installed Gradescope zip agree.

The worker imports what the stage's Gradescope image installs plus the standard library,
in every mode, so an upload that imports a package the image lacks fails the same way
locally and on Gradescope (it once scored 28.6/75 locally and would have scored 0 there).
"""

from __future__ import annotations

import pytest

from autograder.authoring.mistakes import compose, mistake_files, read_mistake
from autograder.course.stages import get_stage
from autograder.grading.runner import grade
from tests import autograder_install

pytestmark = autograder_install.MARKS
STAGE = get_stage("pooling")
REFERENCE = STAGE.reference.read_text()


def _with_import(statement: str) -> str:
    return REFERENCE.replace("import numpy as np\n", f"import numpy as np\n{statement}\n", 1)


def uploads() -> dict[str, str]:
    """Name → module text: honest uploads of every kind, and imports the image lacks."""
    chosen = {
        "reference": REFERENCE,
        "stub": STAGE.stub.read_text(),
        "imports torch": _with_import("import torch"),
        "imports scipy": _with_import("from scipy import ndimage"),
        "imports yaml": _with_import("import yaml"),  # the framework's, not the image's
        "imports the standard library": _with_import("import fractions, json, statistics"),
    }
    for path in mistake_files(STAGE)[:3]:
        chosen[f"mistake {path.stem}"] = compose(STAGE, read_mistake(path, STAGE))
    return chosen


UPLOADS = uploads()


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    yield from autograder_install.installed_or_skip(STAGE, tmp_path_factory.mktemp("dist"))


def _scores(tests) -> dict[str, float]:
    return {t["name"]: t["score"] for t in tests if t.get("visibility") != "hidden"}


@pytest.mark.parametrize("name", list(UPLOADS))
def test_local_and_gradescope_scores_are_equal(autograder, tmp_path, name):
    module = tmp_path / "pooling.py"
    module.write_text(UPLOADS[name])
    local = grade(STAGE, module).to_gradescope_dict()
    remote, _ = autograder_install.run_submission({"cnnlab/pooling.py": UPLOADS[name]})
    assert remote["score"] == local["score"], (name, local["score"], remote["score"])
    assert _scores(remote["tests"]) == _scores(local["tests"])
    if name.startswith("imports ") and "standard" not in name:
        assert local["score"] == 0
        # banned by the stage (torch) or absent from its image (yaml; scipy, where it is not
        # installed): either way the same words in both modes
        said = next(w for w in ("is banned", "No module named") if w in local["output"])
        assert said in remote["output"]
