"""Sentiment of every sentence, quote and entity mention of an article, with the evidence for each.

VADER (``vader``) scores sentences and quotes; the target model (``target``) judges how a
sentence treats one mention. The records here are what the notebook tables in
``newslab.sentiment`` show.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab.layers.sentiment.target import TargetSentiment, predict
from newslab.layers.sentiment.vader import VaderScore, score_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class QuoteSentiment:
    """A quote's VADER score, with who said it."""

    start: int
    end: int
    speaker: str | None
    kind: str
    vader: VaderScore

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "score": self.vader.score,
            "label": self.vader.label,
            "speaker": self.speaker,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class MentionSentiment:
    """The sentiment toward one mention of an entity, judged in its sentence."""

    entity_id: str
    entity: str
    kind: str
    sentence: int
    result: TargetSentiment


@dataclass(frozen=True)
class EntitySentiment:
    """How the article treats one entity, over all its mentions.

    Attributes:
        id, name, label: the entity's id, canonical name and type (PERSON / ORG / PLACE).
        mentions: how many mentions were judged.
        counts: mentions judged negative, neutral and positive.
        mean_score: the mean of the mentions' scores (P(positive) − P(negative)).
        overall: the most frequent label among the mentions (``"neutral"`` on a tie).
    """

    id: str
    name: str
    label: str
    mentions: int
    counts: dict[str, int]
    mean_score: float
    overall: str

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.label,
            "mentions": self.mentions,
            "negative": self.counts["negative"],
            "neutral": self.counts["neutral"],
            "positive": self.counts["positive"],
            "mean_score": self.mean_score,
            "label": self.overall,
        }


@dataclass(frozen=True)
class SentimentResult:
    """Every sentiment finding of one article: sentences, quotes, mentions and entities."""

    sentences: tuple[VaderScore, ...]
    quotes: tuple[QuoteSentiment, ...]
    mentions: tuple[MentionSentiment, ...]
    entities: tuple[EntitySentiment, ...]

    def to_json(self) -> dict:
        """``{"sentences": [{"start","end","score","label"}], "quotes": [...], "entities": [...]}``."""
        return {
            "sentences": [
                {"start": s.start, "end": s.end, "score": s.score, "label": s.label} for s in self.sentences
            ],
            "quotes": [q.to_json() for q in self.quotes],
            "entities": [e.to_json() for e in self.entities],
        }


# ----------------------------------------------------------------------------------- analysis


def analyse_sentiment(
    article: Article, doc: Doc, cast: Sequence[Any], quotes: Sequence[Any]
) -> SentimentResult:
    """Score every sentence and quote with VADER and every entity mention with the target model.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).
        cast: its entities (``newslab.people.find_cast``); may be empty.
        quotes: its quotes (``newslab.quotes.find_quotes``); may be empty.

    Returns:
        A :class:`SentimentResult`; ``.to_json()`` gives the ``sentiment`` part of ``newslab annotate``.

    Example:
        >>> result = analyse_sentiment(article, parse(article), [], [])
        >>> result.sentences[0].label
        'negative'
    """
    sentences = tuple(score_text(article.text, s.start, s.end) for s in article.sentences)
    quote_scores = tuple(
        QuoteSentiment(q.start, q.end, q.speaker, q.kind, score_text(article.text, q.start, q.end))
        for q in sorted(quotes, key=lambda q: (q.start, q.end))
    )
    mentions: list[MentionSentiment] = []
    for entity in cast:
        for mention in entity.mentions:
            judged = judge_mention(article, doc, mention.start, mention.end)
            if judged is not None:
                number, result = judged
                mentions.append(MentionSentiment(entity.id, entity.name, mention.kind, number, result))
    mentions.sort(key=lambda m: (m.result.start, m.result.end, m.entity_id))
    entities = tuple(_summarise(entity, [m for m in mentions if m.entity_id == entity.id]) for entity in cast)
    return SentimentResult(sentences, quote_scores, tuple(mentions), entities)


# the last article read by _sentence_number, its sentences and their starts (None: not in order);
# one tuple, read once, so two threads never mix two articles' sentences
_sentences: tuple = (None, (), None)


def _sentence_number(article: Article, start: int) -> int:
    """The number of the sentence ``start`` is in (-1: none); sentences in order are bisected."""
    global _sentences
    cached = _sentences
    if cached[0] is not article:
        sentences = article.sentences
        ordered = all(a.end <= b.start for a, b in itertools.pairwise(sentences))
        cached = _sentences = (article, sentences, [s.start for s in sentences] if ordered else None)
    _, sentences, starts = cached
    if starts is None:
        for number, sentence in enumerate(sentences):
            if sentence.start <= start < sentence.end:
                return number
        return -1
    number = bisect.bisect_right(starts, start) - 1
    if number >= 0 and start < sentences[number].end:
        return number
    return -1


def judge_mention(article: Article, doc: Doc, start: int, end: int) -> tuple[int, TargetSentiment] | None:
    """The target sentiment of ``start:end`` in its body sentence (``None`` outside the body)."""
    number = _sentence_number(article, start)
    if number < 0:
        return None
    sentence = article.sentences[number]
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    return number, predict(span, start, end)


def _summarise(entity: Any, mentions: list[MentionSentiment]) -> EntitySentiment:
    counts = Counter(m.result.label for m in mentions)
    full = {label: counts.get(label, 0) for label in LABELS}
    mean = round(sum(m.result.score for m in mentions) / len(mentions), 4) if mentions else 0.0
    ranked = sorted(LABELS, key=lambda lab: (-full[lab], lab != "neutral"))
    overall = ranked[0] if mentions else "neutral"
    return EntitySentiment(entity.id, entity.name, entity.label, len(mentions), full, mean, overall)
