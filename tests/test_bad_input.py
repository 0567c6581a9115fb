"""The bad-input battery: every input a student can give ends in a correct (maybe empty) result or
one clear sentence — a NewslabError in Python, exit status 2 and one line on stderr from the CLI.

Needs the spaCy model. See docs/bad-input.md for the decisions (HTML is refused, not stripped;
texts over 200,000 characters are refused).
"""

from __future__ import annotations

import codecs
import time
import tracemalloc
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslab.article import Article, load_article
from newslab.errors import EmptyArticle, NewslabError, NotATextFile
from newslab.export import annotate
from newslab.inputs import MAX_CHARS, NewslabWarning, NotArticleText, check_text, looks_like_html
from newslab.layers import REGISTRY

pytestmark = pytest.mark.model

STORY = (
    "Millbrook’s council voted on Tuesday to close the bridge for eight months.\n\n"
    "“We have patched it since the ’90s,” said Priya Raman, the transport director. "
    "“Most of ‘em were quick fixes.”\n\n"
    "Mayor Daniel Okafor said a footbridge would open by the end of May."
)
HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Bridge to close</title><script src='ads.js'></script></head>\n"
    "<body><nav><a href='/'>Home</a></nav><article><h1>Bridge to close</h1>"
    "<p>The council voted on Tuesday to close the bridge.</p></article></body></html>\n"
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für mindestens acht Monate zu schließen. "
    "Die Reparaturen seien längst überfällig, sagte die Verkehrsdirektorin der Stadt. Viele Geschäfte "
    "auf der Ostseite fürchten, Kunden zu verlieren, während die Brücke gesperrt ist."
)


def annotate_records(article: Article) -> dict:
    """The `newslab annotate` record, with a key for every layer of the registry."""
    record = annotate(article)
    assert all(entry.key in record for entry in REGISTRY)
    return record


def assert_offsets_index_text(record: object, text: str) -> int:
    """Every span in a record (start/end, speaker_start/_end, cue_start/_end) indexes the text exactly."""
    checked = 0
    if isinstance(record, dict):
        for prefix, text_key in (("", "text"), ("speaker_", "speaker_mention"), ("cue_", "cue")):
            start, end = record.get(f"{prefix}start"), record.get(f"{prefix}end")
            if isinstance(start, int) and isinstance(end, int):
                assert 0 <= start <= end <= len(text), record
                if isinstance(record.get(text_key), str):
                    assert text[start:end] == record[text_key], record
                checked += 1
        for key, value in record.items():
            if key != "text":
                checked += assert_offsets_index_text(value, text)
    elif isinstance(record, list):
        checked += sum(assert_offsets_index_text(item, text) for item in record)
    return checked


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("newslab: error: ") and "Traceback" not in err
    return lines[0]


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    from newslab.cli import main

    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# ---------------------------------------------------------------- empty, binary, encodings


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n"])
def test_empty_and_whitespace_only(text, tmp_path, capsys):
    with pytest.raises(EmptyArticle, match="empty"):
        Article.from_text(text)
    path = tmp_path / "empty.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(NewslabError, match="empty"):
        load_article(path)
    for command in ("annotate", "report"):
        status, out, err = cli(
            capsys, command, str(path), *(["-o", str(tmp_path / "r.html")] if command == "report" else [])
        )
        assert status == 2 and out == ""
        assert "empty" in one_error_line(err)


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe" * 200)
    with pytest.raises(NotATextFile, match="binary"):
        load_article(path)
    status, _, err = cli(capsys, "annotate", str(path))
    assert status == 2 and "binary" in one_error_line(err)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_cp1252_and_latin1_bytes(encoding, tmp_path, capsys):
    path = tmp_path / "old.txt"
    text = "The café owner said: “It’s a disaster.”" if encoding == "cp1252" else "The café owner was upset."
    path.write_bytes(text.encode(encoding))
    with pytest.raises(NotATextFile, match="not UTF-8") as caught:
        load_article(path)
    assert "Save it as UTF-8" in str(caught.value)
    status, _, err = cli(capsys, "annotate", str(path))
    assert status == 2 and "UTF-8" in one_error_line(err)


def test_utf8_with_bom_is_fine(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + STORY.encode("utf-8"))
    article = load_article(path, published="2025-03-12")
    assert article.text == STORY
    assert_offsets_index_text(annotate_records(article), article.text)


def test_crlf_line_ends_are_fine(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    article = load_article(path, published="2025-03-12")
    assert "\r\n" in article.text and len(article.paragraphs) == 3
    assert all("\r" not in article.span_text(s) for s in article.paragraphs)
    record = annotate_records(article)
    assert assert_offsets_index_text(record, article.text) > 0
    assert all("\r" not in article.text[s["start"] : s["end"]] for s in record["sentences"])


# ---------------------------------------------------------------- quotation marks and apostrophes


@pytest.mark.parametrize(
    "text",
    [
        "“We will not give up, the mayor said on Tuesday.\n\nThe vote is next week.",
        'The mayor said: "We will not give up.\n\n"Not now, not ever."',
        "He called it a ‘disaster.\n\n“Nobody listened,” she said. ”Nobody.",
        "“\n\n”\n\n“",
    ],
)
def test_unbalanced_quotation_marks_never_raise(text):
    article = Article.from_text(text, published="2025-03-12")
    assert_offsets_index_text(annotate_records(article), text)


def test_apostrophes_em_and_90s_are_not_quotation_marks():
    text = "Fans from the ’90s packed the stadium on Saturday. “We beat ‘em fair and square,” the coach said."
    article = Article.from_text(text, published="2025-03-12")
    record = annotate_records(article)
    assert_offsets_index_text(record, text)
    starts = {quote["start"] for quote in record["quotes"]}
    assert text.index("’90s") not in starts and text.index("‘em") not in starts
    assert any(text[q["start"] : q["end"]].startswith("“We beat ‘em") for q in record["quotes"])


# ---------------------------------------------------------------- size, HTML, language


def test_one_megabyte_article_is_refused_fast_and_small(tmp_path, capsys):
    """Bound stated here: refused in under 5 s of wall time with under 50 MB of Python allocations."""
    paragraph = STORY + "\n\n"
    huge = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    path = tmp_path / "huge.txt"
    path.write_text(huge, "utf-8")
    from newslab.corpus import annotate_record
    from newslab.report import report_html

    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(NotArticleText, match="split it"):
        report_html(Article.from_text(huge))
    error = annotate_record({"id": "huge", "text": huge})["error"]
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "200,000" in error
    assert elapsed < 5.0, elapsed
    assert peak < 50 * 2**20, peak
    status, _, err = cli(capsys, "report", str(path), "-o", str(tmp_path / "r.html"))
    assert status == 2 and "split it" in one_error_line(err)


def test_just_under_the_limit_is_accepted_by_the_check():
    check_text("word " * (MAX_CHARS // 5), warn=False)


def test_html_page_is_refused_with_a_hint(tmp_path, capsys):
    assert looks_like_html(HTML_PAGE)
    with pytest.raises(NotArticleText, match="copy the article's text"):
        check_text(HTML_PAGE)
    path = tmp_path / "page.html.txt"
    path.write_text(HTML_PAGE, "utf-8")
    status, _, err = cli(capsys, "report", str(path), "-o", str(tmp_path / "r.html"))
    assert status == 2 and "web page" in one_error_line(err)


def test_article_mentioning_a_tag_is_still_an_article():
    text = "Hackers hid a <script> tag in the council's website, officials said on Tuesday."
    assert not looks_like_html(text)
    check_text(text)


def test_html_and_huge_texts_are_refused_by_annotate_too(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(HTML_PAGE, "utf-8")
    status, _, err = cli(capsys, "annotate", str(page))
    assert status == 2 and "web page" in one_error_line(err)
    huge = tmp_path / "huge.txt"
    huge.write_text("All work and no play. " * 50_000, "utf-8")
    status, _, err = cli(capsys, "annotate", str(huge))
    assert status == 2 and "split it" in one_error_line(err)


def test_non_english_text_warns_once_and_english_does_not():
    with pytest.warns(NewslabWarning, match="does not look like English"):
        check_text(GERMAN, where="`artikel.txt`")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_text(STORY)
        check_text("Kurzer Text.")  # too short to judge


# ---------------------------------------------------------------- nothing to find


def test_no_quotes_and_no_dates_give_empty_results():
    from newslab.report import WHO_SAID_WHAT_COLUMNS, report_data

    article = Article.from_text("The committee met in the town hall. Members discussed the budget at length.")
    record = annotate_records(article)
    assert record.get("quotes", []) == [] and record.get("timexes", []) == []
    data = report_data(article)
    assert data["who_said_what"] == {
        "columns": WHO_SAID_WHAT_COLUMNS,
        "rows": [],
        "missing": data["who_said_what"]["missing"],
    }
    assert data["timexes"]["rows"] == []
    timeline = data["figures"][0]
    assert timeline["title"].startswith("Timeline") and "nothing to show" in timeline["alt"].lower()


# ---------------------------------------------------------------- any text at all

_ALPHABET = st.sampled_from(
    [
        *list("abcdefghij KLMNOPQ.,;:!?-—–…()[]0123456789"),
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "said",
        " Trump ",
        " on Sunday ",
        " é",
        "ß",
        "中",
        "😀",
        "\xa0",
        "\u200b",
        "<p>",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_exact_offsets_or_a_newslab_error(text):
    try:
        article = Article.from_text(text, published="2025-03-12")
        check_text(text, warn=False)
        record = annotate_records(article)
    except NewslabError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert_offsets_index_text(record, text)


# ---------------------------------------------------------------- notebook 07's upload and paste


def upload_value(name: str, content: bytes) -> tuple[dict, ...]:
    """What an ipywidgets 8 FileUpload holds after one file was chosen."""
    return ({"name": name, "type": "text/plain", "size": len(content), "content": memoryview(content)},)


def test_upload_and_paste_choose_the_article():
    from newslab.inputs import article_from_upload, choose_article

    assert article_from_upload(()) is None
    uploaded = article_from_upload(
        upload_value("My Story.txt", codecs.BOM_UTF8 + STORY.encode()), published="2025-03-12"
    )
    assert (
        uploaded.id == "My-Story"
        and uploaded.text == STORY
        and uploaded.published.isoformat() == "2025-03-12"
    )
    assert choose_article().id == "millbrook-bridge-closure"
    pasted = choose_article(text=STORY, published="2025-03-12")
    assert pasted.id == "my-article" and pasted.text == STORY
    assert (
        choose_article(text=STORY, upload=upload_value("a.txt", b"Another story, said the editor.")).id == "a"
    )


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"\x00\x01\x02binary" * 50, NotATextFile),
        (b"caf\xe9", NotATextFile),
        (b"  \n", EmptyArticle),
        (HTML_PAGE.encode(), NotArticleText),
    ],
)
def test_bad_uploads_say_what_to_do(content, error):
    from newslab.inputs import article_from_upload

    with pytest.raises(error) as caught:
        article_from_upload(upload_value("story.txt", content))
    assert "`story.txt`" in str(caught.value) and "\n" not in str(caught.value)
