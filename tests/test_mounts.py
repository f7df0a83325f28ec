"""Which folders block the sandbox account, and what staff are told when they cannot be
shown to it (the mount namespace itself: tests/test_sandbox.py, as root)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from autograder.sandbox import mounts

OTHER = 54321  # an account that owns nothing here


@pytest.fixture
def base():
    """A folder every account can search (pytest's own tmp root is private to its user)."""
    folder = Path(tempfile.mkdtemp(dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_the_outermost_private_folder_blocks_and_nested_paths_come_with_their_parent(base):
    private = base / "home"
    (private / "python" / "lib").mkdir(parents=True)
    (private / "venv").mkdir()
    open_folder = base / "public"
    open_folder.mkdir()
    for folder in (private / "python", private / "venv", open_folder):
        folder.chmod(0o755)
    private.chmod(0o700)  # like /root
    wanted = [private / "python", private / "python" / "lib", private / "venv", open_folder]
    blocked = mounts.blocking_folders(wanted, OTHER, OTHER)
    assert blocked == {private: [private / "python", private / "venv"]}
    assert mounts.blocking_folders([open_folder], OTHER, OTHER) == {}
    owner = private.stat().st_uid  # its owner may search it
    assert mounts.blocking_folders([private / "venv"], owner, OTHER) == {}


def test_a_refused_namespace_is_a_staff_error_that_names_the_fix(base, monkeypatch):
    private = base / "home"
    (private / "python").mkdir(parents=True)
    private.chmod(0o700)

    class Refusing:
        def unshare(self, flags: int) -> int:
            return -1

    monkeypatch.setattr(mounts, "_libc", Refusing)
    with pytest.raises(mounts.Unreachable) as info:
        mounts.expose([private / "python"], OTHER, OTHER)
    text = str(info.value)
    assert "cannot reach the Python installation" in text and "chmod o+x" in text
    assert "/usr/bin/python3 -m venv" in text


def test_nothing_in_the_way_changes_nothing(tmp_path):
    tmp_path.chmod(0o755)
    reachable = [p for p in (Path(os.__file__).parent,) if p.exists()]
    if mounts.blocking_folders(reachable, OTHER, OTHER):
        pytest.skip("this Python lives below a private folder")
    assert mounts.expose(reachable, OTHER, OTHER) == []
