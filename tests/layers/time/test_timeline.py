"""Unit tests of newslab.timeline: events in story and time order, tables, records, HTML and plots.

``value_range`` needs no model; the rest parses small hand-written news texts with the small
English model (marked ``model``). No quotes are passed (``quotes=[]``) unless a test says so, so
these tests do not depend on ``newslab.quotes``.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newslab.article import Article
from newslab.timeline import (
    EVENT_COLUMNS,
    TIMEX_COLUMNS,
    Event,
    find_events,
    find_timexes,
    plot_story_vs_time,
    plot_timeline,
    timeline_table,
    timexes_html,
    timexes_table,
    to_annotations,
    value_range,
)

STORY = (
    "The minister appears to have changed her mind.\n\n"
    "She had said in a Monday morning speech that the plant would close.\n\n"
    "Workers immediately protested, and the minister resigned later on Monday."
)


def _events(text, published="2017-07-12", quotes=()):
    from newslab.nlp import parse

    article = Article.from_text(text, published=published)
    doc = parse(article)
    return article, find_events(article, doc, find_timexes(article, doc), list(quotes))


def _by_text(events):
    return {e.text: e for e in events}


# ---------------------------------------------------------------- no model


@pytest.mark.parametrize(
    ("value", "first", "last", "phase"),
    [
        ("2017-07-09TMO", dt.date(2017, 7, 9), dt.date(2017, 7, 9), 1.0),
        ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31), 0.0),
        ("2017-W28", dt.date(2017, 7, 10), dt.date(2017, 7, 16), 0.0),
        ("2017-Q3", dt.date(2017, 7, 1), dt.date(2017, 9, 30), 0.0),
        ("2017-02", dt.date(2017, 2, 1), dt.date(2017, 2, 28), 0.0),
        ("XXXX-WXX-7", None, None, 0.0),
        # a known year with its week, quarter or month left open covers the year
        ("2017-WXX", dt.date(2017, 1, 1), dt.date(2017, 12, 31), 0.0),
        ("1988-QX", dt.date(1988, 1, 1), dt.date(1988, 12, 31), 0.0),
        ("1998-XX-XX", dt.date(1998, 1, 1), dt.date(1998, 12, 31), 0.0),
        ("XXXX-WXX", None, None, 0.0),
    ],
)
def test_value_range(value, first, last, phase):
    assert value_range(value) == (first, last, phase)


def test_refs_need_the_publication_date():
    day = dt.date(2017, 7, 10)
    assert value_range("PAST_REF", day)[:2] == (None, day)
    assert value_range("PRESENT_REF", day)[:2] == (day, day)


# ---------------------------------------------------------------- events (model)


@pytest.mark.model
def test_events_work_without_quotes_and_end_with_the_publication():
    _article, events = _events(STORY)
    assert all(isinstance(e, Event) for e in events)
    assert events[-1].kind == "publication" and events[-1].sentence is None
    assert events[-1].rank == max(e.rank for e in events)


@pytest.mark.model
def test_offsets_and_story_positions():
    article, events = _events(STORY)
    for event in events:
        assert article.text[event.start : event.end] == event.text
    found = _by_text(events)
    assert found["said"].sentence == 1 and found["resigned"].sentence == 2


@pytest.mark.model
def test_timex_anchors_and_relations_order_the_events():
    _article, events = _events(STORY)
    found = _by_text(events)
    assert found["said"].when == "2017-07-10TMO"  # the Monday before publication (Wednesday)
    assert found["said"].rank < found["protested"].rank < found["resigned"].rank


@pytest.mark.model
def test_inverted_pyramid_lede_is_latest():
    _article, events = _events(STORY)
    lede = next(e for e in events if e.sentence == 0)
    story_events = [e for e in events if e.sentence is not None]
    assert lede.rank == max(e.rank for e in story_events)


@pytest.mark.model
def test_pluperfect_is_before_the_reference_time():
    text = "The mayor said on Tuesday that the council had approved the budget."
    _article, events = _events(text)
    found = _by_text(events)
    assert found["approved"].when.startswith("before ")
    assert found["approved"].rank < found["said"].rank


@pytest.mark.model
def test_unordered_events_share_a_rank_and_say_so():
    text = "The senator spoke on Sunday.\n\nThe governor also spoke."
    _article, events = _events(text, published="2017-07-10")
    found = _by_text(events)
    assert found["spoke"].rank == next(e for e in events if e.sentence == 1).rank
    assert found["spoke"].order_note == "same day, order not stated"


@pytest.mark.model
def test_quotes_give_speech_events_named_after_the_speaker():
    text = "“We will win,” he said on Friday."
    start = text.index("said")
    quote = SimpleNamespace(cue_start=start, cue_end=start + 4, speaker="Jo Smith", speaker_mention="he")
    _article, events = _events(text, quotes=[quote])
    said = _by_text(events)["said"]
    assert said.kind == "speech" and said.label == "Jo Smith said" and said.when == "2017-07-07"


@pytest.mark.model
def test_without_publication_date_nothing_is_invented():
    _article, events = _events(STORY, published=None)
    assert _by_text(events)["said"].when == "XXXX-WXX-1TMO"
    assert events[-1].when == "publication (date unknown)"


# ---------------------------------------------------------------- tables, records, html, plots (model)


@pytest.fixture(scope="module")
def story():
    return Article.from_text(STORY, published="2017-07-12")


@pytest.mark.model
def test_tables_have_fixed_columns(story):
    timexes = timexes_table(story)
    events = timeline_table(story)
    assert list(timexes.columns) == TIMEX_COLUMNS
    assert list(events.columns) == EVENT_COLUMNS
    assert list(events["rank"]) == sorted(events["rank"])
    assert timexes.loc[0, "explanation"]


@pytest.mark.model
def test_to_annotations_are_valid_records(story):
    records = to_annotations(story)
    labels = {r.label for r in records}
    assert labels == {"TIMEX", "EVENT"}
    assert all(story.text[r.start : r.end] == r.text for r in records)
    assert all("value" in r.attrs for r in records if r.label == "TIMEX")
    assert all({"when", "rank"} <= set(r.attrs) for r in records if r.label == "EVENT")


@pytest.mark.model
def test_html_is_escaped_and_labelled():
    article = Article.from_text("<b>Tom & Jerry</b> met on Monday.", published="2017-07-12")
    html = timexes_html(article)
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "DATE 2017-07-10" in html


@pytest.mark.model
def test_plots_return_axes_with_alt_text(story):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newslab.figures import alt_text

    table = timeline_table(story)
    for plot in (plot_timeline, plot_story_vs_time):
        ax = plot(table)
        assert ax.get_title() and ax.get_xlabel() is not None
        assert alt_text(ax)
        plt.close(ax.figure)


@pytest.mark.model
def test_a_future_event_does_not_become_the_story_time():
    text = "The bridge will close on 1 August, the council said on Tuesday.\n\nThe mayor said repairs were overdue."
    _article, events = _events(text, published="2017-07-12")
    found = _by_text(events)
    assert found["close"].when == "2017-08-01"
    mayor = next(e for e in events if e.sentence == 1)
    assert mayor.when == "2017-07-11"


@pytest.mark.model
def test_pluperfect_without_a_time_is_not_doubly_before():
    text = "Nurses walked out.\n\nThey said staff had left."
    _article, events = _events(text)
    assert not any(e.when.startswith("before before") for e in events)


@pytest.mark.model
def test_quote_cues_outside_the_body_are_left_out():
    text = "Union says deal is done\n\nNurses agreed a deal on Monday, the union said."
    article = Article.from_text(text, published="2017-07-12", layout=True)
    from newslab.nlp import parse

    doc = parse(article)
    start = text.index("says")
    quote = SimpleNamespace(cue_start=start, cue_end=start + 4, speaker="the union", speaker_mention="Union")
    events = find_events(article, doc, find_timexes(article, doc), [quote])
    assert all(e.start >= article.body.start for e in events if e.kind != "publication")


@pytest.mark.model
def test_a_tweet_after_had_is_one_event_named_by_the_tweet():
    """A slip such as "had tweet that…" (for "had tweeted") is one speech event, "tweet", not "had"."""
    from newslab.nlp import parse
    from newslab.quotes import find_quotes

    text = "The shopkeeper Tom Kessler had tweet that he “would fight the closure all the way.”"
    article = Article.from_text(text, published="2017-07-12")
    doc = parse(article)
    _, events = _events(text, quotes=find_quotes(article, doc, []))
    assert [e.text for e in events if e.kind != "publication"] == ["tweet"]


@pytest.mark.model
def test_an_event_known_only_to_lie_before_a_date_ranks_before_that_days_events():
    """ "had warned" is before the Sunday the story is at: it must not rank after Sunday's events."""
    _, events = _events(
        "On Sunday the mayor said the bridge would close. Later on Sunday the council voted to shut it. "
        "Jones had warned against the plan."
    )
    rank = {e.text: e.rank for e in events}
    assert rank["warned"] < rank["said"] < rank["voted"]
    warned = next(e for e in events if e.text == "warned")
    assert warned.when == "before 2017-07-09"


@pytest.mark.model
def test_event_labels_join_words_as_the_text_has_them():
    _, events = _events("Millbrook’s city council voted on Tuesday to close the bridge.")
    assert "Millbrook’s city council voted" in [e.label for e in events]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The library will open a reading room.", "open"),
        ("The school board is going to review the timetable.", "review"),
        ("Parents may challenge the ruling.", "challenge"),
        ("The trust must repay the grant.", "repay"),
    ],
)
def test_a_future_or_modal_event_without_a_time_comes_after_publication(text, verb):
    _article, events = _events(text)
    event = next(e for e in events if e.text.endswith(verb))  # "going to review": the words of the event
    publication = next(e for e in events if e.kind == "publication")
    assert event.rank > publication.rank
    assert event.when.startswith("after publication") and event.earliest == "2017-07-12"


@pytest.mark.model
def test_a_future_event_with_a_time_keeps_its_time():
    _article, events = _events("The library will open a reading room on 3 July 2017.")
    assert _by_text(events)["open"].when == "2017-07-03"
