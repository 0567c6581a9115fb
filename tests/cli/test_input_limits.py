"""Input refused early and clearly: the length limit before reading everything, odd encodings and
line ends, text with nothing to read, label names, and bad lines in a Dask corpus run.

Only the corpus test needs the spaCy model (two short lines); the rest read files.
"""

from __future__ import annotations

import io
import json
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from newslab import errors
from newslab.article import Article, load_article, read_text_file
from newslab.inputs import MAX_CHARS, NotArticleText

STORY = "The mayor said on Tuesday that the bridge would close.\n\n"


def read_bounded(read) -> tuple[float, int]:
    """Seconds and peak Python allocations (bytes) taken to refuse an input."""
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(errors.NewslabError) as caught:
        read()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, str(caught.value)


# ---------------------------------------------------------------- 8. the limit before reading it all


def test_a_big_file_is_refused_after_reading_only_the_limit(tmp_path):
    """Bound stated here: a 20 MB text is refused in under 1 s with under 8 MB of allocations."""
    path = tmp_path / "big.txt"
    path.write_text(STORY * (20_000_000 // len(STORY)), encoding="utf-8")
    elapsed, peak, message = read_bounded(lambda: read_text_file(path))
    assert f"{MAX_CHARS:,}" in message and "split it" in message
    assert elapsed < 1.0, elapsed
    assert peak < 8 * 2**20, peak


def test_standard_input_is_read_only_up_to_the_limit(monkeypatch):
    from newslab.cli import read_source

    data = (STORY * (20_000_000 // len(STORY))).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    _, peak, message = read_bounded(lambda: read_source("-"))
    assert "Standard input" in message and "split it" in message
    assert peak < 8 * 2**20, peak


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_file_is_refused_at_once(tmp_path):
    link = tmp_path / "story.txt"
    link.symlink_to("/dev/zero")
    elapsed, peak, message = read_bounded(lambda: load_article(str(link)))
    assert "story.txt" in message
    assert elapsed < 1.0 and peak < 8 * 2**20


def test_a_multibyte_text_just_over_the_limit_is_refused_and_just_under_is_read(tmp_path):
    path = tmp_path / "euro.txt"
    path.write_text("€" * MAX_CHARS, encoding="utf-8")
    assert len(read_text_file(path)) == MAX_CHARS
    path.write_text("€" * (MAX_CHARS + 1), encoding="utf-8")
    with pytest.raises(NotArticleText):
        Article.from_text(read_text_file(path))


# ---------------------------------------------------------------- 11. smaller things


def test_lone_cr_line_ends_split_paragraphs_like_the_others():
    for eol in ("\n", "\r\n", "\r"):
        text = f"The bridge will close.{eol}{eol}The mayor said so.{eol}"
        article = Article.from_text(text)
        assert [article.span_text(p) for p in article.paragraphs] == [
            "The bridge will close.",
            "The mayor said so.",
        ]
    single = Article.from_text("One line.\r\nAnother line.")
    assert len(single.paragraphs) == 2  # one CRLF is a line break, not a blank line


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_named_as_utf16(tmp_path, encoding):
    path = tmp_path / "notepad.txt"
    path.write_bytes(STORY.encode(encoding))
    with pytest.raises(errors.NotATextFile, match="is UTF-16 text: convert it to UTF-8"):
        read_text_file(path)


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\ufeff \u200d\n\u2060"])
def test_text_of_only_zero_width_characters_is_empty(tmp_path, text):
    with pytest.raises(errors.EmptyArticle):
        Article.from_text(text)
    path = tmp_path / "invisible.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(errors.EmptyArticle):
        read_text_file(path)


def test_one_label_may_be_given_as_a_string():
    from newslab.annotations import AnnotationSet, make_annotation
    from newslab.compare import compare

    text = "Helen Brandt spoke."
    mine = AnnotationSet("a", text, [make_annotation(text, 0, 12, "PERSON")])
    assert compare(mine, mine, labels="PERSON").scores.equals(compare(mine, mine, labels=["PERSON"]).scores)
    with pytest.raises(errors.InvalidInput, match="`QUOTES` is not a label"):
        compare(mine, mine, labels="QUOTES")


def test_two_empty_sets_have_undefined_scores_not_zero():
    import math

    from newslab.annotations import AnnotationSet
    from newslab.compare import compare

    empty = AnnotationSet("a", "Helen Brandt spoke.", [])
    result = compare(empty, empty)
    assert all(math.isnan(value) for value in result.scores[["precision", "recall", "f1"]].to_numpy().ravel())
    assert "F1 undefined" in repr(result)


# ---------------------------------------------------------------- 4. a Dask corpus run


@pytest.mark.model
def test_corpus_bad_lines_become_error_records_and_leave_no_partial_shard(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag")
    import dask

    from newslab import corpus

    good = json.dumps({"id": "g", "text": "The mayor said on Tuesday that the bridge would close."}).encode()
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"\n".join(
            [
                good,
                b'{"id": "latin", "text": "Se\xf1or Garc\xeda said so."}',
                b'{"id": "s", "text": "The mayor \\ud800 said so."}',
                b"[" * 100_000,
                b'{"id": ' + b"7" * 5000 + b', "text": "x"}',
            ]
        )
        + b"\n"
    )
    out = tmp_path / "out"
    with dask.config.set(scheduler="synchronous"):
        written = corpus.annotate_corpus(str(source), out)
        records = [
            json.loads(line) for path in written for line in Path(path).read_text("utf-8").splitlines()
        ]
        assert [r["id"] for r in records] == ["g", None, "s", None, None]
        assert records[0]["schema"] == "newslab.annotations/1"
        assert all("error" in r for r in records[1:])
        assert [
            next(
                w
                for w in ("not UTF-8", "surrogate", "nested too deeply", "number too long")
                if w in r["error"]
            )
            for r in records[1:]
        ] == ["not UTF-8", "surrogate", "nested too deeply", "number too long"]

        with pytest.raises(errors.FileExists) as refused:
            corpus.annotate_corpus(str(source), out)
        assert "--force" not in str(refused.value) and "overwrite=True" in str(refused.value)

        def broken(line):
            raise RuntimeError("the cluster went away")

        monkeypatch.setattr(corpus, "annotate_line", broken)
        again = tmp_path / "again"
        with pytest.raises(RuntimeError):
            corpus.annotate_corpus(str(source), again)
        assert list(again.rglob("*.jsonl")) == []  # no partial shard left to block a re-run
