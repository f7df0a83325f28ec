"""A real wrong submission graded into Gradescope's Markdown, rendered by a real renderer.

The upload is stage 1's reference with the flipped-kernel mistake of its mistakes zoo, and
a student's HTML and Markdown syntax in what it prints and in an error it raises.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from autograder.authoring.mistakes import compose, read_mistake
from autograder.course.stages import get_stage
from autograder.grading.feedback import blocks
from autograder.grading.results import read_results
from tests.support import KIT, SCHEMA, STAFF, run_cli

markdown_it = pytest.importorskip(
    "markdown_it", reason="markdown-it-py (the dev extra) renders the Markdown in this test"
)

NOISY = """

_flipped_correlate2d = correlate2d


def correlate2d(X, K):
    print("<script>alert('printed')</script> **not bold**")
    return _flipped_correlate2d(X, K)


def correlate2d_backward(X, K, dY):
    raise ValueError("<script>alert('raised')</script> *not emphasis* _nor this_ <b>x</b>")
"""
LECTURE = "correlate2d: the lecture's example gives [[19, 25], [37, 43]]"
BACKWARD = "correlate2d_backward: returns (dX, dK) shaped like X and K"


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def grade_mistake(root: Path, stage_id: str, name: str, extra: str = "") -> tuple[Path, str]:
    """Grade a mistake of the zoo (and ``extra`` appended) through the CLI: results.json
    and the terminal summary."""
    stage = get_stage(stage_id, KIT)
    mistake = read_mistake(stage.directory / "mistakes" / f"{name}.py", stage)
    module = root / "upload" / stage.config.module
    module.parent.mkdir(parents=True)
    module.write_text(compose(stage, mistake) + extra)
    out = root / "results.json"
    proc = run_cli("grade", stage_id, str(root / "upload"), "-o", str(out), "--kit", str(KIT))
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The flipped-kernel upload with a student's HTML, graded."""
    return grade_mistake(tmp_path_factory.mktemp("markdown"), "correlate2d", "flipped_kernel",
                         NOISY)  # fmt: skip


def render(markdown: str) -> str:
    return str(markdown_it.MarkdownIt("commonmark").render(markdown))


def outputs(results: dict) -> dict[str, str]:
    return {t["name"]: t["output"] for t in results["tests"] if t["name"] != STAFF}


def test_results_say_markdown_and_follow_the_schema(graded):
    results = json.loads(graded[0].read_text())
    jsonschema.validate(results, SCHEMA)
    assert results["output_format"] == results["test_output_format"] == "md"


def test_a_wrong_array_renders_as_code_with_its_map(graded):
    """Is the lecture example's wrong result shown as code blocks with a ✗ in every cell?"""
    html = render(outputs(json.loads(graded[0].read_text()))[LECTURE])
    print(html)  # what Gradescope shows, for `pytest -s`
    assert "<pre><code>  expected = [[19., 25.]," in html
    grid = html.split("Wrong cells (✗) and right ones (✓):")[1]
    assert grid.startswith("</p>\n<pre><code>    0 1\n  0 ✗ ✗\n  1 ✗ ✗\n</code></pre>")


def test_a_students_html_and_markdown_stay_text(graded):
    """Do a student's <script>, *emphasis* and <b> show as typed, in prose and in code?"""
    shown = outputs(json.loads(graded[0].read_text()))
    raised = render(shown[BACKWARD])
    assert "raised ValueError: &lt;script&gt;alert('raised')&lt;/script&gt; *not emphasis*" in (
        raised
    )
    assert "<pre><code>  File &quot;cnnlab/correlate.py&quot;" in raised  # the traceback: code
    printed = render(shown[LECTURE])
    assert "Your code printed:</p>\n<pre><code>  &lt;script&gt;" in printed
    for name, markdown in shown.items():
        html = render(markdown)
        assert "<script" not in html, name
        assert Tags(html).tags <= {"p", "br", "pre", "code"}, name


def test_the_terminal_and_a_file_read_back_show_plain_text(graded):
    """No Markdown outside Gradescope: the summary and read-back results are plain text."""
    path, stdout = graded
    assert "  0 ✗ ✗" in stdout and "Wrong cells (✗) and right ones (✓):" in stdout
    assert "```" not in stdout and "\\[" not in stdout
    [lecture] = [t for t in read_results(path).tests if t.name == LECTURE]
    assert "```" not in lecture.output and "Hint: Y[0, 0]" in lecture.output
    assert [b.preformatted for b in blocks(lecture.output)][:2] == [False, True]


def test_outputs_fit_gradescopes_limits(graded):
    results = json.loads(Path(graded[0]).read_text())
    total = len(results["output"]) + sum(len(t["output"]) for t in results["tests"])
    assert total <= 100_000


def test_the_readme_shows_what_a_student_is_told(tmp_path):
    """Is the README's example (max pooling padded with zeros) what grading says?"""
    readme = (KIT / "README.md").read_text().split("### What a student sees")[1]
    example = readme.split("```text\n")[1].split("\n```")[0]
    out, stdout = grade_mistake(tmp_path, "pooling", "max_pads_with_zero")
    said = [t.output for t in read_results(out).tests if t.output.startswith(example[:80])]
    assert said, f"no test says {example[:80]!r}: update the README's example"
    grid = example[example.index("Wrong cells") : example.index("\nHint:")]
    assert grid in said[0] and grid.split("\n")[2] in stdout
