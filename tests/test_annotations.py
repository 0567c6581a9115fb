"""The one annotation record type: validation, atomic saving, loading, and never applying to the wrong text."""

from __future__ import annotations

import json

import pytest

from newslab import errors
from newslab.annotations import (
    Annotation,
    AnnotationSet,
    load_annotations,
    make_annotation,
    replace_labels,
    save_annotations,
)

TEXT = "Senator Graham said the idea was “pretty close” to the dumbest."


def test_make_annotation_takes_text_from_offsets():
    annotation = make_annotation(TEXT, 8, 14, "PERSON", entity="Lindsey Graham")
    assert annotation.text == "Graham"
    assert annotation.attrs == {"entity": "Lindsey Graham"}


@pytest.mark.parametrize(
    ("annotation", "words"),
    [
        (Annotation(8, 14, "HUMAN", "Graham"), "not one of"),
        (Annotation(8, 14, "PERSON", "Grahm"), "another text"),
        (Annotation(50, 500, "PERSON", "x"), "outside"),
        (Annotation(14, 8, "PERSON", ""), "outside"),
        (Annotation(0, 7, "SENTIMENT", "Senator", {"value": "angry"}), "negative"),
    ],
)
def test_invalid_annotations_say_what_is_wrong(annotation, words):
    from newslab.annotations import validate_annotation

    with pytest.raises(errors.InvalidAnnotations, match=words):
        validate_annotation(annotation, TEXT)


def test_save_and_load_round_trip(tmp_path):
    annotations = AnnotationSet(
        "demo",
        TEXT,
        [
            make_annotation(TEXT, 33, 46, "QUOTE", kind="partial", speaker="Graham"),
            make_annotation(TEXT, 8, 14, "PERSON", entity="Graham"),
        ],
        "student",
    )
    path = save_annotations(annotations, tmp_path / "mine.json")
    loaded = load_annotations(path, TEXT)
    assert loaded.article_id == "demo"
    assert loaded.annotator == "student"
    assert [a.label for a in loaded.annotations] == ["PERSON", "QUOTE"]  # saved in text order
    assert loaded.labelled("QUOTE")[0].attrs["speaker"] == "Graham"
    assert not list(tmp_path.glob("*.tmp")), "no temporary files left behind"


def test_saving_never_overwrites_silently(tmp_path):
    annotations = AnnotationSet("demo", TEXT, [], "student")
    path = save_annotations(annotations, tmp_path / "mine.json")
    with pytest.raises(errors.FileExists, match="already exists"):
        save_annotations(annotations, path)
    save_annotations(
        replace_labels(annotations, ["PERSON"], [make_annotation(TEXT, 8, 14, "PERSON")]),
        path,
        overwrite=True,
    )
    assert len(load_annotations(path, TEXT).annotations) == 1


def test_file_for_another_text_is_refused(tmp_path):
    path = save_annotations(AnnotationSet("demo", TEXT, [], "student"), tmp_path / "mine.json")
    with pytest.raises(errors.InvalidAnnotations, match="different text"):
        load_annotations(path, TEXT + " More.")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{broken", "not valid JSON"),
        ("[1, 2]", "not a newslab annotation file"),
        (json.dumps({"schema": "something/9"}), "not a newslab annotation file"),
    ],
)
def test_invalid_files_are_refused_and_left_alone(tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.InvalidAnnotations, match=words):
        load_annotations(path, TEXT)
    assert path.read_text(encoding="utf-8") == content


def test_gold_file_is_valid_for_the_seed(seed, root):
    gold = load_annotations(root / "data" / "gold" / "trump-russia-cyber.json", seed.text)
    assert gold.annotator == "gold"
    assert {a.label for a in gold.annotations} >= {"PERSON", "QUOTE", "TIMEX"}
