"""Tests for newslab.widgets: the annotation session (headless) and the widget as a thin view over it.

The session finds sentences and tokens with the spaCy model, so these tests need it.
"""

from __future__ import annotations

import json

import pytest

from newslab import errors
from newslab.annotations import SCHEMA, AnnotationSet, load_annotations, save_annotations
from newslab.article import Article
from newslab.widgets import AnnotationSession, AnnotationWidget, annotate, describe, label_of

pytestmark = pytest.mark.model

TEXT = (
    "Mayor Ann Lee said on Monday that the bridge would reopen.\n\n"
    "“We are not done yet,” Lee told reporters in Leeds. Critics were angry.\n\n"
    "The council has not said when."
)


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.from_text(TEXT, id="bridge", published="2024-05-07")


def words(session: AnnotationSession, text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def saved(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["annotations"]


def test_label_names():
    assert label_of("person") == "PERSON"
    assert label_of(" Time  expression ") == "TIMEX"
    assert label_of("organization") == "ORG"
    assert label_of("QUOTE") == "QUOTE"
    assert label_of("Negative") == "SENTIMENT"
    with pytest.raises(errors.InvalidInput, match="not a label"):
        label_of("speaker")


def test_every_change_is_saved_at_once(article, tmp_path):
    path = tmp_path / "mine.json"
    session = AnnotationSession(article, path)
    assert not path.exists()  # nothing written before the first change
    session.mark(*words(session, "Ann Lee"))
    person = session.label("person")
    assert person.attrs == {"entity": "Ann Lee"}
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA and data["annotator"] == "student"
    assert saved(path) == [person.to_dict()]
    assert session.selection is None  # labelled: the selection is used up
    session.mark(*words(session, "We are not done yet,"))
    session.label("quote", kind="direct")
    assert [r["label"] for r in saved(path)] == ["PERSON", "QUOTE"]
    assert "saved 2 annotations" in session.status
    # the file is a valid annotation file for the article
    assert len(load_annotations(path, TEXT).annotations) == 2


def test_click_tokens_selects_from_first_to_last(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json")
    first = next(i for i, t in enumerate(session.tokens) if t.text == "Critics")
    last = next(i for i, t in enumerate(session.tokens) if t.text == "angry")
    assert session.click_token(last) == (session.tokens[last].start, session.tokens[last].end)
    assert session.anchor == last
    assert session.click_token(first) == words(session, "Critics were angry")  # either order
    assert session.anchor is None
    session.click_token(first)
    session.click_token(first)
    assert session.selection == words(session, "Critics")


def test_sentence_picking_and_sentiment(article, tmp_path):
    path = tmp_path / "a.json"
    session = AnnotationSession(article, path)
    assert len(session.sentences) == 4
    session.mark_sentence(2)
    assert article.text[slice(*session.selection)] == "Critics were angry."
    session.label("negative")
    # a sentiment label given to a few words applies to their whole sentence, and replaces the old value
    session.mark(*words(session, "were"))
    session.label("neutral")
    sentiment = [r for r in saved(path) if r["label"] == "SENTIMENT"]
    assert [(r["text"], r["attrs"]) for r in sentiment] == [("Critics were angry.", {"value": "neutral"})]


def test_link_quote_to_speaker(article, tmp_path):
    path = tmp_path / "a.json"
    session = AnnotationSession(article, path)
    session.mark(TEXT.index("Lee told"), TEXT.index("Lee told") + 3)
    session.label("person", entity="Ann Lee")
    session.mark(*words(session, "We are not done yet,"))
    session.label("quote")
    quote = next(i for i, a in enumerate(session.items) if a.label == "QUOTE")
    speaker = next(i for i, a in enumerate(session.items) if a.label == "PERSON")
    linked = session.link(quote, speaker)
    assert linked.attrs["speaker"] == "Ann Lee"
    assert (linked.attrs["speaker_start"], linked.attrs["speaker_end"]) == (
        TEXT.index("Lee told"),
        TEXT.index("Lee told") + 3,
    )
    assert next(r for r in saved(path) if r["label"] == "QUOTE")["attrs"]["speaker_mention"] == "Lee"
    with pytest.raises(errors.InvalidInput, match="not a quote"):
        session.link(speaker, speaker)
    with pytest.raises(errors.InvalidInput, match="not a person"):
        session.link(quote, quote)


def test_edit_delete_and_undo(article, tmp_path):
    path = tmp_path / "a.json"
    session = AnnotationSession(article, path)
    session.mark(*words(session, "Leeds"))
    session.label("organisation")
    session.relabel(0, "place")
    assert [(r["label"], r["attrs"]) for r in saved(path)] == [("PLACE", {"entity": "Leeds"})]
    session.mark(*words(session, "Monday that"))
    session.label("time expression")
    timex = next(i for i, a in enumerate(session.items) if a.label == "TIMEX")
    session.mark(*words(session, "Monday"))
    session.resize(timex)
    assert [r["text"] for r in saved(path)] == ["Monday", "Leeds"]
    session.delete(1)
    assert [r["text"] for r in saved(path)] == ["Monday"]
    assert session.undo()
    assert [r["text"] for r in saved(path)] == ["Monday", "Leeds"]
    with pytest.raises(errors.InvalidInput, match="whole sentence"):
        session.relabel(0, "negative")
    session.mark_sentence(0)
    session.label("positive")
    sentence = next(i for i, a in enumerate(session.items) if a.label == "SENTIMENT")
    assert session.relabel(sentence, "negative").attrs == {"value": "negative"}
    while session.can_undo:
        session.undo()
    assert saved(path) == []
    assert not session.undo()
    assert session.status == "Nothing to undo."
    with pytest.raises(errors.InvalidInput, match="no annotation number 5"):
        session.delete(5)


def test_nothing_selected_is_a_hint(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json")
    with pytest.raises(errors.InvalidInput, match="Nothing is selected"):
        session.label("person")
    with pytest.raises(errors.InvalidInput):
        session.mark(5, 2)


def test_same_label_twice_adds_nothing(article, tmp_path):
    path = tmp_path / "a.json"
    session = AnnotationSession(article, path)
    session.mark(*words(session, "Leeds"))
    session.label("place")
    session.mark(*words(session, "Leeds"))
    session.label("place")
    assert len(saved(path)) == 1
    assert "already there" in session.status


def test_reopening_resumes(article, tmp_path):
    path = tmp_path / "a.json"
    first = AnnotationSession(article, path)
    first.mark(*words(session=first, text="Ann Lee"))
    first.label("person")
    again = AnnotationSession(article, path)
    assert again.items == first.items
    assert again.status.startswith("Resumed 1 annotations")
    again.mark(*words(again, "Leeds"))
    again.label("place")
    assert len(saved(path)) == 2


@pytest.mark.parametrize(
    "content, problem",
    [
        ("this is not json", "not valid JSON"),
        ('{"schema": "something/else"}', "not a newslab annotation file"),
        (json.dumps({"schema": SCHEMA, "text_sha256": "0", "annotations": []}), "different text"),
    ],
)
def test_a_broken_file_is_never_overwritten(article, tmp_path, content, problem):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    session = AnnotationSession(article, path)
    assert problem in session.error
    assert "broken.json" in session.error  # says where the file is
    session.mark(*words(session, "Leeds"))
    with pytest.raises(errors.InvalidAnnotations):
        session.label("place")
    with pytest.raises(errors.InvalidAnnotations):
        session.undo()
    assert path.read_text(encoding="utf-8") == content
    widget = AnnotationWidget(session)
    assert problem in widget.status.value
    assert all(button.disabled for button in widget.label_buttons.values())


def test_a_file_broken_meanwhile_is_not_overwritten(article, tmp_path):
    path = tmp_path / "a.json"
    session = AnnotationSession(article, path)
    session.mark(*words(session, "Leeds"))
    session.label("place")
    path.write_text("my notes, not annotations", encoding="utf-8")
    session.mark(*words(session, "Ann Lee"))
    with pytest.raises(errors.InvalidAnnotations, match="not valid JSON"):
        session.label("person")
    assert path.read_text(encoding="utf-8") == "my notes, not annotations"
    assert session.error is not None


def test_a_gold_file_opens_with_its_annotator(article, tmp_path):
    path = tmp_path / "gold.json"
    save_annotations(AnnotationSet("bridge", TEXT, [], "gold"), path)
    session = AnnotationSession(article, path)
    session.mark(*words(session, "Leeds"))
    session.label("place")
    assert json.loads(path.read_text(encoding="utf-8"))["annotator"] == "gold"


def test_paragraphs_limit_the_sentences(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json", paragraphs=[1])
    assert [TEXT[s:e] for s, e in session.sentences] == [
        "“We are not done yet,” Lee told reporters in Leeds.",
        "Critics were angry.",
    ]
    with pytest.raises(errors.InvalidInput, match="not in the article"):
        _ = AnnotationSession(article, tmp_path / "b.json", paragraphs=[9]).sentences


def test_html_is_escaped_and_labelled(tmp_path):
    article = Article.from_text("Tom <b>Smith</b> & co said “hi”.", id="x")
    session = AnnotationSession(article, tmp_path / "a.json")
    session.mark(0, 3)
    session.label("person")
    session.mark(4, 16)
    html = session.html()
    assert "&lt;b&gt;Smith&lt;/b&gt;" in html and "&amp; co" in html
    assert "[person]" in html and "[selected]" in html
    assert "<b>" not in html


def test_describe_shortens_long_spans():
    article = Article.from_text("A very long quote " * 10, id="x")
    from newslab.annotations import make_annotation

    annotation = make_annotation(article.text, 0, 170, "QUOTE", speaker="Ann")
    line = describe(annotation)
    assert line.startswith("quote → Ann: A very long") and line.endswith("…")
    assert len(line) < 70


def test_widget_is_a_thin_view(article, tmp_path):
    path = tmp_path / "w.json"
    widget = annotate(article, path, paragraphs=[1])
    session = widget.session
    labels = [b.description for b in widget.tokens_box.children]
    assert labels[:3] == ["“", "We", "are"]
    # click "Lee" twice (a one-word span) then Person
    slot = labels.index("Lee")
    widget.tokens_box.children[slot].click()
    assert widget.tokens_box.children[slot].button_style == "primary"
    widget.tokens_box.children[slot].click()
    assert widget.tokens_box.children[slot].button_style == "info"
    assert "[selected]" in widget.preview.value
    widget.label_buttons["PERSON"].click()
    assert "[person]" in widget.preview.value
    assert saved(path)[0]["text"] == "Lee"
    # quote: from “We” to the comma
    widget.tokens_box.children[1].click()
    widget.tokens_box.children[labels.index(",")].click()
    widget.label_buttons["QUOTE"].click()
    assert [r["label"] for r in saved(path)] == ["QUOTE", "PERSON"]
    # link them from the list and the speaker menu
    widget.listing.value = 0
    widget.speaker.value = 1
    widget.link.click()
    assert saved(path)[0]["attrs"]["speaker"] == "Lee"
    assert "quote → Lee" in widget.preview.value
    # sentiment of the whole sentence, then the next sentence
    widget.pick_sentence.click()
    widget.sentiment_buttons["positive"].click()
    assert any(r["label"] == "SENTIMENT" for r in saved(path))
    widget.next.click()
    assert [b.description for b in widget.tokens_box.children] == ["Critics", "were", "angry", "."]
    assert widget.previous.disabled is False and widget.next.disabled is True
    widget.whole_toggle.value = True
    assert "Mayor Ann Lee" in widget.preview.value
    # delete and undo through the buttons
    widget.previous.click()
    widget.listing.value = widget.listing.options[0][1]
    widget.delete.click()
    assert len(saved(path)) == 2
    widget.undo.click()
    assert len(saved(path)) == 3
    # an error a student causes shows as the status line, not as a traceback
    widget.label_buttons["PLACE"].click()
    assert "Nothing is selected" in widget.status.value
    assert session.status.startswith("Nothing is selected")


def test_widget_resumes_at_the_last_annotation(article, tmp_path):
    path = tmp_path / "w.json"
    session = AnnotationSession(article, path)
    session.mark(*words(session, "The council"))
    session.label("organisation")
    widget = annotate(article, path)
    assert widget.position == 3
    assert "[organisation]" in widget.preview.value


def test_widget_controls_are_described_for_keyboard_users(article, tmp_path):
    widget = annotate(article, tmp_path / "w.json")
    buttons = [
        widget.previous,
        widget.next,
        widget.pick_sentence,
        widget.clear,
        widget.link,
        widget.relabel,
        widget.resize,
        widget.delete,
        widget.undo,
        *widget.label_buttons.values(),
        *widget.sentiment_buttons.values(),
        *widget.tokens_box.children,
    ]
    assert all(button.description and button.tooltip for button in buttons)
    assert [b.description for b in widget.label_buttons.values()] == [
        "Person",
        "Organisation",
        "Place",
        "Quote",
        "Time expression",
    ]


def test_annotations_html_shows_chosen_labels(tmp_path):
    from newslab.annotations import make_annotation
    from newslab.widgets import annotations_html

    text = "Ann said “yes”. It rained."
    records = [
        make_annotation(text, 0, 3, "PERSON", entity="Ann"),
        make_annotation(text, 9, 14, "QUOTE", speaker="Ann"),
        make_annotation(text, 0, 15, "SENTIMENT", value="positive"),
    ]
    everything = annotations_html(AnnotationSet("x", text, records))
    assert "[person]" in everything and "[quote → Ann]" in everything and "[sentence: positive]" in everything
    chosen = annotations_html(AnnotationSet("x", text, records), labels=["QUOTE"], start=4, end=15)
    assert "[quote → Ann]" in chosen and "[person]" not in chosen and "sentence" not in chosen
    assert "Ann said" not in chosen
