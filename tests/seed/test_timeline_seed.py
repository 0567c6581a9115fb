"""The bundled article against its hand-checked gold TIMEX and EVENT records
(data/gold/trump-russia-cyber.json).

These expectations depend on the small English model (parts of speech and tense); they are
collected here so a model update shows up in one place.
"""

from __future__ import annotations

import dataclasses
import itertools

import pandas as pd
import pytest

from newslab.analysis import analyze
from newslab.annotations import load_annotations
from newslab.nlp import parse
from newslab.timeline import find_timexes, timeline_table, timexes_table

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gold(seed, root):
    return load_annotations(root / "data" / "gold" / "trump-russia-cyber.json", seed.text)


def test_exactly_the_gold_timexes(seed, gold):
    expected = [(g.start, g.end, g.attrs["type"], g.attrs["value"]) for g in gold.labelled("TIMEX")]
    found = [(t.start, t.end, t.type, t.value) for t in analyze(seed).timexes]
    assert found == expected
    assert [g.text for g in gold.labelled("TIMEX")] == ["Sunday morning", "2016", "Sunday", "2016"]


def test_timexes_table_explains_each_value(seed):
    table = timexes_table(seed)
    assert list(table["value"]) == ["2017-07-09TMO", "2016", "2017-07-09", "2016"]
    assert table["explanation"].str.len().min() > 0


def test_gold_events_are_found_in_gold_chronological_order(seed, gold):
    events = {(e.start, e.end): e for e in analyze(seed).events}
    records = gold.labelled("EVENT")
    assert len(records) == 6
    for record in records:
        assert (record.start, record.end) in events, record.text
        assert events[(record.start, record.end)].sentence == record.attrs["sentence"]
    by_rank = sorted(records, key=lambda r: r.attrs["rank"])
    for earlier, later in itertools.pairwise(by_rank):
        found_earlier = events[(earlier.start, earlier.end)].rank
        found_later = events[(later.start, later.end)].rank
        if earlier.attrs["rank"] == later.attrs["rank"]:
            assert found_earlier == found_later, (earlier.text, later.text)
        else:
            assert found_earlier < found_later, (earlier.text, later.text)


def test_gold_event_days_match(seed, gold):
    events = {(e.start, e.end): e for e in analyze(seed).events}
    for record in gold.labelled("EVENT"):
        found = events[(record.start, record.end)]
        assert found.when.replace("before ", "")[:10] == record.attrs["when"].replace("before ", "")[:10]


def test_publication_is_last_and_the_lede_is_the_latest_story_event(seed):
    table = timeline_table(seed)
    assert table.iloc[-1]["kind"] == "publication" and table.iloc[-1]["when"] == "2017-07-10"
    story = table[table["sentence"].notna()]
    lede = story[story["sentence"] == 0].iloc[0]
    assert lede["rank"] == story["rank"].max()


def test_senators_and_backtrack_come_after_the_tweet_and_after_the_talks(seed):
    ranks = {
        row.text: row.rank
        for row in timeline_table(seed).itertuples()
        if row.sentence is not pd.NA and row.sentence in (1, 2)
    }
    assert ranks["discussed"] < ranks["said"] < ranks["criticised"] < ranks["appeared to backtrack"]


def test_published_on_the_sunday_itself_sunday_is_the_publication_day(seed):
    earlier = dataclasses.replace(seed, published=seed.published.replace(day=9))
    values = [t.value for t in find_timexes(earlier, parse(earlier))]
    assert values == ["2017-07-09TMO", "2016", "2017-07-09", "2016"]


def test_without_publication_date_sunday_is_underspecified(seed):
    undated = dataclasses.replace(seed, published=None)
    values = [t.value for t in find_timexes(undated, parse(undated))]
    assert values == ["XXXX-WXX-7TMO", "2016", "XXXX-WXX-7", "2016"]
