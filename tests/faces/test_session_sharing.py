"""Two annotation sessions on one file (two notebooks, or a notebook re-run while its old widget is
live) never lose each other's work, and a file that cannot be read sets the session's error.

Needs the spaCy model only for `mark_sentence` (one short article, parsed once).
"""

from __future__ import annotations

import json

import pytest

from newslab.annotations import SCHEMA, text_fingerprint
from newslab.article import Article
from newslab.widgets import AnnotationSession

TEXT = "Mayor Ann Lee said on Monday that the bridge would reopen.\n\nCritics in Leeds were angry."


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.from_text(TEXT, id="bridge")


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def saved(path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted((a["label"], a["text"]) for a in data["annotations"])


def label(session: AnnotationSession, text: str, name: str) -> None:
    session.mark(*span(text))
    session.label(name)


def test_two_sessions_on_one_file_keep_both_sets_of_work(article, tmp_path):
    path = tmp_path / "mine.json"
    first, second = AnnotationSession(article, path), AnnotationSession(article, path)
    label(first, "Ann Lee", "person")
    label(second, "Leeds", "place")  # second never read the file since first saved
    assert saved(path) == [("PERSON", "Ann Lee"), ("PLACE", "Leeds")]
    assert "another session" in second.status
    label(first, "Monday", "time expression")
    assert saved(path) == [("PERSON", "Ann Lee"), ("PLACE", "Leeds"), ("TIMEX", "Monday")]
    assert [a.text for a in first.annotations] == ["Ann Lee", "Monday", "Leeds"]  # first now shows all


def test_undo_removes_only_its_own_change(article, tmp_path):
    path = tmp_path / "mine.json"
    first, second = AnnotationSession(article, path), AnnotationSession(article, path)
    label(first, "Ann Lee", "person")
    label(second, "Leeds", "place")
    assert first.undo()  # would have written first's empty list over Leeds
    assert saved(path) == [("PLACE", "Leeds")]
    assert second.undo()
    assert saved(path) == []


def test_a_deletion_by_one_session_is_not_undone_by_the_other(article, tmp_path):
    path = tmp_path / "mine.json"
    first = AnnotationSession(article, path)
    label(first, "Ann Lee", "person")
    label(first, "Leeds", "place")
    second = AnnotationSession(article, path)
    second.delete(0)  # Ann Lee
    label(first, "Monday", "time expression")
    assert saved(path) == [("PLACE", "Leeds"), ("TIMEX", "Monday")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[" * 100_000, "nested too deeply"),
        (
            json.dumps({"schema": SCHEMA, "text_sha256": text_fingerprint(TEXT), "annotations": []})[:-1]
            + ', "x": '
            + "9" * 5000
            + "}",
            "number too long",
        ),
    ],
)
def test_a_deep_or_huge_file_sets_the_error_instead_of_raising(article, tmp_path, content, problem):
    path = tmp_path / "odd.json"
    path.write_text(content, encoding="utf-8")
    session = AnnotationSession(article, path)
    assert session.error and problem in session.error and "odd.json" in session.error
    assert path.read_text(encoding="utf-8") == content
