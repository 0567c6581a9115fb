"""`newslab sentiment --jsonl`: JSON lines scored one by one, bad lines reported by number."""

from __future__ import annotations

import json

from newslab.sentiment_lines import sentiment_jsonl

# ------------------------------------------------------------------ JSON lines


def test_sentiment_jsonl_streams_and_reports_bad_lines_by_number():
    from newslab.batch import BadLine

    lines = [
        json.dumps({"id": "a", "text": "Critics attacked Smith.", "target_start": 17, "target_end": 22}),
        "{not json",
        "",
        json.dumps({"id": "c", "text": "We can’t trust Russia."}),
        json.dumps({"id": "d", "text": "Short.", "target_start": 3, "target_end": 99}),
        json.dumps(["a list"]),
        json.dumps({"id": "f", "text": "", "target_start": 0, "target_end": 1}),
        json.dumps({"id": "g", "text": "Ana met Bo.", "target_start": "0", "target_end": 3}),
    ]
    out = list(sentiment_jsonl(lines))
    assert len(out) == 7
    good = [item for item in out if isinstance(item, dict)]
    bad = [item for item in out if isinstance(item, BadLine)]
    assert [item["id"] for item in good] == ["a", "c"]
    assert set(good[0]) == {"id", "label", "score", "evidence"}
    assert good[0]["label"] == "negative"
    assert good[1]["label"] == "negative" and good[1]["evidence"][0]["text"] == "trust"
    json.dumps(good)
    assert [item.number for item in bad] == [2, 5, 6, 7, 8]
    assert [item.id for item in bad] == [None, "d", None, "f", "g"]
    assert "not valid JSON" in bad[0].message and "offsets" in bad[1].message
    assert str(bad[0]).startswith("line 2: ")
    assert all(item.message.endswith(".") for item in bad)


def test_sentiment_jsonl_is_lazy():
    def lines():
        yield json.dumps({"id": "a", "text": "Good news."})
        raise AssertionError("read too far")

    stream = sentiment_jsonl(lines())
    assert next(stream)["label"] == "positive"
