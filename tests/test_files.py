"""Files the kit writes are written atomically and never silently overwritten."""

from __future__ import annotations

import os

import pytest

from newslab import errors
from newslab.files import write_atomic


def test_writes_text_and_bytes(tmp_path):
    assert write_atomic(tmp_path / "a.txt", "héllo").read_text(encoding="utf-8") == "héllo"
    assert write_atomic(tmp_path / "b.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def test_creates_missing_folders(tmp_path):
    path = write_atomic(tmp_path / "reports" / "deep" / "r.html", "<p>x</p>")
    assert path.exists()


def test_refuses_to_overwrite_unless_asked(tmp_path):
    path = write_atomic(tmp_path / "a.txt", "first")
    with pytest.raises(errors.FileExists, match="already exists"):
        write_atomic(path, "second")
    assert path.read_text(encoding="utf-8") == "first"
    write_atomic(path, "second", overwrite=True)
    assert path.read_text(encoding="utf-8") == "second"


def test_no_temporary_file_is_left_when_writing_fails(tmp_path, monkeypatch):
    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(errors.NewslabError, match="disk full"):
        write_atomic(tmp_path / "a.txt", "text")
    assert list(tmp_path.iterdir()) == []


def test_permissions_follow_the_umask(tmp_path):
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
