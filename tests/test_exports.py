"""Tests for newslab.exports: every format is written, and JSONL and brat read back unchanged."""

from __future__ import annotations

import json

import pytest

from newslab import errors
from newslab.annotations import AnnotationSet, make_annotation
from newslab.exports import (
    export_all,
    from_brat,
    from_jsonl,
    read_brat,
    read_jsonl,
    to_brat,
    to_docbin,
    to_jsonl,
    to_label_studio,
    to_web_annotation,
    write_brat,
    write_jsonl,
)

# A quote that runs over two paragraphs, curly marks, an apostrophe and a non-ASCII name.
TEXT = (
    "Zoë Ng said on Monday: “We can’t wait.\n\n“We will start soon,” she added.\n\n"
    "The council in Leeds agreed. It was a good day."
)


def span(words: str, label: str, **attrs):
    start = TEXT.index(words)
    return make_annotation(TEXT, start, start + len(words), label, **attrs)


def example() -> AnnotationSet:
    speaker = span("Zoë Ng", "PERSON", entity="Zoë Ng")
    quote = span(
        "We can’t wait.\n\n“We will start soon,",
        "QUOTE",
        kind="direct",
        speaker="Zoë Ng",
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        cue="said",
    )
    return AnnotationSet(
        "ng-story",
        TEXT,
        [
            quote,
            speaker,
            span("Monday", "TIMEX", type="DATE", value="2024-05-06"),
            span("The council", "ORG", entity="Leeds City Council"),
            span("Leeds", "PLACE", entity="Leeds"),
            span("It was a good day.", "SENTIMENT", value="positive"),
            span("agreed", "EVENT", when="2024-05-06", rank=1),
        ],
        "student",
    )


def same(one: AnnotationSet, two: AnnotationSet) -> bool:
    return one.to_dict() == two.to_dict()


def test_jsonl_round_trip(tmp_path):
    original = example()
    path = write_jsonl(original, tmp_path / "a.jsonl")
    back = read_jsonl(path, TEXT)
    assert same(back, original)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + len(original.annotations)
    assert json.loads(lines[0])["header"] is True
    assert all(json.loads(line)["article"] == "ng-story" for line in lines)


def test_jsonl_is_readable_by_pandas(tmp_path):
    import pandas as pd

    path = write_jsonl(example(), tmp_path / "a.jsonl")
    frame = pd.read_json(path, lines=True)
    assert set(frame["label"].dropna()) == {"QUOTE", "PERSON", "TIMEX", "ORG", "PLACE", "SENTIMENT", "EVENT"}


def test_jsonl_against_the_wrong_text_is_refused():
    with pytest.raises(errors.InvalidAnnotations, match="different text"):
        from_jsonl(to_jsonl(example()), TEXT + " More.")


def test_jsonl_bad_line_names_its_number():
    content = to_jsonl(example()) + "{not json\n"
    with pytest.raises(errors.InvalidAnnotations, match="Line 9"):
        from_jsonl(content, TEXT)


def test_jsonl_never_overwrites_unless_asked(tmp_path):
    path = write_jsonl(example(), tmp_path / "a.jsonl")
    with pytest.raises(errors.FileExists):
        write_jsonl(example(), path)
    write_jsonl(AnnotationSet("ng-story", TEXT, [], "x"), path, overwrite=True)
    assert read_jsonl(path, TEXT).annotations == []


def test_brat_round_trip(tmp_path):
    original = example()
    ann = write_brat(original, tmp_path / "brat")
    assert ann.name == "ng-story.ann"
    assert (tmp_path / "brat" / "ng-story.txt").read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "brat" / "annotation.conf").exists()
    back = read_brat(ann, annotator="student")
    assert same(back, original)


def test_brat_standoff_lines():
    content = to_brat(example())
    lines = content.splitlines()
    person = next(line for line in lines if line.startswith("T") and "\tPERSON " in line)
    assert person.split("\t")[1:] == ["PERSON 0 6", "Zoë Ng"]
    quote = next(line for line in lines if "\tQUOTE " in line)
    # A span across a paragraph break becomes fragments, none containing a newline.
    assert ";" in quote.split("\t")[1]
    assert "\n" not in quote
    assert any(line.startswith("R1\tSpeaker Arg1:") for line in lines)
    assert any(line.split("\t")[1].startswith("Kind ") and line.endswith(" direct") for line in lines)
    assert any(line.split("\t")[1].startswith("Value ") and line.endswith(" positive") for line in lines)


def test_brat_without_notes_keeps_labels_attributes_and_speaker():
    # A file written by brat itself has no AnnotatorNotes: labels, attributes and relations still come back.
    content = "\n".join(line for line in to_brat(example()).splitlines() if not line.startswith("#"))
    back = from_brat(content, TEXT)
    quote = next(a for a in back.annotations if a.label == "QUOTE")
    assert quote.attrs["kind"] == "direct"
    assert (quote.attrs["speaker"], quote.attrs["speaker_start"]) == ("Zoë Ng", 0)
    sentiment = next(a for a in back.annotations if a.label == "SENTIMENT")
    assert sentiment.attrs == {"value": "positive"}
    assert sorted((a.start, a.end, a.label) for a in back.annotations) == sorted(
        (a.start, a.end, a.label) for a in example().annotations
    )


@pytest.mark.parametrize("note", ["checked twice", "[" * 100_000 + "]" * 100_000])
def test_brat_note_that_is_not_the_kits_json_is_kept_as_text(note):
    """A note typed in brat, or JSON nested deeper than Python can read, is a note, not an error."""
    back = from_brat(f"T1\tPERSON 0 6\tZoë Ng\n#1\tAnnotatorNotes T1\t{note}", TEXT)
    assert [a.attrs for a in back.annotations] == [{"note": note}]


def test_brat_bad_line_or_offsets_are_refused():
    with pytest.raises(errors.InvalidAnnotations, match="not brat standoff"):
        from_brat("T1\tPERSON zero six\tZoë Ng", TEXT)
    with pytest.raises(errors.InvalidAnnotations):
        from_brat("T1\tPERSON 1 6\tZoë Ng", TEXT.replace("Zoë", "Zoe"))  # text does not say that there


def test_docbin_holds_every_annotation():
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import DocBin

    data = to_docbin(example()).to_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    assert doc.text == TEXT
    labels = sorted(span.label_ for span in doc.spans["newslab"])
    assert labels == sorted(a.label for a in example().annotations)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Zoë Ng", "PERSON"),
        ("The council", "ORG"),
        ("Leeds", "PLACE"),
    ]
    assert [s.label_ for s in doc.spans["sentiment"]] == ["positive"]
    assert doc.user_data["newslab"]["annotations"][0]["label"] == "PERSON"


def test_label_studio_task():
    (task,) = to_label_studio(example())
    assert task["data"]["text"] == TEXT
    results = task["annotations"][0]["result"]
    spans = [r for r in results if r["type"] == "labels"]
    assert len(spans) == len(example().annotations)
    for result in spans:
        value = result["value"]
        assert TEXT[value["start"] : value["end"]] == value["text"]
    sentiment = next(r for r in spans if r["from_name"] == "sentiment")
    assert sentiment["value"]["labels"] == ["positive"]
    (relation,) = [r for r in results if r["type"] == "relation"]
    ids = {r["id"]: r["value"]["labels"][0] for r in spans}
    assert (ids[relation["from_id"]], ids[relation["to_id"]]) == ("QUOTE", "PERSON")


def test_web_annotation_selectors():
    page = to_web_annotation(example())
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationPage"
    for item in page["items"]:
        position, quote = item["target"]["selector"]
        assert position["type"] == "TextPositionSelector"
        assert quote["type"] == "TextQuoteSelector"
        assert TEXT[position["start"] : position["end"]] == quote["exact"]
        assert TEXT[: position["start"]].endswith(quote["prefix"])
        assert TEXT[position["end"] :].startswith(quote["suffix"])
        assert item["body"][0] == {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": item["body"][0]["value"],
        }
    assert len({item["id"] for item in page["items"]}) == len(page["items"])


def test_export_all_writes_every_format(tmp_path):
    paths = export_all(example(), tmp_path / "out")
    assert sorted(paths) == ["brat", "jsonl", "label_studio", "spacy", "web_annotation"]
    assert all(path.exists() and path.stat().st_size > 0 for path in paths.values())
    json.loads(paths["label_studio"].read_text(encoding="utf-8"))
    json.loads(paths["web_annotation"].read_text(encoding="utf-8"))
    with pytest.raises(errors.FileExists):
        export_all(example(), tmp_path / "out")
    assert export_all(example(), tmp_path / "out", overwrite=True) == paths


def test_empty_set_exports(tmp_path):
    empty = AnnotationSet("ng-story", TEXT, [], "student")
    assert from_jsonl(to_jsonl(empty), TEXT).annotations == []
    assert from_brat(to_brat(empty), TEXT).annotations == []
    assert to_web_annotation(empty)["items"] == []


def test_the_gold_file_round_trips_through_jsonl_and_brat(seed, tmp_path):
    from newslab.annotations import load_gold

    gold = load_gold(seed)
    assert same(read_jsonl(write_jsonl(gold, tmp_path / "gold.jsonl"), seed.text), gold)
    back = read_brat(write_brat(gold, tmp_path / "brat"), annotator="gold")
    assert same(AnnotationSet(gold.article_id, gold.text, back.annotations, "gold"), gold)
    # every record of the seed also survives the other formats with its offsets
    page = to_web_annotation(gold)
    assert [item["target"]["selector"][0]["start"] for item in page["items"]] == [
        a.start for a in gold.labelled(*{a.label for a in gold.annotations})
    ]


def test_read_brat_of_a_missing_or_empty_file(tmp_path):
    with pytest.raises(errors.SourceNotFound):
        read_brat(tmp_path / "nothing.ann", TEXT)
    (tmp_path / "empty.ann").write_text("", encoding="utf-8")
    assert read_brat(tmp_path / "empty.ann", TEXT).annotations == []
