"""The cast of the bundled article against its hand-checked gold file.

These expectations depend on the small English spaCy model (en_core_web_sm 3.8): a different model
tags names differently, and the rules that correct it would be tested on other mistakes.
"""

from __future__ import annotations

import pytest

from newslab.analysis import analyze
from newslab.annotations import load_annotations
from newslab.people import corrections_table, entity_at, to_annotations

pytestmark = pytest.mark.model

LABELS = ("PERSON", "ORG", "PLACE")


@pytest.fixture(scope="module")
def cast(seed):
    return analyze(seed).cast


@pytest.fixture(scope="module")
def gold(seed, root):
    return load_annotations(root / "data" / "gold" / "trump-russia-cyber.json", seed.text).labelled(*LABELS)


def spans(records):
    return {(a.start, a.end, a.label): a.attrs.get("entity") for a in records}


def test_gold_is_hand_checked_and_complete(gold):
    people = {a.attrs["entity"] for a in gold if a.label == "PERSON"}
    assert people == {
        "Donald Trump",
        "Vladimir Putin",
        "Lindsey Graham",
        "John McCain",
        "Mario Rubio",
        "Adam Schiff",
        "Nikki Haley",
        "Bashar al-Assad",
    }


def test_every_gold_mention_is_found_with_its_entity(cast, gold):
    found = spans(to_annotations(cast))
    wrong = {k: (v, found.get(k)) for k, v in spans(gold).items() if found.get(k) != v}
    assert not wrong


def test_no_extra_mentions(cast, gold):
    # "Cyber Security" in "an impenetrable Cyber Security unit" is tagged ORG by the model; the kit drops it
    found, expected = spans(to_annotations(cast)), spans(gold)
    assert not set(found) - set(expected)


def _who(seed, cast, phrase, word=None):
    at = seed.text.index(phrase) + (phrase.index(word) if word else 0)
    entity = entity_at(cast, at, at + len(word or phrase))
    return entity.name if entity else None


def test_issue_expectations(seed, cast):
    assert _who(seed, cast, "The US president") == "Donald Trump"
    assert _who(seed, cast, "that he and Vladimir Putin", "he") == "Donald Trump"
    assert _who(seed, cast, "in his campaign", "his") == "Donald Trump"
    assert _who(seed, cast, "Trump had tweet that he", "he") == "Donald Trump"
    assert _who(seed, cast, "he added", "he") == "John McCain"
    assert _who(seed, cast, "she said", "she") == "Nikki Haley"
    assert _who(seed, cast, "Mario Rubio") == "Mario Rubio"  # the text's spelling (Marco Rubio), kept
    assert _who(seed, cast, "Rubio, who contested", "Rubio") == "Mario Rubio"
    assert _who(seed, cast, "President Putin") == "Vladimir Putin"
    assert _who(seed, cast, "He vehemently", "He") == "Vladimir Putin"
    assert _who(seed, cast, "stiffened his resolve", "his") == "Lindsey Graham"


def test_model_errors_are_corrected_with_reasons(seed, cast):
    table = corrections_table(seed)
    org_people = table[(table["model_label"] == "ORG") & (table["label"] == "PERSON")]
    # the model tags three "Trump"s and Nikki Haley as organisations
    assert list(org_people["text"]) == ["Trump", "Trump", "Trump", "Nikki Haley"]
    assert all("PERSON" in reason for reason in org_people["reason"])
    haley = next(e for e in cast if e.name == "Nikki Haley")
    assert "ambassador" in haley.mentions[0].reason


def test_roles(cast):
    roles = {e.name: e.role for e in cast if e.label == "PERSON"}
    assert "Representative" in roles["Adam Schiff"]
    assert "top Democrat on the House Intelligence Committee" in roles["Adam Schiff"]
    assert "US ambassador to the United Nations" in roles["Nikki Haley"]
    assert "Republican senator of South Carolina" in roles["Lindsey Graham"]
    assert "chairs the Senate armed services committee" in roles["John McCain"]
    assert "Syrian president" in roles["Bashar al-Assad"]
    assert "President" in roles["Vladimir Putin"]


def test_genders_come_from_the_text(cast):
    genders = {e.name: e.gender for e in cast if e.label == "PERSON"}
    assert genders["Nikki Haley"] == "female"
    assert genders["John McCain"] == genders["Donald Trump"] == "male"
    assert genders["Bashar al-Assad"] == ""  # no pronoun or title says


def test_party_words_are_roles_not_entities(cast):
    assert not any(e.name in ("Republican", "Democrat", "Syrian", "Russian") for e in cast)


def test_entities_in_order_of_first_mention(cast):
    firsts = [e.first_mention for e in cast]
    assert firsts == sorted(firsts)
    assert cast[0].name == "Donald Trump"
