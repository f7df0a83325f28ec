"""Solution markers become stubs; malformed markers are errors naming file and line."""

from __future__ import annotations

import pytest

from autograder.authoring.markers import DEFAULT_HINT, MarkerError, make_stub
from tests.support import KIT

BLOCK = '''\
def f(x):
    """Doc."""
    # BEGIN SOLUTION
    y = x * 2
    return y
    # END SOLUTION


def g(x):
    # BEGIN SOLUTION: use np.flip
    return x[::-1]
    # END SOLUTION
'''


def test_block_markers_keep_signature_and_docstring():
    stub = make_stub(BLOCK)
    assert stub.regions == 2
    assert 'def f(x):\n    """Doc."""\n    raise NotImplementedError("' + DEFAULT_HINT in stub.text
    assert "y = x * 2" not in stub.text and "x[::-1]" not in stub.text
    assert 'raise NotImplementedError("TODO: use np.flip")' in stub.text
    compile(stub.text, "stub", "exec")


def test_one_line_markers():
    source = "def f(x):\n    rate = 0.5  # SOLUTION\n    return x * rate  # SOLUTION\n"
    stub = make_stub(source).text
    assert "    rate = ...\n" in stub
    assert "    raise NotImplementedError" in stub and "x * rate" not in stub


@pytest.mark.parametrize(("source", "line", "words"), [
    ("# BEGIN SOLUTION\nx = 1\n", 1, "never closed"),
    ("x = 1\n# END SOLUTION\n", 2, "without a BEGIN"),
    ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", 2, "cannot nest"),
    ("# BEGIN SOLUTION\nx = 1  # SOLUTION\n# END SOLUTION\n", 2, "inside the block"),
])  # fmt: skip
def test_is_an_error_raised_for_bad_markers(source, line, words):
    """Is an error thrown, naming file and line, for unbalanced or nested markers?"""
    with pytest.raises(MarkerError, match=words) as info:
        make_stub(source, "solutions/cnnlab/x.py")
    assert info.value.line == line
    assert str(info.value).startswith(f"solutions/cnnlab/x.py, line {line}:")


def test_every_reference_has_markers_and_its_stub_compiles():
    for reference in sorted((KIT / "solutions" / "cnnlab").glob("*.py")):
        stub = make_stub(reference.read_text(), reference)
        compile(stub.text, str(reference), "exec")
        if reference.name != "__init__.py":
            assert stub.regions > 0, f"{reference.name} has no solution markers"
