"""Finding the student's module in an upload: folders, single files and (hostile) zips."""

import os
import stat
import zipfile
from pathlib import Path

import pytest

import autograder.intake.submission
from autograder.course.config import load_config
from autograder.intake.submission import SubmissionProblem, hand_over, locate, unpack
from autograder.sandbox.users import SandboxUser

REAL_CONFIG = Path(__file__).resolve().parents[1] / "assignments/correlate2d/assignment.toml"


@pytest.fixture(scope="module")
def config():
    return load_config(REAL_CONFIG)


def make_tree(root, files):
    """Create ``files`` (relative path -> text) under ``root``; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def make_zip(path, members):
    """Write a zip of ``members``: name -> text, or name -> ZipInfo-ready (info, data)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in members.items():
            if isinstance(content, tuple):
                zf.writestr(*content)
            else:
                zf.writestr(name, content)
    return path


def grade_folder(tmp_path, files, config):
    upload = make_tree(tmp_path / "upload", files)
    dest = unpack(upload, tmp_path / "dest")
    return dest, locate(dest, config)


def files_under(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# --- where the module is ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "root", "module", "path"),
    [
        pytest.param(
            ["cnnlab/__init__.py", "cnnlab/correlate.py"],
            ".",
            "cnnlab.correlate",
            "cnnlab/correlate.py",
            id="package",
        ),
        pytest.param(
            ["hw1/README.md", "hw1/src/cnnlab/correlate.py", "hw1/tests/test_x.py"],
            "hw1/src",
            "cnnlab.correlate",
            "hw1/src/cnnlab/correlate.py",
            id="nested-package",
        ),
        pytest.param(
            ["correlate.py", "helpers.py"], ".", "correlate", "correlate.py", id="top-level"
        ),
        pytest.param(
            ["work/correlate.py", "work/notes.txt"],
            "work",
            "correlate",
            "work/correlate.py",
            id="bare-in-folder",
        ),
        pytest.param(
            ["correlate.py", "cnnlab/correlate.py"],
            ".",
            "cnnlab.correlate",
            "cnnlab/correlate.py",
            id="package-preferred-over-bare",
        ),
        pytest.param(
            ["correlate.py", "deep/er/cnnlab/correlate.py"],
            "deep/er",
            "cnnlab.correlate",
            "deep/er/cnnlab/correlate.py",
            id="deep-package-preferred-over-shallow-bare",
        ),
    ],
)
def test_is_the_module_found_with_the_right_root_and_name(
    tmp_path, config, files, root, module, path
):
    dest, located = grade_folder(tmp_path, {rel: f"# {rel}\n" for rel in files}, config)
    assert located.root == dest / root
    assert located.module == module
    assert located.path == dest / path
    assert located.path.read_text(encoding="utf-8") == f"# {path}\n"
    assert located.notes == ()


def test_is_the_root_plus_the_module_name_the_module_file(tmp_path, config):
    _, located = grade_folder(tmp_path, {"a/b/cnnlab/correlate.py": ""}, config)
    assert located.root.joinpath(*located.module.split(".")).with_suffix(".py") == located.path


def test_is_a_single_py_upload_named_like_the_module_graded(tmp_path, config):
    upload = tmp_path / "correlate.py"
    upload.write_text("def correlate2d(x, k): ...\n", encoding="utf-8")
    dest = unpack(upload, tmp_path / "dest")
    located = locate(dest, config)
    assert located.module == "correlate"
    assert located.root == dest
    assert located.path == dest / "correlate.py"
    assert located.path.read_text(encoding="utf-8") == upload.read_text(encoding="utf-8")
    assert located.notes == ()


@pytest.mark.parametrize("as_folder", [False, True], ids=["file-upload", "folder-upload"])
def test_is_a_single_py_under_another_name_graded_with_a_rename_note(tmp_path, config, as_folder):
    if as_folder:
        upload = make_tree(tmp_path / "upload", {"my_solution.py": "x = 1\n"})
    else:
        upload = tmp_path / "my_solution.py"
        upload.write_text("x = 1\n", encoding="utf-8")
    dest = unpack(upload, tmp_path / "dest")
    located = locate(dest, config)
    assert located.module == "my_solution"
    assert located.path == dest / "my_solution.py"
    assert located.root == dest
    (note,) = located.notes
    assert "my_solution.py" in note
    assert "correlate.py" in note
    assert "rename" in note


def test_does_a_note_list_the_ignored_copies_of_a_duplicated_package_module(tmp_path, config):
    files = {
        "b/cnnlab/correlate.py": "# b\n",
        "a/cnnlab/correlate.py": "# a\n",
        "old/backup/cnnlab/correlate.py": "# old\n",
    }
    _, located = grade_folder(tmp_path, files, config)
    assert located.path.read_text(encoding="utf-8") == "# a\n"
    (note,) = located.notes
    assert "a/cnnlab/correlate.py" in note
    assert "b/cnnlab/correlate.py" in note
    assert "old/backup/cnnlab/correlate.py" in note
    assert note.index("a/cnnlab/correlate.py") < note.index("ignored")


def test_does_a_note_list_the_ignored_copy_of_a_duplicated_bare_module(tmp_path, config):
    files = {"v2/correlate.py": "# v2\n", "correlate.py": "# top\n"}
    _, located = grade_folder(tmp_path, files, config)
    assert located.module == "correlate"
    assert located.path.read_text(encoding="utf-8") == "# top\n"
    (note,) = located.notes
    assert "v2/correlate.py" in note.split("ignored")[1]


@pytest.mark.parametrize("junk", ["__MACOSX", ".ipynb_checkpoints", "__pycache__", ".git"])
@pytest.mark.parametrize("unpacked", [True, False], ids=["unpacked", "located-in-place"])
def test_are_copies_in_junk_folders_ignored(tmp_path, config, junk, unpacked):
    files = {
        f"{junk}/cnnlab/correlate.py": "# junk\n",
        f"{junk}/correlate.py": "# junk\n",
        "hw/src/cnnlab/correlate.py": "# real\n",
    }
    upload = make_tree(tmp_path / "upload", files)
    folder = unpack(upload, tmp_path / "dest") if unpacked else upload
    located = locate(folder, config)
    assert located.path == folder / "hw/src/cnnlab/correlate.py"
    assert located.notes == ()
    if unpacked:
        assert not (folder / junk).exists()


@pytest.mark.parametrize("junk", ["__MACOSX", ".ipynb_checkpoints"])
def test_is_a_module_only_inside_a_junk_folder_not_graded(tmp_path, config, junk):
    upload = make_tree(tmp_path / "upload", {f"{junk}/correlate.py": "", "notes.md": ""})
    dest = unpack(upload, tmp_path / "dest")
    with pytest.raises(SubmissionProblem, match=r"could not find correlate\.py"):
        locate(dest, config)


def test_are_symlinks_in_an_uploaded_folder_not_followed(tmp_path, config):
    secret = make_tree(tmp_path / "secret", {"correlate.py": "# secret\n"})
    upload = make_tree(tmp_path / "upload", {"readme.md": ""})
    (upload / "correlate.py").symlink_to(secret / "correlate.py")
    (upload / "linked_dir").symlink_to(secret, target_is_directory=True)
    dest = unpack(upload, tmp_path / "dest")
    assert files_under(dest) == ["readme.md"]
    with pytest.raises(SubmissionProblem):
        locate(dest, config)


def test_is_the_module_found_when_the_workspace_lies_under_a_junk_named_folder(tmp_path, config):
    upload = make_tree(tmp_path / "upload", {"cnnlab/correlate.py": ""})
    dest = unpack(upload, tmp_path / "node_modules" / "dest")
    assert locate(dest, config).module == "cnnlab.correlate"


# --- zips -------------------------------------------------------------------------------


def test_is_the_module_found_in_a_zip(tmp_path, config):
    archive = make_zip(
        tmp_path / "submission.zip",
        {
            "hw1/": "",
            "hw1/cnnlab/__init__.py": "",
            "hw1/cnnlab/correlate.py": "# zipped\n",
            "hw1/README.md": "hello",
        },
    )
    dest = unpack(archive, tmp_path / "dest")
    located = locate(dest, config)
    assert located.root == dest / "hw1"
    assert located.module == "cnnlab.correlate"
    assert located.path.read_text(encoding="utf-8") == "# zipped\n"
    assert files_under(dest) == [
        "hw1/README.md",
        "hw1/cnnlab/__init__.py",
        "hw1/cnnlab/correlate.py",
    ]


def test_are_junk_folders_in_a_zip_not_extracted(tmp_path, config):
    archive = make_zip(
        tmp_path / "submission.zip",
        {
            "__MACOSX/cnnlab/._correlate.py": "\0\0binary",
            "__MACOSX/correlate.py": "# junk\n",
            "proj/.ipynb_checkpoints/correlate.py": "# junk\n",
            "proj/correlate.py": "# real\n",
        },
    )
    dest = unpack(archive, tmp_path / "dest")
    assert files_under(dest) == ["proj/correlate.py"]
    assert locate(dest, config).notes == ()


# An absolute member that a broken extractor would write outside the test's folder.
SYSTEM_EVIL = "/etc/cnngrade-test-must-not-exist.py"


@pytest.mark.parametrize(
    "evil",
    [
        "../evil.py",
        "../../evil.py",
        "a/../../evil.py",
        "..\\evil.py",
        "{tmp}/x/evil.py",
        "{tmp}/x/y/dest/evil.py",
        SYSTEM_EVIL,
    ],
)
def test_are_zip_members_escaping_the_destination_never_written(tmp_path, config, evil):
    evil = evil.format(tmp=tmp_path)
    archive = make_zip(
        tmp_path / "submission.zip", {evil: "# evil\n", "ok/cnnlab/correlate.py": "# ok\n"}
    )
    dest = tmp_path / "x" / "y" / "dest"
    siblings_before = sorted(os.listdir(tmp_path.parent))
    try:
        unpack(archive, dest)
        assert not Path(SYSTEM_EVIL).exists()
    finally:
        if evil == SYSTEM_EVIL:
            Path(SYSTEM_EVIL).unlink(missing_ok=True)  # only if a regression wrote it
    assert sorted(os.listdir(tmp_path.parent)) == siblings_before
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and dest not in p.parents]
    assert outside == [archive]
    assert files_under(dest) == ["ok/cnnlab/correlate.py"]
    assert locate(dest, config).module == "cnnlab.correlate"


def symlink_member(name, target):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target


@pytest.mark.parametrize(
    ("name", "target"),
    [("cnnlab/data.txt", "/etc/passwd"), ("escape", "../../.."), ("cnnlab/utils.py", "/")],
)
def test_is_a_symlink_member_of_a_zip_skipped(tmp_path, config, name, target):
    archive = make_zip(
        tmp_path / "submission.zip",
        {name: symlink_member(name, target), "cnnlab/correlate.py": "# ok\n"},
    )
    dest = unpack(archive, tmp_path / "dest")
    link = dest / name
    assert not link.is_symlink()
    assert not link.exists()
    assert files_under(dest) == ["cnnlab/correlate.py"]
    assert locate(dest, config).module == "cnnlab.correlate"


def test_is_a_symlinked_module_in_a_zip_not_graded(tmp_path, config):
    archive = make_zip(
        tmp_path / "submission.zip",
        {"correlate.py": symlink_member("correlate.py", "/etc/passwd")},
    )
    dest = unpack(archive, tmp_path / "dest")
    assert not (dest / "correlate.py").is_symlink()
    with pytest.raises(SubmissionProblem):
        locate(dest, config)


def valid_zip_bytes(tmp_path):
    archive = make_zip(tmp_path / "good.zip", {"cnnlab/correlate.py": "# " + "x" * 200 + "\n"})
    return archive.read_bytes()


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda good: b"this is not a zip file at all",
        lambda good: b"",
        lambda good: good[: len(good) // 2],
        lambda good: good[:-30],
        lambda good: good.replace(b"x" * 200, b"y" * 200),
    ],
    ids=["text", "empty", "half", "no-end-record", "bad-crc"],
)
def test_is_a_corrupt_zip_a_submission_problem_with_a_helpful_message(tmp_path, corrupt):
    good = valid_zip_bytes(tmp_path)
    unpack(tmp_path / "good.zip", tmp_path / "sanity")  # the uncorrupted zip is fine
    archive = tmp_path / "submission.zip"
    archive.write_bytes(corrupt(good))
    assert archive.read_bytes() != good
    with pytest.raises(SubmissionProblem, match="zip") as info:
        unpack(archive, tmp_path / "dest")
    assert "again" in str(info.value)


# --- unusable uploads -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["correlate.txt", "submission.tar.gz", "noext"])
def test_is_an_unsupported_file_type_a_submission_problem(tmp_path, name):
    upload = tmp_path / name
    upload.write_text("def correlate2d(): ...\n", encoding="utf-8")
    with pytest.raises(SubmissionProblem) as info:
        unpack(upload, tmp_path / "dest")
    message = str(info.value)
    assert name in message
    assert ".py" in message
    assert ".zip" in message


def test_is_a_missing_upload_a_submission_problem(tmp_path):
    with pytest.raises(SubmissionProblem, match="does not exist"):
        unpack(tmp_path / "nothing.zip", tmp_path / "dest")


@pytest.mark.parametrize(
    "files",
    [
        ["utils.py", "lib/model.py"],
        ["src/helper.py"],
        ["cnnlab/correlation.py", "cnnlab/__init__.py"],
        ["correlate.pyc", "correlate.py.txt", "main.py", "other.py"],
    ],
    ids=["two-others", "one-nested-other", "near-miss", "wrong-suffixes"],
)
def test_does_a_missing_module_list_the_py_files_found_and_what_to_upload(tmp_path, config, files):
    upload = make_tree(tmp_path / "upload", dict.fromkeys(files, ""))
    dest = unpack(upload, tmp_path / "dest")
    with pytest.raises(SubmissionProblem) as info:
        locate(dest, config)
    message = str(info.value)
    for rel in files:
        if rel.endswith(".py"):
            assert rel in message
    assert "could not find correlate.py" in message
    assert "Upload cnnlab/correlate.py or correlate.py" in message


def test_is_an_empty_folder_a_submission_problem(tmp_path, config):
    upload = make_tree(tmp_path / "upload", {})
    dest = unpack(upload, tmp_path / "dest")
    with pytest.raises(SubmissionProblem, match="no Python files") as info:
        locate(dest, config)
    assert "correlate.py" in str(info.value)


def test_is_an_empty_zip_a_submission_problem(tmp_path, config):
    archive = make_zip(tmp_path / "submission.zip", {})
    dest = unpack(archive, tmp_path / "dest")
    with pytest.raises(SubmissionProblem, match="no Python files"):
        locate(dest, config)


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_are_too_many_files_a_submission_problem(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(autograder.intake.submission, "MAX_FILES", 3)
    files = {f"f{i}.py": "" for i in range(5)}
    if kind == "folder":
        upload = make_tree(tmp_path / "upload", files)
    else:
        upload = make_zip(tmp_path / "submission.zip", files)
    with pytest.raises(SubmissionProblem, match="too large") as info:
        unpack(upload, tmp_path / "dest")
    assert "3 files" in str(info.value)


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_is_the_file_count_limit_itself_allowed(tmp_path, monkeypatch, config, kind):
    monkeypatch.setattr(autograder.intake.submission, "MAX_FILES", 3)
    files = {"correlate.py": "", "a.py": "", "b.py": ""}
    if kind == "folder":
        upload = make_tree(tmp_path / "upload", files)
    else:
        upload = make_zip(tmp_path / "submission.zip", files)
    dest = unpack(upload, tmp_path / "dest")
    assert locate(dest, config).module == "correlate"


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_are_too_many_bytes_a_submission_problem(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(autograder.intake.submission, "MAX_BYTES", 1000)
    files = {"correlate.py": "x" * 600, "data.py": "y" * 600}
    if kind == "folder":
        upload = make_tree(tmp_path / "upload", files)
    else:
        upload = make_zip(tmp_path / "submission.zip", files)
    with pytest.raises(SubmissionProblem, match="too large"):
        unpack(upload, tmp_path / "dest")


# --- handing the files over -------------------------------------------------------------


@pytest.fixture
def chown_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(os, "chown", lambda *args, **kwargs: calls.append(args[0]))
    return calls


def test_is_hand_over_without_a_user_a_no_op(tmp_path, chown_calls):
    tree = make_tree(tmp_path / "upload", {"cnnlab/correlate.py": "# x\n"})
    before = {p: p.stat() for p in tree.rglob("*")}
    hand_over(tree, None)
    assert chown_calls == []
    after = {p: p.stat() for p in tree.rglob("*")}
    assert {p: (s.st_uid, s.st_gid, s.st_mode) for p, s in after.items()} == {
        p: (s.st_uid, s.st_gid, s.st_mode) for p, s in before.items()
    }


def test_does_hand_over_with_a_user_chown_every_entry(tmp_path, chown_calls):
    tree = make_tree(tmp_path / "upload", {"cnnlab/correlate.py": "# x\n", "a.txt": ""})
    hand_over(tree, SandboxUser("student", 12345, 12345))
    expected = {str(tree)} | {str(p) for p in tree.rglob("*")}
    assert set(map(str, chown_calls)) == expected


def test_a_folder_that_holds_only_a_zip_is_graded_by_the_zip(tmp_path):
    """Gradescope's submission folder holds the zip as uploaded when it was not unpacked:
    its content counts, as when the zip itself is the upload."""
    import zipfile

    folder = tmp_path / "submission"
    folder.mkdir()
    with zipfile.ZipFile(folder / "work.zip", "w") as archive:
        archive.writestr("cnnlab/correlate.py", "x = 1\n")
    out = unpack(folder, tmp_path / "out")
    assert (out / "cnnlab" / "correlate.py").read_text() == "x = 1\n"
    (folder / "notes.txt").write_text("the zip is not alone now")
    out = unpack(folder, tmp_path / "out2")
    assert (out / "work.zip").is_file() and not (out / "cnnlab").exists()
