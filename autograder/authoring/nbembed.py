"""What a notebook carries so that it works opened alone: its images and its checker.

A student may open only the notebook (Google Colab, a JupyterHub upload, a copy sent by
email), so nothing in it may point at a sibling file:

- the handout's images (release's figures included) become ``<img>`` tags with a ``data:``
  URI, which Jupyter, JupyterLab, VS Code and Colab all show (Colab ignores cell
  attachments, and markdown-it, VS Code's renderer, refuses an SVG ``data:`` URI in
  ``![...](...)`` but not in HTML);
- one code cell, the *checks cell*, holds the files the check cells need (the runner
  ``nbcheck.py``, the stage's public tests, and their helpers) as string literals; run, it
  writes them to a fresh temporary folder, puts that folder on ``sys.path`` and imports
  ``check``. Text stays readable source; binary files (stage 5's digits) are base64.

The checks cell opens with :data:`autograder.intake.notebook.CHECKS_CELL`, by which grading
leaves it out of a notebook upload: it is the template's, not the student's.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Mapping

from autograder.intake.notebook import CHECKS_CELL

MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg", ".gif": "image/gif"}  # fmt: skip
#: a local image in Markdown: ``![caption](name.svg)`` (not a URL, not an absolute path)
IMAGE = re.compile(r"!\[([^\]]*)\]\((?![a-z]+:|/)([^)\s]+)\)")
#: the name under which the checks cell leaves the folder of its files
FOLDER_NAME = "_cnnlab_checks"

_PREAMBLE = f"""\
{CHECKS_CELL}
# Written by `cnngrade release`: the public tests of this stage and the small runner behind
# `check(...)`, carried inside the notebook so that it works on its own (Colab, JupyterHub, a
# copy sent by email). Running it writes them to a temporary folder; nothing else happens.
"""
_UNPACK = f"""

def _cnnlab_unpack(files):
    import base64, sys, tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp(prefix="cnnlab-checks-"))
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(base64.b64decode(content))
        else:
            path.write_text(content, encoding="utf-8")
    sys.path.insert(0, str(folder))
    carried = {{name[:-3] for name in files if name.endswith(".py") and "/" not in name}}
    for name in carried & set(sys.modules):
        del sys.modules[name]  # run again, the cell's fresh copies are the ones imported
    return folder


{FOLDER_NAME} = _cnnlab_unpack(_cnnlab_files)
from nbcheck import check
"""


def embed_images(markdown: str, images: Mapping[str, bytes]) -> str:
    """``markdown`` with each local image found in ``images`` (name → bytes) inlined as an
    ``<img>`` with a ``data:`` URI and the caption as its ``alt``; an image not in
    ``images`` is left as it is."""

    def inline(match: re.Match[str]) -> str:
        name = match.group(2)
        suffix = name[name.rfind(".") :].lower()
        if name not in images or suffix not in MIME:
            return match.group(0)
        encoded = base64.b64encode(images[name]).decode("ascii")
        caption = html.escape(" ".join(match.group(1).split()), quote=True)
        return f'<img alt="{caption}" src="data:{MIME[suffix]};base64,{encoded}">'

    return IMAGE.sub(inline, markdown)


def _literal(content: bytes) -> str:
    """A Python expression for ``content``: its lines as string literals, or base64 bytes."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        encoded = base64.b64encode(content).decode("ascii")
        chunks = [encoded[i : i + 96] for i in range(0, len(encoded), 96)]
        return "(\n" + "".join(f"        b{chunk!r}\n" for chunk in chunks) + "    )"
    lines = text.splitlines(keepends=True) or [""]
    return "(\n" + "".join(f"        {line!r}\n" for line in lines) + "    )"


def checks_cell(files: Mapping[str, bytes]) -> str:
    """The source of the checks cell for ``files`` (path in the folder → content); it must
    hold ``nbcheck.py``."""
    if "nbcheck.py" not in files:
        raise ValueError("the checks cell needs nbcheck.py")
    entries = "".join(f"    {name!r}: {_literal(files[name])},\n" for name in sorted(files))
    return _PREAMBLE + "_cnnlab_files = {\n" + entries + "}\n" + _UNPACK.rstrip("\n")
