"""Unit tests of the indexes the layers build once per article (same answers as reading every item).

Each index is checked against the plain loop it replaces, on small random inputs (seeded) and on
hand-made cases; the last tests parse a short text with the model (marked ``model``).
"""

from __future__ import annotations

import random

import pytest

from newslab.layers.cast.records import Entity, EntityIndex, Mention, entity_at
from newslab.layers.quotemarks import Regions
from newslab.layers.quotes.indexes import Runs, Stretches

# ---------------------------------------------------------------- Runs: words up to the nearest stop


def _items(rng: random.Random, count: int) -> tuple[list[str], list[int], list[bool]]:
    starts, position = [], 0
    for _ in range(count):
        position += rng.randint(1, 4)
        starts.append(position)
    stops = [rng.random() < 0.25 for _ in range(count)]
    return [f"w{k}" for k in range(count)], starts, stops


def _before_by_loop(items, starts, stops, floor, offset):
    out = []
    for item, start, stop in reversed(list(zip(items, starts, stops, strict=True))):
        if not floor <= start < offset:
            continue
        if stop:
            break
        out.append(item)
    return out[::-1]


def _after_by_loop(items, starts, stops, offset, ceiling):
    out = []
    for item, start, stop in zip(items, starts, stops, strict=True):
        if not offset <= start < ceiling:
            continue
        if stop:
            break
        out.append(item)
    return out


def test_runs_give_what_walking_the_words_gives():
    rng = random.Random(17)
    for _ in range(200):
        items, starts, stops = _items(rng, rng.randint(0, 30))
        runs = Runs(items, starts, stops)
        top = (starts[-1] if starts else 0) + 5
        a, b = sorted(rng.randint(0, top) for _ in range(2))
        assert runs.before(a, b) == _before_by_loop(items, starts, stops, a, b)
        assert runs.after(a, b) == _after_by_loop(items, starts, stops, a, b)
        assert runs.between(a, b) == [i for i, s in zip(items, starts, strict=True) if a <= s < b]


def test_runs_stop_short_of_the_stop_on_both_sides():
    runs = Runs(["a", "b", ".", "c", "d"], [0, 2, 3, 5, 7], [False, False, True, False, False])
    assert runs.before(0, 7) == ["c"]
    assert runs.after(0, 9) == ["a", "b"]
    assert runs.after(4, 9) == ["c", "d"]
    assert runs.before(0, 3) == ["a", "b"]
    assert runs.before(5, 5) == []


# ---------------------------------------------------------------- Stretches: how much is covered


def test_stretches_count_what_summing_every_stretch_counts():
    rng = random.Random(3)
    for _ in range(300):
        pairs = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            pairs.append((start, start + rng.randint(0, 15)))
        stretches = Stretches(pairs)
        start, end = sorted(rng.randint(0, 80) for _ in range(2))
        excluding = rng.choice(pairs) if pairs and rng.random() < 0.5 else None
        expected = sum(max(0, min(end, e) - max(start, s)) for s, e in pairs if (s, e) != excluding)
        assert stretches.covered(start, end, excluding=excluding) == expected


def test_stretches_leave_out_the_quotation_a_report_is_in():
    stretches = Stretches([(0, 10), (20, 30)])
    assert stretches.covered(5, 25, excluding=None) == 10
    assert stretches.covered(5, 25, excluding=(0, 10)) == 5


# ---------------------------------------------------------------- Regions: the quotation around an offset


def test_regions_find_the_quotation_around_an_offset():
    regions = Regions([(0, 5), (9, 12)])
    assert [regions.around(k) for k in (0, 4, 5, 9, 11, 12, -1)] == [
        (0, 5),
        (0, 5),
        None,
        (9, 12),
        (9, 12),
        None,
        None,
    ]
    assert regions == [(0, 5), (9, 12)]  # still the list every layer reads


def test_regions_out_of_order_answer_as_the_first_match():
    regions = Regions([(5, 20), (0, 10)])
    assert not regions.ordered
    assert regions.around(7) == (5, 20)
    assert regions.around(2) == (0, 10)


def test_regions_agree_with_a_loop_on_random_quotations():
    rng = random.Random(5)
    for _ in range(100):
        pairs, position = [], 0
        for _ in range(rng.randint(0, 10)):
            position += rng.randint(0, 6)
            end = position + rng.randint(1, 8)
            pairs.append((position, end))
            position = end
        regions = Regions(pairs)
        for offset in range(-1, position + 3):
            expected = next(((s, e) for s, e in pairs if s <= offset < e), None)
            assert regions.around(offset) == expected


# ---------------------------------------------------------------- EntityIndex: the entity at a span


def _entity(name: str, label: str, spans: list[tuple[int, int]]) -> Entity:
    mentions = tuple(Mention(s, e, "x" * (e - s), "name", "") for s, e in spans)
    return Entity(name.lower(), name, label, None, mentions)


def test_entity_index_chooses_as_entity_at_does():
    rng = random.Random(11)
    for _ in range(100):
        cast = []
        for k in range(rng.randint(0, 5)):
            spans = []
            for _ in range(rng.randint(1, 4)):
                start = rng.randint(0, 50)
                spans.append((start, start + rng.randint(1, 12)))
            cast.append(_entity(f"E{k}", rng.choice(["PERSON", "ORG"]), spans))
        index = EntityIndex(cast)
        for _ in range(20):
            start = rng.randint(0, 60)
            end = start + rng.randint(0, 10)
            assert index.at(start, end) == entity_at(cast, start, end)


def test_entity_index_gives_ties_to_the_entity_listed_first():
    cast = [_entity("First", "ORG", [(0, 5)]), _entity("Second", "ORG", [(0, 5)])]
    assert EntityIndex(cast).at(1, 3).name == "First"
    assert EntityIndex(cast).at(3, 3).name == "First"
    assert EntityIndex(cast).at(5, 9) is None


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_pronoun_window_ranks_as_reading_every_mention():
    from newslab.article import Article
    from newslab.layers.cast.coref import (
        _pronoun_candidates,
        _sentence_numbers,
        _subject_like,
        _Window,
    )
    from newslab.layers.quotemarks import quotation_regions
    from newslab.nlp import parse

    sentences = [
        "Ann Lee met Tom Ruiz in Leeds.",
        "“We will build it,” she said.",
        "He agreed with Maria Costa, who said “Lee told me she would wait.”",
        "The mayor said he was ready.",
    ] * 4
    article = Article.from_text(" ".join(sentences), id="window")
    doc = parse(article)
    quotes = quotation_regions(article)
    sentence_of, starts = _sentence_numbers(doc)
    mentions = sorted((ent.start, ent.end, k, _subject_like(ent.root)) for k, ent in enumerate(doc.ents))
    window = _Window(mentions, starts)
    pronouns = [t for t in doc if t.lower_ in ("he", "she", "we", "me")]
    assert len(pronouns) > 10
    for token in pronouns:
        quote = quotes.around(token.idx)
        plain = _pronoun_candidates(doc, mentions, token, quote, quotes, sentence_of)
        windowed = _pronoun_candidates(doc, mentions, token, quote, quotes, sentence_of, window)
        assert windowed == plain


@pytest.mark.model
def test_sentence_number_is_the_sentence_holding_the_offset():
    from newslab.article import Article
    from newslab.layers.sentiment.analyse import _sentence_number

    article = Article.from_text("Lee spoke. Ruiz agreed.\n\nThe council met.", id="numbers")
    for offset in range(len(article.text)):
        expected = next((n for n, s in enumerate(article.sentences) if s.start <= offset < s.end), -1)
        assert _sentence_number(article, offset) == expected


def _frame_by_loop(finder, span, stop_at_quotes):
    """The words around a quotation in its sentence, walking the paragraph (as the rules once did)."""
    from newslab.layers.quotes.tokens import _SENTENCE_END

    p_start, p_end = finder.paragraphs[span.paragraph]
    sides = []
    for words in (
        reversed(finder.tokens_between(p_start, span.start)),
        finder.tokens_between(span.end, p_end),
    ):
        kept = []
        for token in words:
            if finder.quote_around(token.idx):
                if stop_at_quotes:
                    break
                continue
            if token.text in _SENTENCE_END and token.is_punct:
                break
            kept.append(token)
        sides.append(kept)
    return [t.i for t in reversed(sides[0])], [t.i for t in sides[1]]


@pytest.mark.model
def test_quote_frames_are_the_words_a_walk_of_the_paragraph_finds():
    from newslab.article import Article
    from newslab.layers.quotes.attribution import _Finder
    from newslab.nlp import parse

    text = (
        "“We will build it,” Ann Lee said, and she called the plan “a good start” before "
        "“It is late.” The mayor agreed. “No,” he said, “not this year” and “a” “b” “c”.\n\n"
        "Tom Ruiz told the Courier “we are ready” on Monday; the “deal” stands."
    )
    article = Article.from_text(text, id="frames")
    doc = parse(article)
    finder = _Finder(article, doc)
    assert finder.tokens_between(0, len(text)) == [t for t in doc if not t.is_space]
    assert len(finder.spans) >= 8
    for span in finder.spans:
        for stop in (True, False):
            left, right = finder.frame(span, stop_at_quotes=stop)
            assert ([t.i for t in left], [t.i for t in right]) == _frame_by_loop(finder, span, stop)
