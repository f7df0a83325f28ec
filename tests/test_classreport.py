"""`cnngrade batch --report`: the class report, built from synthetic results (nothing graded)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from autograder.errors import MissingExtra
from autograder.grading.classreport import (
    Submission,
    normalise,
    summarise,
    write_report,
)
from autograder.grading.results import (
    GradingEvents,
    GradingResults,
    TestResult,
    read_results,
    write_results,
)

WRONG = "correlate2d(X of shape ({n}, {n}), K of shape (2, 2)) returned {v}, expected 19."
WRONG += "\nHint: {h}"
TESTS = ("lecture example", "random shapes [3x3]", "random shapes [5x4]", "speed test")
POINTS = {"lecture example": 2.0, "random shapes [3x3]": 1.0, "random shapes [5x4]": 1.0,
          "speed test": 4.0}  # fmt: skip


def results(passed: set[str], *, message: str = "", ratio: float | None = None,
            events: GradingEvents | None = None, seed: int = 0) -> GradingResults:  # fmt: skip
    """One synthetic grading: the tests in ``passed`` pass, the others fail with
    ``message`` (or a numbered wrong-value message); a speed measurement ``ratio``."""
    tests = []
    for name in TESTS:
        ok = name in passed
        text = "" if ok else message or WRONG.format(n=4 + seed, v=seed * 3 + 1, h="flip K")
        tests.append(TestResult(name, POINTS[name] if ok else 0.0, POINTS[name], ok, text))
    tests.append(TestResult.staff_report("sandbox user: student"))
    extra = {}
    if ratio is not None:
        extra["timing"] = [{"function": "correlate2d", "student_seconds": ratio * 1e-3,
                            "reference_seconds": 1e-3, "ratio": ratio, "limit": 28.0}]  # fmt: skip
    out = GradingResults(tuple(tests), extra_data=extra)
    return out.with_events(events) if events else out


def a_class() -> list[Submission]:
    everything = set(TESTS)
    rows = [Submission(f"s{i:02d}", results(everything, ratio=1.0 + i / 10), (f"Student {i}",))
            for i in range(12)]  # fmt: skip
    rows += [Submission(f"w{i}", results(everything - {"lecture example"}, seed=i, ratio=2.0))
             for i in range(5)]  # fmt: skip
    rows += [Submission(f"l{i}", results(everything - {"speed test"}, ratio=90.0 + i,
                                         message="too slow: 90× the reference; limit 28×"))
             for i in range(3)]  # fmt: skip
    unloadable = GradingEvents(not_loadable=True)
    stuck = GradingEvents(timeouts=2, crashes=1)
    message = "Your module could not be imported."
    rows.append(Submission("broken", results(set(), message=message, events=unloadable)))
    rows.append(Submission("hangs", results({"lecture example"}, events=stuck)))
    return rows


def test_items_are_sorted_hardest_first_with_their_share_of_the_points():
    summary = summarise(a_class(), "correlate2d")
    by_name = {i.name: i for i in summary.items}
    assert summary.max_score == sum(POINTS.values())
    assert by_name["lecture example"].passed == 12 + 3 + 1
    assert by_name["speed test"].graded == 22 and by_name["speed test"].passed == 17
    rates = [i.pass_rate for i in summary.items]
    assert rates == sorted(rates) and summary.items[0].name == "lecture example"
    assert by_name["speed test"].points_lost == 5 * 4.0


def test_alike_messages_group_once_numbers_are_normalised():
    """Do five wrong values on five input sizes make one group, not five?"""
    summary = summarise(a_class(), "correlate2d")
    lecture = next(f for f in summary.failures if f.test == "lecture example")
    assert lecture.failed == 6
    assert [g.count for g in lecture.groups] == [5, 1]
    assert "Hint: flip K" in lecture.groups[0].example
    shapes = next(f for f in summary.failures if f.test == "random shapes")
    assert (shapes.cases, shapes.failed) == (2, 2), "a parametrised test's cases together"
    assert sorted(g.count for g in shapes.groups) == [1, 1], "counted in submissions"
    assert normalise("shape (4, 4) got [[1.5, -2e-3], [3, 4]]") == normalise(
        "shape (7, 9) got [[0, 1], [2, 3]]"
    )
    assert normalise("returned 3") != normalise("returned None")
    assert normalise("ACTUAL: array([[ 7., 13.],\n [25., 31.]])") == normalise(
        "ACTUAL: array([[17., 23.],\n [35., 41.]])"
    ), "NumPy's padding of narrower numbers"


def test_speed_ratios_and_problems_come_from_the_results():
    summary = summarise(a_class(), "correlate2d")
    [speed] = summary.speeds
    assert (speed.function, speed.limit, len(speed.ratios), speed.within) == (
        "correlate2d", 28.0, 20, 17)  # fmt: skip
    problems = {p.id: p.what for p in summary.problems}
    assert problems == {"broken": ("did not load",),
                        "hangs": ("crashed (1 call)", "timed out (2 calls)")}  # fmt: skip


def test_a_batch_failure_is_listed_with_the_staff_detail():
    staff = "grading took longer than 600 s and was stopped"
    failed = GradingResults.grader_failure("This submission could not be graded.", staff)
    failed = failed.with_events(GradingEvents(grader_failed=True, batch="timed out"))
    [problem] = summarise([Submission("slow", failed)], "x").problems
    assert problem.what == ("grading process: timed out",)
    assert problem.detail == staff


def test_events_survive_results_json_and_a_clean_grading_records_none(tmp_path):
    events = GradingEvents(crashes=2, batch="crashed")
    back = read_results(write_results(results(set(TESTS), events=events), tmp_path / "r.json"))
    assert GradingEvents.of(back) == events
    clean = read_results(write_results(results(set(TESTS)), tmp_path / "c.json"))
    assert "events" not in clean.extra_data and not GradingEvents.of(clean)
    junk = GradingResults((), extra_data={"events": {"crashes": "many", "not_loadable": 1}})
    assert GradingEvents.of(junk) == GradingEvents()


# -- the page ---------------------------------------------------------------------------------


@pytest.fixture
def page(tmp_path):
    pytest.importorskip("matplotlib", reason="the report's figures need cnngrade[report]")

    def write(submissions, name="report.html"):
        return write_report(tmp_path / name, submissions, "correlate2d: Cross-correlation")

    return write


def test_the_same_results_give_the_same_bytes(page):
    first, second = page(a_class(), "a.html"), page(a_class(), "b.html")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text().count("<svg") == 3  # histogram, pass rates, speed


def test_student_strings_are_escaped(page):
    """Can a message or a name smuggle a script or markup into the report?"""
    attack = "<script>alert('x')</script>"
    crashed = results(set(), message=attack, events=GradingEvents(crashes=1))
    rows = [
        Submission("<b>id</b>", crashed, ("<img src=x onerror=1>",)),
        Submission("quiet", results(set(), message=attack)),
    ]
    text = page(rows).read_text()
    assert "<script" not in text and "<img" not in text and "<b>id" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=1&gt;" in text


def test_the_page_fetches_nothing(page):
    text = page(a_class()).read_text()
    references = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]*)""", text)
    references += re.findall(r"url\(\s*([^)]*)\)", text)
    assert references, "the figures refer to their own parts (clip paths, glyphs)"
    assert all(r.startswith(("#", "data:")) for r in references), references
    assert "<link" not in text and "@import" not in text
    assert "default-src 'none'" in text


def test_an_empty_class_still_gives_a_page(page):
    assert "No submissions" in page([]).read_text()


def test_without_matplotlib_the_error_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=re.escape("pip install 'cnngrade[report]'")):
        write_report(tmp_path / "r.html", a_class(), "x")
    assert not (tmp_path / "r.html").exists()


# -- what a browser shows ---------------------------------------------------------------------

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)),
                None)  # fmt: skip
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-quic", "--hide-scrollbars")  # fmt: skip
WIDTH, HEIGHT = 1000, 3200


def screenshot(html, out, profile):
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={out}",
                    f"--window-size={WIDTH},{HEIGHT}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    from PIL import Image

    with Image.open(out) as image:
        return image.convert("RGB").copy()


def rows_of(image, colour, tolerance=10):
    """The pixel rows where ``colour`` shows, and how many pixels of it there are."""
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    found, count = set(), 0
    for y in range(0, image.height, 2):
        for x in range(0, image.width, 2):
            if all(abs(a - b) <= tolerance for a, b in zip(pixels[x, y], target, strict=True)):
                found.add(y)
                count += 1
    return sorted(found), count


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: apt-get install chromium)")
def test_chromium_shows_the_figures_in_order(page, tmp_path):
    """Does a real browser draw the histogram's bars, then the pass rates, then the speed
    ratios, where the page puts them?"""
    from autograder.grading import classplots

    image = screenshot(page(a_class()), tmp_path / "shot.png", tmp_path / "profile")
    assert image.size == (WIDTH, HEIGHT)
    colours = image.resize((100, 320)).getcolors(maxcolors=100 * 320)
    assert colours is not None and len(colours) > 20, "a blank or one-colour page"
    histogram, bars = rows_of(image, classplots.HISTOGRAM)
    passing, pass_bars = rows_of(image, classplots.PASS_RATE)
    within, _ = rows_of(image, classplots.WITHIN_LIMIT)
    over, _ = rows_of(image, classplots.OVER_LIMIT)
    assert bars > 2000 and pass_bars > 2000, (bars, pass_bars)
    assert histogram[0] < 500, "the histogram comes first, below the summary"
    assert histogram[-1] < passing[0] < passing[-1] < within[0]
    assert over and within[0] < over[-1], "both speed colours show, in the speed figure"


def test_the_report_module_needs_no_matplotlib_to_import():
    """Stages 1–4's Gradescope images install no plotting library: importing the grading
    package's report module (the CLI does) must not need it."""
    code = ("import sys; sys.modules['matplotlib'] = None; "
            "import autograder.cli.app, autograder.grading.classpage")  # fmt: skip
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
