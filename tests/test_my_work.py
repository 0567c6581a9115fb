"""my-work/ as one zip to download or hand in, restored safely; knowing when the kit runs on Binder."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from newslab import errors
from newslab.my_work import (
    Bundle,
    binder_notice,
    bundle_my_work,
    download_my_work,
    on_binder,
    restore_my_work,
    show_binder_notice,
)

BINDER = {"BINDER_LAUNCH_HOST": "https://mybinder.org/", "BINDER_REPO_URL": "https://github.com/o/r"}


@pytest.fixture()
def work(tmp_path, monkeypatch):
    """A notebook folder with my-work/ holding two files (and a temporary file to leave out)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "my-work"
    (folder / "exports").mkdir(parents=True)
    (folder / "annotations-06.json").write_text('{"spans": []}', encoding="utf-8")
    (folder / "exports" / "student.jsonl").write_text("{}\n", encoding="utf-8")
    (folder / ".annotations-06.json.abc.tmp").write_text("half", encoding="utf-8")
    return folder


def _zip(entries: dict[str, bytes], *, link: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if link:
            entry = zipfile.ZipInfo(link)
            entry.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(entry, "/etc/passwd")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, False),
        ({"HOME": "/home/jovyan"}, False),
        (BINDER, True),
        ({"BINDER_REQUEST": "v2/gh/o/r/HEAD"}, True),
    ],
)
def test_on_binder(environ, expected):
    assert on_binder(environ) is expected


def test_the_notice_says_what_to_do_only_on_binder():
    assert binder_notice(environ={}) == ""
    notice = binder_notice(environ=BINDER)
    assert (
        "my-work/" in notice and "download_my_work()" in notice and 'restore_my_work("my-work.zip")' in notice
    )


def test_the_notice_is_printed_once(monkeypatch, capsys):
    import newslab.my_work as my_work

    monkeypatch.setattr(my_work, "_notice_shown", False)
    for name, value in BINDER.items():
        monkeypatch.setenv(name, value)
    show_binder_notice()
    show_binder_notice()
    assert capsys.readouterr().out.count("You are on Binder") == 1


def test_nothing_is_printed_off_binder(monkeypatch, capsys):
    import newslab.my_work as my_work

    monkeypatch.setattr(my_work, "_notice_shown", False)
    for name in my_work.BINDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    show_binder_notice()
    assert capsys.readouterr().out == ""


def test_bundle_holds_every_file_under_its_folder(work):
    bundle = download_my_work()
    assert bundle.path.resolve() == work.parent / "my-work.zip"
    assert bundle.files == ("my-work/annotations-06.json", "my-work/exports/student.jsonl")
    with zipfile.ZipFile(bundle.path) as archive:
        assert archive.namelist() == list(bundle.files)
        assert archive.read("my-work/annotations-06.json") == b'{"spans": []}'
    assert str(bundle) == "my-work.zip holds 2 files from my-work/"


def test_the_link_downloads_the_file_and_is_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bundle = Bundle(tmp_path / "a&b <x>.zip", ("w/a.json",))
    shown = bundle._repr_html_()
    assert 'href="a%26b%20%3Cx%3E.zip"' in shown
    assert 'download="a&amp;b &lt;x&gt;.zip"' in shown
    assert "<x>" not in shown


def test_same_work_same_bundle_new_work_new_name(work):
    first = download_my_work()
    data = first.path.read_bytes()
    assert download_my_work().path == first.path  # nothing changed: the same file, untouched
    assert first.path.read_bytes() == data
    (work / "annotations-06.json").write_text('{"spans": [1]}', encoding="utf-8")
    second = download_my_work()
    assert second.path.name == "my-work-2.zip"
    assert first.path.read_bytes() == data  # the earlier bundle is kept


def test_an_explicit_target_is_never_overwritten(work):
    (work.parent / "hand-in.zip").write_bytes(b"someone else's")
    with pytest.raises(errors.FileExists):
        bundle_my_work(work, to=work.parent / "hand-in.zip")
    assert (work.parent / "hand-in.zip").read_bytes() == b"someone else's"


def test_no_work_yet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(errors.SourceNotFound, match="no `my-work` folder"):
        download_my_work()
    (tmp_path / "my-work").mkdir()
    with pytest.raises(errors.SourceNotFound, match="holds no files"):
        download_my_work()


def test_restore_round_trip(work, tmp_path):
    bundle = download_my_work()
    restored = tmp_path / "new-session" / "my-work"
    written = restore_my_work(bundle.path, restored)
    assert [path.relative_to(restored).as_posix() for path in written] == [
        "annotations-06.json",
        "exports/student.jsonl",
    ]
    assert (restored / "exports" / "student.jsonl").read_text() == "{}\n"
    assert restore_my_work(bundle.path, restored) == []  # the same content: nothing to do


def test_restore_never_overwrites_other_work(work):
    bundle = download_my_work()
    (work / "annotations-06.json").write_text("newer work", encoding="utf-8")
    with pytest.raises(errors.FileExists, match=r"annotations-06\.json"):
        restore_my_work(bundle.path)
    assert (work / "annotations-06.json").read_text() == "newer work"
    restore_my_work(bundle.path, overwrite=True)
    assert (work / "annotations-06.json").read_text() == '{"spans": []}'


@pytest.mark.parametrize(
    "entries",
    [
        {"my-work/../../escaped.txt": b"x"},
        {"/etc/escaped.txt": b"x"},
        {"my-work/..\\..\\escaped.txt": b"x"},
        {"C:/escaped.txt": b"x"},
        {"my-work/./a.json": b"x"},
    ],
)
def test_restore_refuses_entries_outside_the_folder(entries, tmp_path):
    (tmp_path / "bad.zip").write_bytes(_zip(entries))
    with pytest.raises(errors.InvalidInput, match="unsafe entry"):
        restore_my_work(tmp_path / "bad.zip", tmp_path / "my-work")
    assert not (tmp_path / "my-work").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_restore_refuses_links(tmp_path):
    (tmp_path / "bad.zip").write_bytes(_zip({"my-work/a.json": b"{}"}, link="my-work/passwd"))
    with pytest.raises(errors.InvalidInput, match="unsafe entry"):
        restore_my_work(tmp_path / "bad.zip", tmp_path / "my-work")
    assert not (tmp_path / "my-work").exists()


def test_restore_refuses_what_is_not_a_bundle(tmp_path):
    (tmp_path / "notes.zip").write_text("not a zip")
    with pytest.raises(errors.InvalidInput, match="not a zip file"):
        restore_my_work(tmp_path / "notes.zip")
    (tmp_path / "loose.zip").write_bytes(_zip({"a.json": b"{}", "b/c.json": b"{}"}))
    with pytest.raises(errors.InvalidInput, match="one folder of work"):
        restore_my_work(tmp_path / "loose.zip")
    with pytest.raises(errors.SourceNotFound):
        restore_my_work(tmp_path / "missing.zip")


def test_restore_skips_what_a_mac_adds(tmp_path):
    entries = {"my-work/a.json": b"{}", "__MACOSX/my-work/._a.json": b"meta", "my-work/.DS_Store": b"meta"}
    (tmp_path / "mac.zip").write_bytes(_zip(entries))
    written = restore_my_work(tmp_path / "mac.zip", tmp_path / "my-work")
    assert [path.name for path in written] == ["a.json"]


def test_a_damaged_bundle_is_refused(work, tmp_path):
    data = bytearray(download_my_work().path.read_bytes())
    data[40:60] = b"\x00" * 20  # inside the first entry's compressed bytes
    (tmp_path / "damaged.zip").write_bytes(bytes(data))
    with pytest.raises(errors.InvalidInput, match="damaged"):
        restore_my_work(tmp_path / "damaged.zip", tmp_path / "elsewhere")


def test_plain_text_in_a_notebook_is_the_sentence():
    from IPython.lib.pretty import pretty

    assert (
        pretty(Bundle(Path("my-work.zip"), ("my-work/a.json",))) == "my-work.zip holds 1 file from my-work/"
    )
