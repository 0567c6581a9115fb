"""The `newslab` command: the annotate schema, --jsonl, and one clear line (exit 2) for every bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from newslab.cli import main

TOP_KEYS = {
    "schema",
    "id",
    "published",
    "title",
    "outlet",
    "credit",
    "text",
    "paragraphs",
    "sentences",
    "entities",
    "quotes",
    "timexes",
    "events",
    "sentiment",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_error_line(err: str, *words: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("newslab: error: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def seed_record() -> dict:
    from newslab.article import load_article
    from newslab.export import annotate

    return annotate(load_article("trump-russia-cyber"))


def test_annotate_schema(capsys):
    status, out, err = run(capsys, "annotate", "trump-russia-cyber")
    assert status == 0, err
    record = json.loads(out)
    assert set(record) >= TOP_KEYS
    assert record["schema"] == "newslab.annotations/1"
    assert record["id"] == "trump-russia-cyber"
    assert record["published"] == "2017-07-10"
    assert (record["outlet"], record["credit"]) == ("NewsReports", "THEGUARDIAN US")
    text = record["text"]
    for key in ("paragraphs", "sentences"):
        assert record[key] and all(set(span) == {"start", "end"} for span in record[key])
    for entity in record["entities"]:
        assert {"id", "name", "label", "mentions"} <= set(entity)
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for timex in record["timexes"]:
        assert text[timex["start"] : timex["end"]] == timex["text"]
    assert isinstance(record["sentiment"], dict)


def test_output_file_is_never_silently_overwritten(capsys, tmp_path):
    out = tmp_path / "out.json"
    assert run(capsys, "annotate", "trump-russia-cyber", "-o", str(out))[0] == 0
    first = out.read_text(encoding="utf-8")
    assert json.loads(first)["id"] == "trump-russia-cyber"
    status, _, err = run(capsys, "annotate", "trump-russia-cyber", "-o", str(out))
    assert status == 2
    assert_one_error_line(err, "already exists", "--force")
    assert out.read_text(encoding="utf-8") == first
    assert run(capsys, "annotate", "trump-russia-cyber", "-o", str(out), "--force")[0] == 0


def test_plain_keeps_the_text_exactly(capsys, tmp_path, monkeypatch):
    text = "NewsReports\n\nA Title\n\nBody text here.\n\n(CREDIT)\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, out, err = run(capsys, "annotate", "-", "--plain", "--published", "2020-01-01", "--id", "mine")
    assert status == 0, err
    record = json.loads(out)
    assert record["text"] == text
    assert record["id"] == "mine"
    assert record["title"] is None
    assert record["published"] == "2020-01-01"


def test_path_source_with_layout(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Daily Bugle\n\nCity Opens Bridge\n\nThe bridge opened, the mayor said.\n\n(WIRE)\n", encoding="utf-8"
    )
    status, out, err = run(capsys, "annotate", str(path))
    assert status == 0, err
    record = json.loads(out)
    assert (record["outlet"], record["title"], record["credit"]) == (
        "Daily Bugle",
        "City Opens Bridge",
        "WIRE",
    )
    assert record["published"] is None


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing.txt", ["missing.txt", "no file"]),
        (lambda d: d, ["folder"]),
        (lambda d: _write(d / "empty.txt", b""), ["empty"]),
        (lambda d: _write(d / "blank.txt", b"  \n\n \t"), ["empty"]),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), ["binary"]),
        (
            lambda d: _write(d / "latin.txt", "Se\u00f1or Garc\u00eda said so.".encode("latin-1")),
            ["not UTF-8", "UTF-8"],
        ),
    ],
)
def test_bad_sources(capsys, tmp_path, make, words):
    status, out, err = run(capsys, "annotate", str(make(tmp_path)))
    assert status == 2
    assert out == ""
    assert_one_error_line(err, *words)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_unknown_bundled_name_lists_the_known_ones(capsys):
    status, _, err = run(capsys, "annotate", "no-such-story")
    assert status == 2
    assert_one_error_line(err, "trump-russia-cyber")


def test_invalid_published_date(capsys):
    status, _, err = run(capsys, "annotate", "trump-russia-cyber", "--published", "2017-02-30")
    assert status == 2
    assert_one_error_line(err, "2017-02-30", "YYYY-MM-DD")


def test_utf8_with_bom_is_fine(capsys, tmp_path):
    path = _write(tmp_path / "bom.txt", "\ufeffThe mayor said the bridge would open.".encode())
    status, out, err = run(capsys, "annotate", str(path))
    assert status == 0, err
    assert json.loads(out)["text"] == "The mayor said the bridge would open."


def test_jsonl_processes_good_lines_and_names_bad_ones(capsys, tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "The mayor said on Monday that the bridge would open.",
                "published": "2020-03-04",
            }
        ),
        "{not json",
        json.dumps({"id": "b", "text": "“It is safe,” the engineer said.", "published": None}),
        json.dumps({"id": "c", "text": "x", "published": "2020-02-31"}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "annotate", "--jsonl", str(source), "--no-progress")
    assert status == 2
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert all(r["schema"] == "newslab.annotations/1" for r in records)
    error_lines = [line for line in err.splitlines() if line.startswith("newslab: error:")]
    assert len(error_lines) == 2
    assert "line 2" in error_lines[0]
    assert "line 4" in error_lines[1]
    assert "Traceback" not in err


def test_list_and_info(capsys):
    status, out, _ = run(capsys, "list")
    assert status == 0 and "trump-russia-cyber" in out.split()
    status, out, _ = run(capsys, "info")
    assert status == 0 and "spacy_version" in out and "model_version: 3.8" in out


def test_console_script_and_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "newslab", "annotate", "no-such-story"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith("newslab: error: ")
    assert "Traceback" not in result.stderr
