"""Tests for newslab.compare: span scores, Cohen's kappa and the disagreement table."""

from __future__ import annotations

import math

import pytest

from newslab import errors
from newslab.annotations import AnnotationSet, make_annotation
from newslab.compare import DISAGREEMENT_COLUMNS, SCORE_COLUMNS, cohen_kappa, compare, disagreement_table

TEXT = "“We will win,” Ann Lee said. Bob Day said it was over. Rain fell on Leeds. It was sad."


def span(text: str, words: str, label: str, *, nth: int = 0, **attrs):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return make_annotation(text, start, start + len(words), label, **attrs)


def sentence(value: str, words: str):
    return span(TEXT, words, "SENTIMENT", value=value)


def make(records, annotator):
    return AnnotationSet("t", TEXT, list(records), annotator)


def gold():
    return make(
        [
            span(TEXT, "Ann Lee", "PERSON", entity="Ann Lee"),
            span(TEXT, "Bob Day", "PERSON", entity="Bob Day"),
            span(TEXT, "Leeds", "PLACE", entity="Leeds"),
            span(TEXT, "We will win,", "QUOTE", speaker="Ann Lee"),
            span(TEXT, "it was over", "QUOTE", speaker="Bob Day"),
            sentence("positive", "“We will win,” Ann Lee said."),
            sentence("negative", "Bob Day said it was over."),
            sentence("neutral", "Rain fell on Leeds."),
            sentence("negative", "It was sad."),
        ],
        "gold",
    )


def student():
    return make(
        [
            span(TEXT, "Ann Lee", "PERSON", entity="Ann Lee"),
            span(TEXT, "Bob", "PERSON", entity="Bob"),  # boundary
            span(TEXT, "Leeds", "ORG", entity="Leeds"),  # wrong label
            span(TEXT, "“We will win,”", "QUOTE", speaker="Lee"),  # boundary; surname is the same speaker
            span(TEXT, "it was over", "QUOTE", speaker="Ann Lee"),  # wrong speaker
            span(TEXT, "Rain", "TIMEX"),  # only in the student's
            sentence("positive", "“We will win,” Ann Lee said."),
            sentence("negative", "Bob Day said it was over."),
            sentence("negative", "Rain fell on Leeds."),
            sentence("negative", "It was sad."),
        ],
        "student",
    )


def row(scores, label, match):
    found = scores[(scores["label"] == label) & (scores["match"] == match)]
    assert len(found) == 1
    return found.iloc[0]


def test_identical_sets_agree_perfectly():
    result = compare(gold(), gold())
    assert list(result.scores.columns) == SCORE_COLUMNS
    assert (result.scores["f1"] == 1.0).all()
    assert result.kappa == pytest.approx(1.0)
    assert result.agreement == 1.0
    assert result.sentences == 4
    assert result.disagreements.empty
    assert list(result.disagreements.columns) == DISAGREEMENT_COLUMNS


def test_exact_and_overlap_scores_per_label():
    scores = compare(student(), gold()).scores
    person_exact = row(scores, "PERSON", "exact")
    assert (person_exact["in_a"], person_exact["in_b"], person_exact["matched"]) == (2, 2, 1)
    assert person_exact["precision"] == 0.5 and person_exact["recall"] == 0.5 and person_exact["f1"] == 0.5
    assert row(scores, "PERSON", "overlap")["f1"] == 1.0
    assert row(scores, "QUOTE", "exact")["matched"] == 1
    assert row(scores, "QUOTE", "overlap")["matched"] == 2
    place = row(scores, "PLACE", "exact")
    assert (place["in_a"], place["recall"], place["precision"]) == (0, 0.0, 0.0)
    timex = row(scores, "TIMEX", "overlap")
    assert (timex["in_a"], timex["in_b"], timex["precision"]) == (1, 0, 0.0)
    overall = row(scores, "ALL", "exact")
    assert (overall["in_a"], overall["in_b"], overall["matched"]) == (6, 5, 2)
    assert overall["f1"] == pytest.approx(round(2 * (2 / 6) * (2 / 5) / (2 / 6 + 2 / 5), 3))
    # Rows in a fixed order: labels in the kit's order, then ALL; exact before overlap.
    assert (
        list(scores["label"])
        == ["PERSON"] * 2 + ["ORG"] * 2 + ["PLACE"] * 2 + ["QUOTE"] * 2 + ["TIMEX"] * 2 + ["ALL"] * 2
    )


def test_swapping_sides_swaps_precision_and_recall():
    one, two = compare(student(), gold()).scores, compare(gold(), student()).scores
    assert list(one["precision"]) == list(two["recall"])
    assert list(one["f1"]) == list(two["f1"])


def test_disagreement_table_names_each_kind():
    table = disagreement_table(student(), gold())
    kinds = list(zip(table["kind"], table["text_a"], table["text_b"], strict=True))
    assert ("boundary", "“We will win,”", "We will win,") in kinds
    assert ("boundary", "Bob", "Bob Day") in kinds
    assert ("label", "Leeds", "Leeds") in kinds
    assert ("only in a", "Rain", "") in kinds
    speaker = table[table["kind"] == "speaker"]
    assert list(speaker["detail_a"]) == ["Ann Lee"] and list(speaker["detail_b"]) == ["Bob Day"]
    sentiment = table[table["kind"] == "sentiment"]
    assert list(sentiment["detail_a"]) == ["negative"] and list(sentiment["detail_b"]) == ["neutral"]
    assert list(table["start"]) == sorted(table["start"])
    # "Lee" and "Ann Lee" are the same speaker: no speaker row for the first quote.
    assert "“We will win,”" not in list(speaker["text_a"])


def test_disagreement_table_is_deterministic():
    first = disagreement_table(student(), gold())
    second = disagreement_table(make(reversed(student().annotations), "student"), gold())
    assert first.equals(second)


def test_kappa_on_sentence_labels():
    result = compare(student(), gold())
    values_a = ["positive", "negative", "negative", "negative"]
    values_b = ["positive", "negative", "neutral", "negative"]
    assert result.kappa == pytest.approx(cohen_kappa(values_a, values_b))
    assert result.agreement == 0.75
    assert result.sentences == 4


def test_cohen_kappa_textbook_values():
    assert cohen_kappa(["pos", "neg", "neg", "neu"], ["pos", "neg", "neu", "neu"]) == pytest.approx(
        0.636, abs=1e-3
    )
    # 50 items: a says yes 25 times; 20 yes-yes, 15 no-no: p_o=0.7, p_e=0.5 → kappa 0.4 (a classic example).
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(["x", "x"], ["x", "x"]) is None
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    with pytest.raises(errors.InvalidInput):
        cohen_kappa(["a"], ["a", "b"])


def test_labels_and_within_restrict_the_comparison():
    result = compare(student(), gold(), labels=["QUOTE"])
    assert set(result.scores["label"]) == {"QUOTE", "ALL"}
    assert result.kappa is None and result.sentences == 0
    first_sentence = (0, TEXT.index(" Bob"))
    result = compare(student(), gold(), within=first_sentence)
    assert row(result.scores, "PERSON", "exact")["in_b"] == 1
    assert result.sentences == 1


def test_no_sentence_labels_in_common_gives_no_kappa():
    result = compare(make([], "a"), make([], "b"))
    assert result.kappa is None and result.agreement is None
    assert list(result.scores["label"]) == ["ALL", "ALL"]
    assert math.isclose(result.scores["f1"].sum(), 0.0)
    assert "no sentence labels in common" in repr(result)


def test_different_texts_are_refused():
    other = AnnotationSet("t", TEXT + " More.", [], "b")
    with pytest.raises(errors.InvalidAnnotations, match="different texts"):
        compare(gold(), other)


def test_unknown_label_is_refused():
    with pytest.raises(errors.InvalidInput, match="not a label"):
        compare(gold(), gold(), labels=["PEOPLE"])


@pytest.mark.model
def test_machine_annotations_are_valid_records(seed):
    from newslab.annotations import validate_annotation
    from newslab.compare import machine_annotations

    machine = machine_annotations(seed)
    assert machine.annotator == "machine"
    assert machine.annotations
    for annotation in machine.annotations:
        validate_annotation(annotation, seed.text)
    assert {"PERSON", "QUOTE"} <= {a.label for a in machine.annotations}


def test_within_accepts_a_span():
    from newslab.article import Span

    first = Span(0, TEXT.index(" Bob"))
    assert compare(student(), gold(), within=first).scores.equals(
        compare(student(), gold(), within=(first.start, first.end)).scores
    )


# ---------------------------------------------------------------- the bundled example (depends on data/gold)


def test_bundled_example_and_gold_load(seed):
    from newslab.annotations import load_example, load_gold

    student, gold = load_example(seed), load_gold(seed)
    assert student.annotator == "student" and gold.annotator == "gold"
    assert [a.text[:12] for a in student.labelled("QUOTE")] == [
        "not the dumb",
        "“There has b",
        "“Vladimir Pu",
    ]


def test_bundled_example_has_the_mistakes_notebook_06_discusses(seed):
    from newslab.annotations import load_example, load_gold

    two_paragraphs = (seed.paragraphs[3].start, seed.paragraphs[4].end)
    result = compare(
        load_example(seed), load_gold(seed), labels=["PERSON", "ORG", "QUOTE"], within=two_paragraphs
    )
    table = result.disagreements
    speaker = table[table["kind"] == "speaker"]
    assert list(zip(speaker["detail_a"], speaker["detail_b"], strict=True)) == [
        ("Vladimir Putin", "John McCain")
    ]
    assert "boundary" in set(table.loc[table["label_a"] == "QUOTE", "kind"])
    assert "Face the Nation" in set(table.loc[table["kind"] == "only in a", "text_a"])


def test_missing_gold_is_a_clear_error():
    from newslab.annotations import load_example, load_gold
    from newslab.article import Article

    article = Article.from_text("Nothing here.", id="no-such-article")
    with pytest.raises(errors.SourceNotFound, match="no gold file"):
        load_gold(article)
    with pytest.raises(errors.SourceNotFound, match="no example"):
        load_example(article)
