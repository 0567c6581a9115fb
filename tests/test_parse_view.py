"""The machine's view of a sentence: tokens, tree and entities, the same on every run."""

from __future__ import annotations

import re

import pytest

from newslab import Article, NewslabError
from newslab.parse_view import (
    ENTITY_COLUMNS,
    TOKEN_COLUMNS,
    dependency_svg,
    deterministic_ids,
    sentence_entities,
    sentence_tokens,
    speech_verb_subjects,
)

pytestmark = pytest.mark.model


def test_deterministic_ids_replace_every_random_id():
    svg = (
        '<svg id="0123456789abcdef0123456789abcdef-0"><path id="arrow-0123456789abcdef0123456789abcdef-0-1"/>'
        '</svg><svg id="fedcba9876543210fedcba9876543210-0"></svg>'
    )
    fixed = deterministic_ids(svg, "dep")
    assert fixed == '<svg id="dep-0"><path id="arrow-dep-0-1"/></svg><svg id="dep-2-0"></svg>'


def test_dependency_svg_is_the_same_every_time(seed):
    first, second = dependency_svg(seed, 7), dependency_svg(seed, 7)
    assert first == second
    assert first.startswith("<svg") and 'id="newslab-trump-russia-cyber-s7-0"' in first
    assert not re.search(r"[0-9a-f]{32}", first)


def test_dependency_svg_escapes_the_words():
    article = Article.from_text("<b>Mia</b> said it & left.")
    svg = dependency_svg(article, 0)
    assert "<b>" not in svg and "&lt;" in svg and "&amp;" in svg


def test_token_table_of_he_added(seed):
    tokens = sentence_tokens(seed, 7)
    assert list(tokens.columns) == TOKEN_COLUMNS
    he = tokens[tokens["text"] == "he"].iloc[0]
    assert (he["pos"], he["dep"], he["head"]) == ("PRON", "nsubj", "added")
    added = tokens[tokens["text"] == "added"].iloc[0]
    assert (added["lemma"], added["dep"], added["head_token"]) == ("add", "ROOT", added["token"])
    assert tokens["token"].tolist() == list(range(len(tokens)))


def test_entities_of_a_sentence(seed):
    entities = sentence_entities(seed, 16)
    assert list(entities.columns) == ENTITY_COLUMNS
    assert list(zip(entities["text"], entities["label"], strict=True)) == [
        ("Moscow", "GPE"),
        ("Trump", "PERSON"),
        ("Russia", "GPE"),
    ]
    for row in entities.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_subject_of_a_speech_verb_becomes_the_speaker(seed):
    pronoun = speech_verb_subjects(seed, 7)
    assert pronoun[["cue", "subject", "speaker"]].values.tolist() == [["added", "he", "John McCain"]]
    two = speech_verb_subjects(seed, 16)
    assert two[["cue", "subject", "speaker"]].values.tolist() == [
        ["denied", "Moscow", "Moscow"],
        ["says", "Trump", "Donald Trump"],
    ]


@pytest.mark.parametrize("number", [-1, 19, "7", True])
def test_a_sentence_number_out_of_range_is_one_sentence(seed, number):
    with pytest.raises(NewslabError, match="There is no sentence"):
        sentence_tokens(seed, number)
