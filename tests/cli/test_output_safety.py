"""Where the kit writes: only inside the folder asked for, only over regular files, one sentence otherwise.

Covers hostile sidecar ids (path traversal), device nodes and FIFOs given as ``-o``, output paths
that cannot be written, ``-o -`` for standard output, and ``newslab annotate story.txt > story.json``.
Needs the spaCy model (the commands annotate a two-sentence story).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from newslab import errors
from newslab.annotations import AnnotationSet, make_annotation
from newslab.cli import main
from newslab.exports import export_all
from newslab.files import safe_file_name, write_atomic

pytestmark = pytest.mark.model

STORY = "The mayor said on Tuesday that the bridge would close.\n\nShe spoke to reporters.\n"
HOSTILE_IDS = [
    "../../escaped",
    "/tmp/newslab-escaped-abs",
    "..",
    ".",
    "a/../../b",
    "..\\..\\x",
    "",
    " ",
    "\x00",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error_line(err: str, *words: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("newslab: error: ") and "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    """A working folder inside tmp_path (so an escape to its parent shows), as the current folder."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


# ---------------------------------------------------------------- 5. ids never become paths


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_safe_file_name_never_leaves_the_folder(name):
    safe = safe_file_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..") and not safe.startswith(".")


def test_a_hostile_sidecar_id_cannot_make_report_write_outside(work, capsys):
    """The report's default path is made from the id: it stays in reports/ whatever the sidecar says."""
    (work / "story.json").write_text("{}", encoding="utf-8")
    outside_before = files_under(work.parent)
    for hostile in ["../../escaped", str(work.parent / "abs-escaped"), "..", "a/../../b"]:
        (work / "story.json").write_text(json.dumps({"id": hostile}), encoding="utf-8")
        status, _, err = run(capsys, "report", "story.txt", "--force")
        assert status == 0, err
    new_files = {path for path in files_under(work.parent) - outside_before if not path.is_dir()}
    assert new_files and all(work / "reports" in path.parents for path in new_files), new_files
    assert not (work.parent / "escaped.html").exists() and not (work.parent / "abs-escaped.html").exists()


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_export_all_writes_only_inside_its_folder(tmp_path, hostile):
    text = "Helen Brandt spoke."
    annotations = AnnotationSet(hostile, text, [make_annotation(text, 0, 12, "PERSON")], annotator=hostile)
    folder = tmp_path / "deep" / "exports"
    before = files_under(tmp_path)
    paths = export_all(annotations, folder)
    new_files = {path for path in files_under(tmp_path) - before if not path.is_dir()}
    assert new_files and all(folder in path.parents for path in new_files), new_files
    assert new_files >= {Path(p) for p in paths.values()}


# ---------------------------------------------------------------- 6. only regular files are replaced


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_force_never_replaces_a_fifo(work, capsys):
    fifo = work / "pipe"
    os.mkfifo(fifo)
    status, _, err = run(capsys, "annotate", "story.txt", "-o", str(fifo), "--force")
    assert status == 2
    one_error_line(err, "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.fixture
def device(work) -> Path:
    """A character device of our own (a copy of /dev/null's node), so a failing test harms nothing else."""
    node = work / "null-device"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root)")
    return node


def test_force_never_replaces_a_device_node(device, capsys):
    """What `-o /dev/null --force` would do to /dev/null, tried on a device node of the test's own."""
    status, _, err = run(capsys, "annotate", "story.txt", "-o", str(device), "--force")
    assert status == 2
    one_error_line(err, "not a regular file")
    with pytest.raises(errors.NewslabError, match="not a regular file"):
        write_atomic(device, "x", overwrite=True)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_symlink_to_a_device_is_refused_too(device, work):
    link = work / "null-link"
    link.symlink_to(device)
    with pytest.raises(errors.NewslabError, match="not a regular file"):
        write_atomic(link, "x", overwrite=True)
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


def test_dash_writes_to_standard_output(work, capsys):
    status, out, err = run(capsys, "annotate", "story.txt", "-o", "-")
    assert status == 0, err
    assert json.loads(out)["id"] == "story"
    assert not (work / "-").exists()


# ---------------------------------------------------------------- 7. one sentence for unwritable places


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("adir", ["folder"]),
        ("story.txt/out.json", ["story.txt", "not a folder"]),
        ("/proc/newslab-out.json", ["cannot write"]),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_unwritable_outputs_are_one_sentence(work, capsys, output, words, force):
    (work / "adir").mkdir()
    status, out, err = run(capsys, "annotate", "story.txt", "-o", output, *(["--force"] if force else []))
    assert status == 2 and out == ""
    line = one_error_line(err, *words)
    assert "already exists" not in line
    assert (work / "adir").is_dir() and (work / "story.txt").read_text(encoding="utf-8") == STORY


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_a_folder_without_write_permission_is_one_sentence(work, capsys):
    locked = work / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        status, _, err = run(capsys, "annotate", "story.txt", "-o", "locked/out.json")
    finally:
        locked.chmod(0o700)
    assert status == 2
    one_error_line(err, "cannot write")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux")
def test_a_file_name_that_is_not_utf8_works_or_is_one_sentence(work, capsys):
    name = os.fsdecode(b"caf\xe9.json")
    status, _, err = run(capsys, "annotate", "story.txt", "-o", name)
    assert "Traceback" not in err
    if status == 0:
        assert json.loads((work / name).read_text(encoding="utf-8"))["id"] == "story"
    else:
        one_error_line(err)


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux")
@pytest.mark.parametrize("command", [["report", "--force"], ["annotate"], ["annotate", "--plain"]])
def test_an_article_whose_file_name_is_not_utf8(work, capsys, command):
    name = os.fsdecode(b"caf\xe9.txt")
    (work / name).write_text(STORY, encoding="utf-8")
    status, out, err = run(capsys, command[0], name, *command[1:])
    assert status == 0 and "Traceback" not in err, err
    if command[0] == "annotate":
        assert json.loads(out)["id"] == "caf\ufffd"


def test_report_checks_the_output_before_working(work, capsys):
    (work / "adir").mkdir()
    status, _, err = run(capsys, "report", "story.txt", "-o", "adir", "--force")
    assert status == 2
    one_error_line(err, "folder")


# ---------------------------------------------------------------- 12. annotate story.txt > story.json


def test_annotate_into_the_sidecar_name_works(work, capsys):
    """The shell creates story.json empty before the kit runs: that is not metadata."""
    (work / "story.json").write_text("", encoding="utf-8")
    status, out, err = run(capsys, "annotate", "story.txt")
    assert status == 0, err
    record = json.loads(out)
    (work / "story.json").write_text(out, encoding="utf-8")
    # Run again: the kit's own output where the sidecar would be is not metadata either.
    status, again, err = run(capsys, "annotate", "story.txt")
    assert status == 0, err
    assert json.loads(again) == record


def test_a_broken_sidecar_is_named_as_the_articles_sidecar(work, capsys):
    (work / "story.json").write_text('{"title": "A title",', encoding="utf-8")
    status, _, err = run(capsys, "annotate", "story.txt")
    assert status == 2
    one_error_line(err, "story.json", "story.txt", "not valid JSON")


# ---------------------------------------------------------------- 9. sidecar types, closed stdin


@pytest.mark.parametrize(
    "sidecar",
    [{"title": 5}, {"title": ["a"]}, {"id": 7}, {"id": {"a": 1}}, {"outlet": True}, {"title": "x\ud800"}],
)
def test_a_sidecar_field_of_the_wrong_type_is_one_sentence(work, capsys, sidecar):
    (work / "story.json").write_text(json.dumps(sidecar), encoding="utf-8")
    status, out, err = run(capsys, "annotate", "story.txt")
    assert status == 2 and out == ""
    one_error_line(err, "story.json")


@pytest.mark.parametrize(
    "argv", [["annotate", "-"], ["report", "-", "-o", "r.html"], ["annotate", "--jsonl", "-"]]
)
def test_closed_standard_input_is_one_sentence(work, capsys, monkeypatch, argv):
    monkeypatch.setattr(sys, "stdin", None)
    status, _, err = run(capsys, *argv)
    assert status == 2
    one_error_line(err, "Standard input")
