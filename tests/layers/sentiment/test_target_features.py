"""The features of a target mention (newslab/layers/sentiment/features.py), on invented sentences."""

from __future__ import annotations

import pytest

from newslab.layers.sentiment.features import mention_features

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from newslab.nlp import load_model

    return load_model()


def _features(nlp, text: str, target: str, sentence: int = 0) -> dict[str, object]:
    doc = nlp(text)
    start = text.index(target)
    sent = list(doc.sents)[sentence]
    return {f.name: f for f in mention_features(sent, start, start + len(target))}


@pytest.mark.parametrize(
    ("text", "target", "present", "absent"),
    [
        (
            "The plan failed, but Maria Lopez kept her promise.",
            "Maria Lopez",
            ["contrast_before_target"],
            ["contrast_after_target"],
        ),
        (
            "Maria Lopez kept her promise, although the plan failed.",
            "Maria Lopez",
            ["contrast_after_target"],
            ["contrast_before_target"],
        ),
        (
            "Maria Lopez kept her promise and the plan worked.",
            "Maria Lopez",
            [],
            ["contrast_before_target", "contrast_after_target"],
        ),
    ],
)
def test_contrast_words_say_which_side_the_target_stands_on(nlp, text, target, present, absent):
    features = _features(nlp, text, target)
    for name in present:
        assert name in features
        word_start, word_end = features[name].spans[0]
        assert text[word_start:word_end].lower() in {"but", "although"}
    for name in absent:
        assert name not in features


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        ("Maria Lopez visited the harbour on Monday.", "Maria Lopez", "ent=PERSON"),
        ("The ferry company raised its fares, and she visited the harbour.", "she", "ent=none"),
    ],
)
def test_the_kind_of_name_is_a_feature(nlp, text, target, kind):
    features = _features(nlp, text, target)
    assert kind in features
    assert sum(name.startswith("ent=") for name in features) == 1


def test_names_are_counted_in_the_mentions_sentence_only(nlp):
    text = "Maria Lopez met John Smith and Ana Ruiz in Leeds. Maria Lopez went home."
    first = _features(nlp, text, "Maria Lopez", sentence=0)
    doc = nlp(text)
    second_sentence = list(doc.sents)[1]
    start = text.rindex("Maria Lopez")
    second = {f.name for f in mention_features(second_sentence, start, start + len("Maria Lopez"))}
    counted = [name for name in first if name.startswith("entities=")]
    assert counted and int(counted[0].split("=")[1]) >= 3
    assert "entities=1" in second
