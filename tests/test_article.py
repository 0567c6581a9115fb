"""The article model: the seed layout, plain text, sidecars, and offsets that always index the text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

import newslab
from newslab import errors
from newslab.article import Article, decode_text, parse_date, split_paragraphs

SEED_SHA256 = "8e2fd88e417443d8df4b3f0e32ad02f8989b068fa7555b1bd9158e40a20ab07e"
SEED_FIRST_LINE = "NewsReports\n\nTrump Backs Away From Working With Russia On Cybersecurity\n\n"


def test_seed_layout(seed):
    assert seed.id == "trump-russia-cyber"
    assert seed.outlet == "NewsReports"
    assert seed.title == "Trump Backs Away From Working With Russia On Cybersecurity"
    assert seed.credit == "THEGUARDIAN US"
    assert seed.published == dt.date(2017, 7, 10)
    assert seed.language == "en"
    assert "Sunday" in seed.meta["note"]
    assert seed.text.startswith(SEED_FIRST_LINE)
    assert seed.text.rstrip().endswith("(THEGUARDIAN US)")
    assert len(seed.paragraphs) == 15
    assert seed.span_text(seed.paragraphs[0]).startswith("Donald Trump appears to have backed away")
    assert seed.span_text(seed.paragraphs[-1]).endswith("He vehemently denied it.”")


def test_seed_is_the_file_byte_for_byte(seed, root):
    raw = (root / "data" / "articles" / "trump-russia-cyber.txt").read_bytes()
    assert seed.text.encode("utf-8") == raw


def test_seed_is_the_original_article(root):
    """The bundled text is the article as published (2,870 bytes, no final newline), slips included."""
    raw = (root / "data" / "articles" / "trump-russia-cyber.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SEED_SHA256
    assert len(raw) == 2870 and not raw.endswith(b"\n")
    text = raw.decode("utf-8")
    assert "Mario Rubio" in text and "Trump had tweet that he" in text


def test_every_span_indexes_the_text(seed):
    spans = [seed.body, *seed.paragraphs, *seed.sentences]
    for span in spans:
        piece = seed.text[span.start : span.end]
        assert piece == piece.strip() and piece
    for sentence in seed.sentences:
        paragraph = seed.paragraph_of(sentence.start)
        assert paragraph >= 0
        assert seed.paragraph_of(sentence.end - 1) == paragraph, "sentences never cross paragraphs"


@pytest.mark.model
def test_sentences_cover_the_body_in_order(seed):
    starts = [s.start for s in seed.sentences]
    assert starts == sorted(starts)
    assert seed.sentences[0].start == seed.body.start
    assert seed.sentences[-1].end == seed.body.end
    assert len(seed.sentences) == 19  # the small English model's segmentation of the seed


def test_plain_text_is_all_body():
    text = "First paragraph here.\n\nSecond one, with “a quote,” he said."
    article = Article.from_text(text)
    assert article.title is None and article.outlet is None and article.credit is None
    assert [article.span_text(p) for p in article.paragraphs] == [
        "First paragraph here.",
        "Second one, with “a quote,” he said.",
    ]
    assert article.body.start == 0 and article.body.end == len(text)


def test_layout_is_parsed_only_when_present():
    plain = "One sentence only, no layout at all."
    assert Article.from_text(plain, layout=True).title is None
    laid_out = "Daily Bugle\n\nCity Opens New Bridge\n\nThe bridge opened on Monday.\n\n(WIRE)"
    article = Article.from_text(laid_out, layout=True)
    assert (article.outlet, article.title, article.credit) == ("Daily Bugle", "City Opens New Bridge", "WIRE")
    assert [article.span_text(p) for p in article.paragraphs] == ["The bridge opened on Monday."]


def test_crlf_offsets_stay_exact():
    text = "Para one.\r\n\r\nPara two line one\r\nstill two.\r\n"
    article = Article.from_text(text)
    assert [article.span_text(p) for p in article.paragraphs] == [
        "Para one.",
        "Para two line one\r\nstill two.",
    ]


def test_lines_are_paragraphs_when_there_is_no_blank_line():
    assert len(split_paragraphs("One.\nTwo.\nThree.")) == 3


def test_text_file_with_sidecar(tmp_path):
    (tmp_path / "story.txt").write_text("A short story. It has two sentences.", encoding="utf-8")
    (tmp_path / "story.json").write_text(
        json.dumps({"title": "Short", "published": "2020-02-29"}), encoding="utf-8"
    )
    article = newslab.load_article(tmp_path / "story.txt")
    assert article.id == "story"
    assert article.title == "Short"
    assert article.published == dt.date(2020, 2, 29)


def test_published_argument_wins_over_sidecar(seed):
    article = newslab.load_article("trump-russia-cyber", published="2017-07-09")
    assert article.published == dt.date(2017, 7, 9)
    assert seed.published == dt.date(2017, 7, 10)


def test_bundled_names_are_listed():
    names = newslab.bundled_articles()
    assert "trump-russia-cyber" in names
    assert names == sorted(names)


def test_utf8_bom_is_dropped():
    assert decode_text("\ufeffHello".encode()) == "Hello"


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", errors.EmptyArticle, "empty"),
        (b"   \n\t \n", errors.EmptyArticle, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", errors.NotATextFile, "binary"),
        ("Caf\u00e9 \u2019quoted\u2019".encode("cp1252"), errors.NotATextFile, "not UTF-8"),
    ],
)
def test_bad_files_get_one_clear_sentence(tmp_path, content, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        newslab.load_article(path)
    message = str(caught.value)
    assert words in message
    assert "bad.txt" in message
    assert "\n" not in message


def test_missing_path_directory_and_unknown_name(tmp_path):
    with pytest.raises(errors.SourceNotFound, match="no file"):
        newslab.load_article(tmp_path / "nope.txt")
    with pytest.raises(errors.NotATextFile, match="folder"):
        newslab.load_article(tmp_path)
    with pytest.raises(errors.SourceNotFound, match="trump-russia-cyber"):
        newslab.load_article("no-such-article")


@pytest.mark.parametrize("value", ["2017-13-01", "2017-02-30", "10/07/2017", "yesterday", 20170710])
def test_invalid_dates(value):
    with pytest.raises(errors.InvalidDate, match="YYYY-MM-DD"):
        parse_date(value)


def test_errors_are_value_errors():
    assert issubclass(newslab.NewslabError, ValueError)
    with pytest.raises(ValueError):
        Article.from_text("  ")


def test_sidecar_is_validated_not_executed(tmp_path):
    (tmp_path / "story.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "x", "__import__": "os"}', encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match="unknown fields"):
        newslab.load_article(tmp_path / "story.txt")
    (tmp_path / "story.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match="not valid JSON"):
        newslab.load_article(tmp_path / "story.txt")


@pytest.mark.model
@pytest.mark.parametrize("closing", ['"', "”", "'"])
def test_a_closing_quotation_mark_stays_with_the_sentence_it_closes(closing):
    opening = {'"': '"', "”": "“", "'": "'"}[closing]
    last = f"{opening}The library will move into a temporary building.{closing}"
    text = f"The vote was close.\n\n{opening}We had no choice,{closing} said the mayor. {last}\n\nNext paragraph."
    article = Article.from_text(text)
    sentences = [article.span_text(s) for s in article.sentences]
    assert last in sentences
    assert all(any(ch.isalnum() for ch in sentence) for sentence in sentences), sentences
