"""Feedback text and its Markdown rendering, checked with a real CommonMark renderer."""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest

from autograder.cli.report import MESSAGE_LINES, message_lines
from autograder.grading.feedback import blocks, preformatted
from autograder.grading.markdown import clip_markdown, from_markdown, to_markdown

markdown_it = pytest.importorskip(
    "markdown_it", reason="markdown-it-py (the dev extra) renders the Markdown in these tests"
)


def render(markdown: str) -> str:
    """HTML as a CommonMark renderer with GitHub's tables and strikethrough gives it."""
    return str(markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
               .render(markdown))  # fmt: skip


class Parsed(HTMLParser):
    """The tags and the text of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.text += "\n"

    def handle_data(self, data: str) -> None:
        self.text += data


TRICKY_PROSE = [
    "a *star* and _underscores_ and **bold** and __bold__",
    "<script>alert('x')</script> and <b>bold</b> and <!-- a comment -->",
    "# not a heading",
    "## nor this",
    "- not a list",
    "+ nor this",
    "* nor this",
    "1. not an ordered list",
    "12) nor this",
    "> not a quote",
    "---",
    "===",
    "***",
    "___",
    "```python",
    "~~~",
    "~~not struck~~",
    "`not code` and ``neither``",
    "[a link](http://example.com) and ![an image](x.png) and [ref]: http://x",
    "&lt; stays as typed &amp; &#65; &copy;",
    "a | table | row",
    "|---|---|",
    "$x^2$ and $$y$$",
    "a backslash \\ and \\* and a trailing one \\",
    "Y[i, j] = sum(X[i:i+k_h, j:j+k_w] * K)",
    "http://example.com/a_b_c",
]


@pytest.mark.parametrize("line", TRICKY_PROSE)
def test_prose_shows_exactly_what_it_says(line):
    """Does a line holding Markdown or HTML syntax render as that text, unformatted?"""
    parsed = Parsed(render(to_markdown(line)))
    assert parsed.tags == ["p"], parsed.tags
    assert parsed.text.strip("\n") == line.rstrip()


def test_line_breaks_of_prose_are_kept():
    text = "first line\nsecond line\n\na new paragraph"
    parsed = Parsed(render(to_markdown(text)))
    assert parsed.tags == ["p", "br", "p"]
    assert parsed.text.split() == text.split()


def test_preformatted_lines_become_one_code_block():
    """Are an array and a traceback shown as code (<pre><code>), blank lines inside kept?"""
    text = 'the values:\n  [[1, 2],\n\n   [3, 4]]\nHint: look again\n  File "x.py", line 3'
    assert [b.preformatted for b in blocks(text)] == [False, True, False, True]
    html = render(to_markdown(text))
    parsed = Parsed(html)
    assert parsed.tags == ["p", "pre", "code", "p", "pre", "code"]
    assert "  [[1, 2],\n\n   [3, 4]]\n</code></pre>" in html


def test_a_block_with_backticks_is_not_closed_early():
    """Can what a student printed (backticks, a fence, HTML) escape its code block?"""
    printed = "```\n<script>alert(1)</script>\n   ````\n# heading"
    text = "Your code printed:\n" + preformatted(printed)
    html = render(to_markdown(text))
    parsed = Parsed(html)
    assert parsed.tags == ["p", "pre", "code"]
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert parsed.text.rstrip("\n").endswith(preformatted(printed))


def _normalised(text: str) -> str:
    """What a round trip keeps: prose lines lose trailing white space."""
    return "\n".join(
        line if block.preformatted else line.rstrip()
        for block in blocks(text)
        for line in block.lines
    )


def test_markdown_reads_back_to_the_text():
    """Does reading Markdown back give the text again, for many random messages?"""
    alphabet = [*"ab \t\n\r*_`\\<>&#-+=|~$[]()!.1", "  ", "```", "    ", "✓", "✗"]
    generator = random.Random(16)
    for _ in range(3000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 40)))
        expected = _normalised(text.replace("\r\n", "\n").replace("\r", "\n"))
        assert from_markdown(to_markdown(text)) == expected, repr(text)


def _long_message() -> str:
    rows = "\n".join(f"  row {i}: " + "✓ " * 20 for i in range(60))
    return "\n".join(["First *line*.", rows, "Hint: `x` <b>", rows, "the end"])


@pytest.mark.parametrize("limit", [60, 200, 333, 1000, 1500, 2500, 4000])
def test_clipped_markdown_closes_its_code_block(limit):
    """Is the clipped Markdown within the limit, with no code block left open?"""
    markdown = to_markdown(_long_message())
    assert len(markdown) > limit
    clipped = clip_markdown(markdown, limit)
    assert len(clipped) <= limit
    html = render(clipped)
    # an open fence would swallow the note into the code block
    assert html.endswith("more characters not shown]</p>\n"), html[-200:]
    assert html.count("<pre>") == html.count("</pre>")
    text = from_markdown(clipped)
    assert text.endswith(" more characters not shown]")
    assert text.startswith("First *line*.") or limit < 100


def test_a_cut_never_ends_in_half_an_escape():
    markdown = to_markdown("\\" * 500)  # each backslash escaped as two characters
    for limit in range(100, 140):
        clipped = clip_markdown(markdown, limit)
        kept = clipped.split("\n\n")[0]
        assert (len(kept) - len(kept.rstrip("\\"))) % 2 == 0
        assert set(from_markdown(kept)) == {"\\"}


def test_short_markdown_is_not_clipped():
    markdown = to_markdown(_long_message())
    assert clip_markdown(markdown, len(markdown)) == markdown


def test_the_terminal_wraps_prose_but_never_a_map():
    """In `cnngrade grade`'s table, is a long map row kept whole and a long sentence
    wrapped, and is a very long message cut with a count?"""
    row = "  0" + " ✗" * 30
    lines = message_lines("word " * 30 + "\n" + row, width=40)
    assert lines[-1] == " " * 8 + row and len(lines) > 2
    assert all(len(line) <= 40 for line in lines[:-1])
    long = message_lines("\n".join(f"  row {i}" for i in range(100)), width=80)
    assert len(long) == MESSAGE_LINES and long[-1].endswith("(71 more lines)")
