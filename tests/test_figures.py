"""The handouts' figures: drawn from the references by `cnngrade release`, deterministic,
guarded by `release --check`, shown in the handouts and inlined in the notebooks; and
matplotlib stays optional (no Gradescope image installs it)."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import types

import nbformat
import pytest

from autograder.authoring import release
from autograder.authoring.figures import (
    EXTRA,
    Sources,
    declared,
    render,
    stage_figures,
    version_hint,
)
from autograder.authoring.notebooks import handout_images, notebook_name
from autograder.course.image import image_requirements
from autograder.course.stages import all_stages, get_stage, load_module
from autograder.sandbox.imports import requirement_name
from tests.support import KIT, run_cli

pytest.importorskip("matplotlib", reason="the figures need the figures extra (matplotlib)")

WITH_FIGURES = [s for s in all_stages(KIT) if declared(s)]
PLOTTING = {"matplotlib", "pillow", "contourpy", "kiwisolver", "fonttools", "cycler", "seaborn"}


def test_the_kit_draws_the_four_figures_the_course_needs():
    names = {name for stage in WITH_FIGURES for name in declared(stage)}
    assert names == {"padding_filter_bank.svg", "padding_stride.svg", "pooling_max_avg.svg",
                     "lenet_training_curves.svg"}  # fmt: skip


@pytest.mark.parametrize("stage", WITH_FIGURES, ids=lambda s: s.id)
def test_two_renders_write_the_same_bytes(stage):
    """Same figure, same bytes: twice here, and once more in a fresh interpreter with another
    hash seed (ids, dicts and dates must not leak into the SVG)."""
    first, second = stage_figures(stage), stage_figures(stage)
    assert first == second
    script = (
        "import sys, json; from autograder.authoring.figures import stage_figures\n"
        "from autograder.course.stages import get_stage\n"
        f"out = stage_figures(get_stage({stage.id!r}, {str(KIT)!r}))\n"
        "sys.stdout.write(json.dumps({k: v.decode() for k, v in out.items()}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "MPLBACKEND": "pdf"}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=300, cwd=KIT)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    fresh = {k: v.encode() for k, v in __import__("json").loads(proc.stdout).items()}
    assert fresh == first
    for svg in first.values():
        assert svg.startswith(b"<?xml") and b"<dc:date>" not in svg


def _reference(stage):
    return load_module(stage.reference, f"test_figures_reference_{stage.id}")


def test_a_figure_shows_what_the_reference_computes():
    """Is the pooling figure drawn from the reference's pool2d? A reference that pools
    differently (here: doubled) draws other numbers."""
    stage = get_stage("pooling", KIT)
    draw = declared(stage)["pooling_max_avg.svg"]
    reference = _reference(stage)
    honest = render(draw, Sources(stage.directory, lambda: reference))
    doubled = types.SimpleNamespace(
        pool2d=lambda *a, **k: 2 * reference.pool2d(*a, **k),
        pool2d_backward=reference.pool2d_backward,
    )
    changed = render(draw, Sources(stage.directory, lambda: doubled))
    assert honest != changed
    text = honest.decode()
    for value in ("5.25", "3.50", "0.44", "0.67", "−∞"):  # the handout's worked examples
        assert f">{value}<" in text, value
    assert ">10.50<" in changed.decode()  # 2 × 5.25


def test_stage_5s_curves_are_drawn_without_importing_its_reference(monkeypatch):
    """release needs no torch: the curves come from recorded data, and a reference is only
    imported when a figure asks for it."""
    monkeypatch.setitem(sys.modules, "torch", None)  # importing torch now fails
    drawn = stage_figures(get_stage("lenet", KIT))
    assert list(drawn) == ["lenet_training_curves.svg"] and drawn["lenet_training_curves.svg"]
    with pytest.raises(ImportError):
        load_module(get_stage("lenet", KIT).reference, "lenet_reference_needs_torch")


def test_the_filter_bank_has_a_panel_per_filter_of_the_reference():
    stage = get_stage("padding", KIT)
    svg = stage_figures(stage)["padding_filter_bank.svg"].decode()
    filters = list(_reference(stage).FILTERS)
    assert len(filters) == 7
    for name in filters:
        assert re.search(rf">{name}<", svg), name
    assert svg.count("<image ") == len(filters)  # one filtered photo each


def test_every_figure_is_shown_by_its_handout_with_source_and_licence():
    for stage in WITH_FIGURES:
        shown = handout_images(stage.handout.read_text(encoding="utf-8"))
        assert set(declared(stage)) <= set(shown)
    padding = get_stage("padding", KIT).handout.read_text(encoding="utf-8")
    assert "skimage.data.camera" in padding and "CC0" in padding


@pytest.fixture
def released(tmp_path):
    target = tmp_path / "template"
    release.write(release.generate(KIT), target)
    return target


def test_release_writes_figures_beside_the_handouts_and_inlines_them(released):
    for stage in WITH_FIGURES:
        notebook = (released / "notebooks" / notebook_name(stage)).read_text()
        for name in declared(stage):
            svg = (released / "handouts" / name).read_bytes()
            assert base64.b64encode(svg).decode() in notebook, name
    assert (released / "handouts" / "lenet_training_curves.svg").read_bytes() == (
        KIT / "student_template" / "handouts" / "lenet_training_curves.svg"
    ).read_bytes()


def test_a_markdown_renderer_shows_each_figure_in_the_notebook(released):
    """Rendered as Jupyter front ends render Markdown (markdown-it, VS Code's renderer, which
    refuses an SVG data URI in ``![...](...)``), is every figure an ``<img>`` whose data is
    the figure, with its caption as ``alt``?"""
    markdown_it = pytest.importorskip("markdown_it", reason="needs markdown-it-py (dev extra)")
    render_markdown = markdown_it.MarkdownIt().render
    for stage in WITH_FIGURES:
        notebook = nbformat.read(str(released / "notebooks" / notebook_name(stage)), 4)
        page = "".join(render_markdown(c.source) for c in notebook.cells
                       if c.cell_type == "markdown")  # fmt: skip
        shown = dict(re.findall(r'<img alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)"',
                                page))  # fmt: skip
        drawn = {base64.b64decode(data) for data in shown.values()}
        for name in declared(stage):
            assert (released / "handouts" / name).read_bytes() in drawn, name
        assert all(len(alt) > 40 for alt in shown)  # the handout's caption, not a file name


def test_release_check_names_a_stale_and_a_missing_figure(released):
    """Is a figure that changed, or went missing, a failed check that names the file?"""
    stale = released / "handouts" / "padding_stride.svg"
    stale.write_bytes(stale.read_bytes().replace(b"Matplotlib v", b"Matplotlib v0.0+"))
    (released / "handouts" / "pooling_max_avg.svg").unlink()
    proc = run_cli("release", "--check", "-o", str(released), "--kit", str(KIT))
    assert proc.returncode == 1
    assert re.search(r"differs: handouts/padding_stride\.svg \(drawn with matplotlib 0\.0\+",
                     proc.stdout), proc.stdout  # fmt: skip
    assert "missing: handouts/pooling_max_avg.svg" in proc.stdout
    assert "is stale (2 files)" in proc.stderr


def test_version_hint_is_silent_for_the_same_matplotlib():
    import matplotlib

    assert version_hint(f"<!-- Matplotlib v{matplotlib.__version__}, x -->".encode()) == ""
    assert "matplotlib 1.0" in version_hint(b"<dc:title>Matplotlib v1.0, https://</dc:title>")


def test_without_matplotlib_release_says_which_extra_to_install(tmp_path):
    hide = "import sys; sys.modules['matplotlib'] = None\nfrom autograder.cli import main; main()"
    for args in (["release", "-o", str(tmp_path / "t")], ["release", "--check"]):
        proc = subprocess.run([sys.executable, "-c", hide, *args, "--kit", str(KIT)],
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        assert proc.returncode == 1, proc.stdout
        assert f"pip install '{EXTRA}'" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "t").exists()


def _one_stage_kit(tmp_path, stage_id):
    stage = get_stage(stage_id, KIT)
    kit = tmp_path / "kit"
    shutil.copytree(stage.directory, kit / "assignments" / stage_id,
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    (kit / "solutions" / "cnnlab").mkdir(parents=True)
    shutil.copy(stage.reference, kit / "solutions" / stage.config.module)
    return kit, kit / "assignments" / stage_id / "handout.md"


def test_a_figure_that_no_handout_shows_is_an_error(tmp_path):
    kit, handout = _one_stage_kit(tmp_path, "pooling")
    handout.write_text(handout.read_text().replace("](pooling_max_avg.svg)", "]"))
    with pytest.raises(release.HandoutImageError, match=r"draws pooling_max_avg\.svg, but"):
        release.generate(kit)


def test_an_image_that_nothing_provides_is_an_error(tmp_path):
    kit, handout = _one_stage_kit(tmp_path, "pooling")
    handout.write_text(handout.read_text() + "\n![a lost figure](lost.svg)\n")
    with pytest.raises(release.HandoutImageError, match=r"shows lost\.svg, which is neither"):
        release.generate(kit)


@pytest.mark.parametrize("stage", all_stages(KIT), ids=lambda s: s.id)
def test_no_gradescope_image_installs_a_plotting_library(stage):
    names = {requirement_name(line) for line in image_requirements(stage.config)}
    assert not names & PLOTTING


def test_matplotlib_is_an_optional_extra():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((KIT / "pyproject.toml").read_text())["project"]
    base = {requirement_name(line) for line in project["dependencies"]}
    extras = project["optional-dependencies"]
    assert not base & PLOTTING
    assert {"matplotlib"} <= {requirement_name(line) for line in extras["figures"]}
    assert {"matplotlib"} <= {requirement_name(line) for line in extras["dev"]}
