"""`newslab student-copy`: the repository at a commit, without the solutions, never over other files."""

from __future__ import annotations

import os
import subprocess

import pytest

from newslab import errors
from newslab.cli import main
from newslab.student_copy import is_left_out, write_student_copy


def _git(folder, *arguments):
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True)


@pytest.fixture()
def course(tmp_path):
    """A small checkout: two notebooks, their solutions, a test of the solutions, an executable."""
    repo = tmp_path / "course"
    for path, text in {
        "README.md": "# course\n",
        "notebooks/00-start-here.ipynb": "{}",
        "notebooks/solutions/00-start-here.ipynb": "{}",
        "tests/test_solutions.py": "",
        "tests/test_article.py": "",
        "postBuild": "#!/bin/bash\n",
    }.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text)
    os.chmod(repo / "postBuild", 0o755)
    _git(tmp_path, "init", "-q", str(repo))
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    _git(repo, "tag", "v1")
    (repo / "notebooks" / "01-new.ipynb").write_text("{}")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "second")
    (repo / "notes-not-committed.txt").write_text("private")
    return repo


def test_left_out():
    assert is_left_out("notebooks/solutions/03-who-said-what.ipynb")
    assert is_left_out("tests/test_solutions.py")
    assert not is_left_out("notebooks/03-who-said-what.ipynb")
    assert not is_left_out("tests/test_solutions_helper.py")


def test_copy_has_the_committed_files_without_solutions(course, tmp_path):
    written = write_student_copy(tmp_path / "students", source=course)
    assert written == [
        "README.md",
        "notebooks/00-start-here.ipynb",
        "notebooks/01-new.ipynb",
        "postBuild",
        "tests/test_article.py",
    ]
    copy = tmp_path / "students"
    assert not (copy / "notebooks" / "solutions").exists()
    assert not (copy / "notes-not-committed.txt").exists()
    assert os.access(copy / "postBuild", os.X_OK)


def test_copy_of_a_tag(course, tmp_path):
    written = write_student_copy(tmp_path / "v1", source=course / "notebooks", ref="v1")
    assert "notebooks/01-new.ipynb" not in written


def test_never_writes_into_a_folder_with_files(course, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.txt").write_text("keep me")
    with pytest.raises(errors.FileExists, match="not empty"):
        write_student_copy(tmp_path / "busy", source=course)
    assert (tmp_path / "busy" / "mine.txt").read_text() == "keep me"


def test_unknown_ref_and_no_checkout(course, tmp_path):
    with pytest.raises(errors.InvalidInput, match="not a commit, branch or tag"):
        write_student_copy(tmp_path / "x", source=course, ref="no-such-tag")
    (tmp_path / "plain").mkdir()
    with pytest.raises(errors.InvalidInput, match="not inside a git checkout"):
        write_student_copy(tmp_path / "y", source=tmp_path / "plain")


def test_command(course, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course)
    assert main(["student-copy", str(tmp_path / "out"), "--ref", "v1"]) == 0
    assert "wrote 4 files" in capsys.readouterr().err
    assert main(["student-copy", str(tmp_path / "out")]) == 2
    assert "not empty" in capsys.readouterr().err
