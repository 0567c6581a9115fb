"""Tests for newslab.widgets and newslab.widget_view: the annotation session (headless) and the widget
as a thin view over it (driven here through the messages its browser half sends; tests/test_browser.py
drives the real page).

The session finds sentences and tokens with the spaCy model, so these tests need it.
"""

from __future__ import annotations

import json

import pytest

from newslab import errors
from newslab.annotations import SCHEMA, AnnotationSet, load_annotations, save_annotations
from newslab.article import Article
from newslab.widget_js import ESM
from newslab.widget_view import LABEL_KEYS, SENTIMENT_KEYS, shown_status
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
    assert problem in widget.status and widget.broken
    assert widget.annotations == [] and widget.tokens == []
    widget.act("label", name="place", start=TEXT.index("Leeds"), end=TEXT.index("Leeds") + 5)
    assert problem in widget.status
    assert path.read_text(encoding="utf-8") == content


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


def mark_person(session: AnnotationSession, text: str, **attrs) -> None:
    session.mark(*words(session, text))
    session.label("person", **attrs)


def quote_number(session: AnnotationSession) -> int:
    return next(i for i, a in enumerate(session.items) if a.label == "QUOTE")


def test_speaker_candidates_nearest_first(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json")
    mark_person(session, "Ann Lee")
    session.mark(*words(session, "The council"))
    session.label("organisation")
    session.mark(*words(session, "“We are not done yet,”"))
    session.label("quote")
    assert session.propose_speaker(quote_number(session)) == 0  # only Ann Lee is a person before it
    session.mark(TEXT.index("Lee told"), TEXT.index("Lee told") + 3)
    session.label("person")
    candidates = [session.items[n].text for n in session.speaker_candidates(quote_number(session))]
    # "Lee" is after the quote in its paragraph; the others are in other paragraphs, nearest first
    assert candidates == ["Lee", "Ann Lee", "The council"]
    assert session.speaker_candidates(quote_number(session), limit=1) == [
        session.number_of(TEXT.index("Lee told"), TEXT.index("Lee told") + 3, "PERSON")
    ]


def test_speaker_candidates_skip_names_inside_the_quote_and_repeated_entities(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json")
    session.mark(*words(session, "“We are not done yet,”"))
    session.label("quote")
    assert session.speaker_candidates(0) == [] and session.propose_speaker(0) is None
    mark_person(session, "We")  # inside the quote: who is talked about, not who talks
    assert session.speaker_candidates(quote_number(session)) == []
    mark_person(session, "Ann Lee")
    session.mark(TEXT.index("Lee told"), TEXT.index("Lee told") + 3)
    session.label("person", entity="Ann Lee")
    nearest = session.number_of(TEXT.index("Lee told"), TEXT.index("Lee told") + 3, "PERSON")
    assert session.speaker_candidates(quote_number(session)) == [nearest]  # one entity, offered once


def test_number_of_finds_an_annotation_by_its_span(article, tmp_path):
    session = AnnotationSession(article, tmp_path / "a.json")
    mark_person(session, "Ann Lee")
    mark_person(session, "Critics")
    assert session.items[session.number_of(*words(session, "Critics"), "PERSON")].text == "Critics"
    with pytest.raises(errors.InvalidInput, match="no longer there"):
        session.number_of(*words(session, "Critics"), "ORG")


def key(annotation) -> list:
    return [annotation.start, annotation.end, annotation.label]


def test_widget_sends_words_and_highlights_to_the_browser(article, tmp_path):
    widget = annotate(article, tmp_path / "w.json", paragraphs=[1])
    assert [row[2] for row in widget.tokens[:3]] == ["“", "We", "are"]
    assert all(TEXT[start:end] == text for start, end, text, _, _ in widget.tokens)
    assert {row[3] for row in widget.tokens} == {0, 1}  # the two sentences of paragraph 1
    session = widget.session
    session.mark(*words(session, "Lee told reporters"))
    session.label("quote")
    widget.act("dismiss")
    (row,) = widget.annotations
    assert [widget.tokens[row["first"]][2], widget.tokens[row["last"]][2]] == ["Lee", "reporters"]
    assert row["tag"] == "quote" and row["title"].startswith("quote: Lee told")


def test_one_quote_with_a_marked_speaker(article, tmp_path):
    path = tmp_path / "w.json"
    widget = annotate(article, path, paragraphs=[1])
    lee = TEXT.index("Lee told")
    widget.act("label", name="person", start=lee, end=lee + 3)
    widget.act("label", name="quote", start=TEXT.index("“We"), end=TEXT.index("”") + 1)
    # the quote is saved and its speaker proposed, to accept with one key or click
    assert [r["label"] for r in saved(path)] == ["QUOTE", "PERSON"]
    proposal = widget.proposal
    assert [c["text"] for c in proposal["candidates"]] == ["Lee"]
    assert proposal["candidates"][0]["side"] == "after" and not proposal["candidates"][0]["linked"]
    assert "Who said it? Enter, 1 or a click links Lee." in widget.status
    widget.act("link", quote=proposal["quote"], speaker=proposal["candidates"][0]["key"])
    assert saved(path)[0]["attrs"]["speaker_start"] == lee
    assert widget.proposal["candidates"][0]["linked"]
    assert widget.annotations[0]["tag"] == "quote → Lee"
    # another speaker is one more action; the question closes with dismiss
    widget.act("label", name="organisation", start=TEXT.index("Leeds"), end=TEXT.index("Leeds") + 5)
    leeds = next(c for c in widget.proposal["candidates"] if c["text"] == "Leeds")
    widget.act("link", quote=widget.proposal["quote"], speaker=leeds["key"])
    assert saved(path)[0]["attrs"]["speaker"] == "Leeds"
    widget.act("dismiss")
    assert widget.proposal is None
    quote = widget.session.items[quote_number(widget.session)]
    widget.act("speakers", quote=key(quote))
    assert widget.proposal["quote"] == key(quote)


def test_widget_edits_through_the_session(article, tmp_path):
    path = tmp_path / "w.json"
    widget = annotate(article, path, paragraphs=[1])
    session = widget.session
    widget.act("label", name="organisation", start=TEXT.index("Leeds"), end=TEXT.index("Leeds") + 5)
    widget.act("relabel", target=key(session.items[0]), name="place")
    assert [(r["label"], r["text"]) for r in saved(path)] == [("PLACE", "Leeds")]
    widget.act(
        "resize", target=key(session.items[0]), start=TEXT.index("in Leeds"), end=TEXT.index("Leeds") + 5
    )
    assert saved(path)[0]["text"] == "in Leeds"
    widget.act("label", name="negative", start=TEXT.index("Critics"), end=TEXT.index("Critics") + 7)
    assert any(r["attrs"] == {"value": "negative"} for r in saved(path))
    widget.act("delete", target=key(session.items[0]))
    assert len(saved(path)) == 1
    assert widget.can_undo
    widget.act("undo")
    assert len(saved(path)) == 2


def test_a_students_mistake_is_the_status_line(article, tmp_path):
    widget = annotate(article, tmp_path / "w.json", paragraphs=[1])
    widget.act("label", name="person")
    assert widget.status.startswith("Nothing is selected")
    widget.act("delete", target=[0, 3, "PERSON"])
    assert "no longer there" in widget.status
    widget.act("resize", target=[0, 3, "PERSON"])
    assert "no longer there" in widget.status
    widget.act("explode")
    assert "not something this tool can do" in widget.status
    # what a page out of step with the kernel might send
    for message in ({"name": "person"}, {"action": "link", "quote": [1]}, {"action": "delete"}, ["undo"]):
        widget._receive(message)
        assert widget.status == "The tool could not read that request: run its cell again."


def test_status_names_the_file_by_the_path_given(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = annotate(article, "my-work/annotations-06.json")
    assert widget.status == "New file: every change will be saved to `my-work/annotations-06.json`."
    widget.act("label", name="place", start=TEXT.index("Leeds"), end=TEXT.index("Leeds") + 5)
    assert widget.status.endswith("saved 1 annotations to `my-work/annotations-06.json`.")
    assert shown_status(AnnotationSession(article, "plain.json")) == (
        "New file: every change will be saved to `plain.json`."
    )


def test_widget_text_is_the_same_at_every_run(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "Annotation tool for `bridge`, saving to `my-work/a.json` (it draws itself in JupyterLab or Jupyter Notebook)."
    assert repr(annotate(article, "my-work/a.json")) == text
    bundle = annotate(article, "my-work/a.json")._repr_mimebundle_()
    assert bundle[0]["text/plain"] == text


def test_widget_resumes_at_the_last_annotation(article, tmp_path):
    path = tmp_path / "w.json"
    session = AnnotationSession(article, path)
    session.mark(*words(session, "The council"))
    session.label("organisation")
    widget = annotate(article, path)
    assert widget.position == 3
    assert widget.annotations[0]["tag"] == "organisation"
    assert annotate(article, path, sentence=1).position == 1


def test_every_label_has_its_own_key():
    keys = [*LABEL_KEYS.values(), *SENTIMENT_KEYS.values()]
    assert len(set(keys)) == len(keys) == 8
    # none is taken by another command of the tool (sentence, undo, whole text, move, speaker, candidates)
    assert not set(keys) & {"s", "z", "w", "m", "k", *"123456789"}
    assert set(LABEL_KEYS) == {"PERSON", "ORG", "PLACE", "QUOTE", "TIMEX"}


def test_the_browser_half_never_parses_text_as_html():
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert unsafe not in ESM
    assert "textContent" in ESM


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
