"""Unit tests of the learned cue verbs (newslab/layers/quotes/learned.py and learned_cues.json).

The table tests need no model. The others parse small invented sentences with the small English
model (marked ``model``).
"""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from newslab import errors
from newslab.article import Article
from newslab.layers.quotes.learned import LEARNED_PATH, learned_cues

# ---------------------------------------------------------------- the shipped table, no model


@pytest.mark.parametrize("part", ["verbs", "nouns"])
def test_every_learned_pair_passes_the_thresholds_written_in_the_file(part):
    table = json.loads(LEARNED_PATH.read_text(encoding="utf-8"))
    assert table[part], "the table is empty"
    for lemma, shapes in table[part].items():
        for shape, counts in shapes.items():
            assert counts["cues"] >= table["min_cues"], (lemma, shape)
            assert counts["cues"] / counts["offered"] >= table["min_rate"], (lemma, shape)
            assert counts["unnamed"] / counts["cues"] <= table["max_unnamed"], (lemma, shape)
            assert shape not in ("nsubj", "nsubjpass", "advcl"), (lemma, shape)


def test_a_noun_keeps_only_what_hangs_on_it_as_a_phrase_or_clause():
    """ "the claim [that…]", "opposition [to the plan]": never the noun's own subject or a relative clause."""
    for lemma, shapes in learned_cues()["nouns"].items():
        for shape in shapes:
            assert shape.startswith("prep:") or shape in ("acl", "ccomp"), (lemma, shape)


def test_the_table_says_what_it_learned_from_and_stays_small():
    table = learned_cues()
    assert "PolNeAR" in table["about"] and "untouched fifth left out" in table["about"]
    assert LEARNED_PATH.stat().st_size < 100_000


def test_the_topic_of_a_talk_is_not_learned_as_what_was_said():
    """The guidelines (2.4) count an object only when it stands for something said."""
    assert "dobj" not in learned_cues()["verbs"].get("discuss", {})


def test_hedges_without_a_source_are_not_learned():
    """ "The plan seems to work" and "the vote is expected to pass" name no one who said anything."""
    verbs = learned_cues()["verbs"]
    assert "xcomp" not in verbs.get("seem", {})
    assert "xcomp" not in verbs.get("appear", {})


# ---------------------------------------------------------------- what the learning script keeps


@pytest.fixture(scope="module")
def learner(root):
    """``scripts/learn_cues.py`` imported as a module."""
    spec = importlib.util.spec_from_file_location("learn_cues", root / "scripts" / "learn_cues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("counts", "nouns", "kept"),
    [
        # a phrase or clause on a noun that reported often enough is kept; its relative clause is not
        (
            {"claim": {"acl": [8, 24, 0], "relcl": [5, 10, 0]}, "vow": {"prep:of": [2, 3, 0]}},
            True,
            {"claim": {"acl": {"cues": 8, "offered": 24, "unnamed": 0}}},
        ),
        # a verb keeps any part but the subject; a rare or mostly unnamed report is left out
        (
            {"hint": {"ccomp": [4, 10, 1], "nsubj": [9, 10, 0]}, "seem": {"xcomp": [40, 80, 39]}},
            False,
            {"hint": {"ccomp": {"cues": 4, "offered": 10, "unnamed": 1}}},
        ),
        # too small a share of the uses
        ({"support": {"prep:for": [8, 97, 3]}}, True, {}),
    ],
)
def test_the_learner_keeps_frequent_named_reports(learner, counts, nouns, kept):
    assert learner.keep(counts, 3, 0.25, nouns=nouns) == kept


# ---------------------------------------------------------------- reports found through learned verbs


@pytest.fixture(scope="module")
def reports(quotes_in):
    def run(text):
        return [(q.text, q.speaker_mention) for q in quotes_in(text) if q.kind == "indirect"]

    return run


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause after a verb of belief
        (
            "The harbour master thinks the new pier will be finished by spring.",
            ("the new pier will be finished by spring", "The harbour master"),
        ),
        # an "as" phrase says what someone is portrayed as, with the object it is said of
        (
            "In her speeches, the senator portrayed her rival as a friend of the big banks.",
            ("her rival as a friend of the big banks", "the senator"),
        ),
        # an object that is what someone prefers
        (
            "The club's owner prefers a younger coach.",
            ("a younger coach", "The club's owner"),
        ),
    ],
)
def test_a_learned_verb_reports_its_content(reports, text, expected):
    assert expected in reports(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The old ferry seems to be sinking slowly.",  # the reporter's hedge: no source
        "The ballot is expected to pass easily.",  # an agentless passive is no one's report
        "A drilling method known as fracking is banned in the county.",  # a participle names no one
    ],
)
def test_no_report_without_someone_behind_it(reports, text):
    assert reports(text) == []


@pytest.mark.model
def test_a_learned_decision_can_be_explained():
    pytest.importorskip("spacy")
    from newslab.layers.quotes.learned import explain
    from newslab.nlp import parse

    article = Article.from_text("The senator portrayed her rival as a friend of the big banks.")
    verb = next(t for t in parse(article) if t.lower_ == "portrayed")
    sentence = explain(verb)
    assert sentence.startswith("portray + prep:as: ") and "uses in the learning articles" in sentence
    table = learned_cues()["verbs"]["portray"]["prep:as"]
    assert f"{table['cues']} of {table['offered']}" in sentence


@pytest.mark.model
def test_a_learned_verb_inside_someone_elses_report_is_part_of_it(reports):
    """In "She said the board had known about…" the knowing is her claim, not the board's report."""
    found = reports("The engineer said the board had known about the cracks for years.")
    assert ("the board had known about the cracks for years", "The engineer") in found
    assert not [mention for _, mention in found if mention == "the board"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "is missing"),
        ('{"verbs": ', "is not valid JSON"),
        ('{"about": "x"}', "is not a newslab learned cue table"),
        ('{"verbs": {"say": [1]}}', "is not a newslab learned cue table"),
        ('{"verbs": {"say": {"ccomp": {"cues": 5, "offered": 0, "unnamed": 0}}}}', "'say' + ccomp"),
        ('{"verbs": {"say": {"ccomp": {"cues": 5, "offered": 4, "unnamed": 0}}}}', "broken counts"),
        ('{"verbs": {"say": {"ccomp": {"cues": 2, "offered": 4, "unnamed": 3}}}}', "broken counts"),
        ('{"verbs": {"say": {"ccomp": {"cues": "2", "offered": 4, "unnamed": 0}}}}', "broken counts"),
        ('{"verbs": {"say": {"ccomp": {"cues": true, "offered": 4, "unnamed": 0}}}}', "broken counts"),
        ('{"verbs": {}, "nouns": ["claim"]}', "is not a newslab learned cue table"),
        (
            '{"verbs": {}, "nouns": {"claim": {"acl": {"cues": 5, "offered": 4, "unnamed": 0}}}}',
            "'claim' + acl",
        ),
    ],
)
def test_a_damaged_cue_table_stops_with_one_sentence(tmp_path, content, message):
    path = tmp_path / "learned_cues.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match=re.escape(message)) as raised:
        learned_cues.__wrapped__(path)
    assert "\n" not in str(raised.value) and "learned_cues.json" in str(raised.value)


@pytest.mark.parametrize(
    "table",
    [
        {"verbs": {"vow": {"xcomp": {"cues": 3, "offered": 4, "unnamed": 1}}}},  # a table of verbs only
        {
            "verbs": {"vow": {"xcomp": {"cues": 3, "offered": 4, "unnamed": 1}}},
            "nouns": {"claim": {"acl": {"cues": 8, "offered": 24, "unnamed": 0}}},
        },
    ],
)
def test_a_sound_cue_table_is_read_as_written(tmp_path, table):
    path = tmp_path / "learned_cues.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    assert learned_cues.__wrapped__(path) == table


# ---------------------------------------------------------------- reports found through learned nouns


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "to" phrase after a noun of stance the word lists lack a preposition for
        (
            "Lee made his opposition to the new car park clear.",
            ("the new car park", "his"),
        ),
        # a noun the word lists lack, with the holder as its possessor
        (
            "Councillor Osei's embrace of the harbour plan surprised her party.",
            ("the harbour plan", "Councillor Osei"),
        ),
    ],
)
def test_a_learned_noun_reports_its_content(reports, text, expected):
    assert expected in reports(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The bill's embrace of the new rules worried the harbour master.",  # a bill is no one who speaks
        "Opposition to the new car park grew over the summer.",  # no holder named
    ],
)
def test_a_learned_noun_without_someone_holding_it_reports_nothing(reports, text):
    assert all(content not in ("the new rules", "the new car park") for content, _ in reports(text))


@pytest.mark.model
def test_a_learned_noun_can_be_explained():
    pytest.importorskip("spacy")
    from newslab.layers.quotes.learned import explain
    from newslab.nlp import parse

    article = Article.from_text("Lee made his opposition to the new car park clear.")
    noun = next(t for t in parse(article) if t.lower_ == "opposition")
    table = learned_cues()["nouns"]["opposition"]["prep:to"]
    assert explain(noun).startswith("opposition + prep:to: ")
    assert f"{table['cues']} of {table['offered']}" in explain(noun)
