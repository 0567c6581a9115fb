"""Hand-in bundles: my-work/ into one zip (never replacing other work), and a checked list of what it holds."""

from __future__ import annotations

import zipfile

import pytest

from newslab import NewslabError
from newslab.handin import CONTENT_COLUMNS, bundle_contents, hand_in


@pytest.fixture
def work(tmp_path):
    folder = tmp_path / "my-work"
    (folder / "exports").mkdir(parents=True)
    (folder / "annotations-06.json").write_text('{"annotations": []}', encoding="utf-8")
    (folder / "exports" / "student.ann").write_text("T1\tQUOTE 0 5\tHello\n", encoding="utf-8")
    (folder / "my-story-report.html").write_text("<html></html>", encoding="utf-8")
    return folder


def test_hand_in_bundles_every_file_and_lists_them(work):
    bundle = hand_in(work)
    assert bundle.path == work.parent / "my-work.zip"
    contents = bundle_contents(bundle.path)
    assert list(contents.columns) == CONTENT_COLUMNS
    assert contents[["file", "kind"]].values.tolist() == [
        ["annotations-06.json", "annotations"],
        ["exports/student.ann", "export"],
        ["my-story-report.html", "report"],
    ]
    assert contents["bytes"].tolist() == [19, 19, 13]


def test_hand_in_never_replaces_other_work(work, tmp_path):
    target = tmp_path / "ana.zip"
    target.write_bytes(b"something else")
    with pytest.raises(NewslabError):
        hand_in(work, target)
    assert target.read_bytes() == b"something else"
    first = hand_in(work)
    (work / "annotations-06.json").write_text('{"annotations": [1]}', encoding="utf-8")
    second = hand_in(work)
    assert first.path.name == "my-work.zip" and second.path.name == "my-work-2.zip"


def test_bundle_contents_refuses_unsafe_entries(tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("my-work/../../evil.json", "{}")
    with pytest.raises(NewslabError, match="unsafe"):
        bundle_contents(bad)


def test_bundle_contents_of_a_file_that_is_not_a_zip(tmp_path):
    text = tmp_path / "notes.zip"
    text.write_text("not a zip", encoding="utf-8")
    with pytest.raises(NewslabError, match="not a zip"):
        bundle_contents(text)
    with pytest.raises(NewslabError, match="no file"):
        bundle_contents(tmp_path / "missing.zip")
