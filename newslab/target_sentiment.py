"""Sentiment *toward* a target: how a sentence treats one mention (Trump, Russia, "he"), not its mood.

"Graham criticised Trump" is negative toward Trump but says nothing bad about Graham. A sentence's
overall score cannot tell the two apart, so this module scores a mention with a small, readable
model: a logistic regression over features of the words around the mention and of its place in
the sentence's grammar (is it the subject or the object of a verb? which lexicon words sit in its
clause?). The weights were learned from the MIT-licensed NewsMTSC sentences (US political news,
each with a target and the sentiment expressed toward it) by ``scripts/train_target_sentiment.py``
and are shipped in ``newslab/models/target_sentiment.json``, where every weight can be read.

Each feature is tied to the words that produced it, so the result lists the words that pushed
the verdict and by how much (their weight for the chosen label minus the average of the labels).

Example:
    >>> result = score_target("Senators criticised Trump harshly.", 20, 25)
    >>> result.label
    'negative'
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab import errors
from newslab.vader_evidence import analyzer, plain_quotes, score_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent / "models" / "target_sentiment.json"

_SAY_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "note",
        "argue",
        "claim",
        "explain",
        "write",
        "tweet",
        "insist",
        "announce",
        "warn",
        "declare",
        "ask",
        "reply",
        "respond",
        "suggest",
        "report",
        "acknowledge",
        "admit",
    ]
)
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj", "agent", "expl"))
_OBJECT_DEPS = frozenset(("dobj", "pobj", "iobj", "dative", "attr", "oprd"))
_NEGATIONS = frozenset(
    ("not", "n't", "no", "never", "without", "nothing", "nobody", "neither", "nor", "cannot")
)
_QUOTE_CHARS = '"“”'


@dataclass(frozen=True)
class Feature:
    """One feature of a mention: its name, value and the words (character spans) it comes from."""

    name: str
    value: float
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class WordPush:
    """A word and how much it pushed the verdict toward the chosen label (negative: away from it)."""

    start: int
    end: int
    text: str
    weight: float
    features: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "weight": self.weight,
            "features": list(self.features),
        }


@dataclass(frozen=True)
class TargetSentiment:
    """The sentiment a sentence expresses toward one mention.

    Attributes:
        start, end: the mention (character offsets into the text given).
        target: the mention's text.
        label: ``"negative"``, ``"neutral"`` or ``"positive"``.
        score: P(positive) - P(negative), between -1 and +1.
        probabilities: the model's probability for each label.
        words: the words that pushed the verdict most, strongest first.
        other: the push of features not tied to a word (the bias, the sentence's VADER score…).
        sentence_start, sentence_end: the sentence the mention was judged in.
    """

    start: int
    end: int
    target: str
    label: str
    score: float
    probabilities: dict[str, float]
    words: tuple[WordPush, ...] = ()
    other: tuple[tuple[str, float], ...] = ()
    sentence_start: int = 0
    sentence_end: int = 0

    def explain(self, *, top: int = 5) -> str:
        """The strongest evidence in one line, e.g. ``"criticised +1.20; harshly +0.31"``."""
        parts = [f"{w.text} {w.weight:+.2f}" for w in self.words[:top]]
        return "; ".join(parts) if parts else "no word stood out"

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "target": self.target,
            "label": self.label,
            "score": self.score,
            "probabilities": self.probabilities,
            "evidence": {
                "words": [w.to_json() for w in self.words],
                "other": [{"feature": name, "weight": weight} for name, weight in self.other],
            },
        }


# ----------------------------------------------------------------------------------- features


def _lemma(token: Token) -> str:
    lemma = plain_quotes(token.lemma_ or token.text).lower()
    return "-PRON-" if token.pos_ == "PRON" else lemma


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space or token.like_num)


def _span(token: Token) -> tuple[int, int]:
    return (token.idx, token.idx + len(token.text))


def _valence(token: Token) -> float:
    lexicon = analyzer().lexicon
    text = plain_quotes(token.text).lower()
    return lexicon.get(text, lexicon.get(plain_quotes(token.lemma_).lower(), 0.0))


def _tree_distance(a: Token, b: Token) -> int:
    """The number of dependency arcs between two tokens of one sentence."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 10


def _clause_head(token: Token) -> Token:
    """The verb (or root) that governs a token's clause."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") or ancestor.dep_ == "ROOT":
            return ancestor
    return token


def mention_features(sentence: Span, start: int, end: int) -> list[Feature]:
    """The features of the mention ``start:end`` (character offsets in the sentence's Doc).

    Args:
        sentence: the spaCy span of the sentence (or short text) the mention is judged in.
        start, end: the mention's character offsets in ``sentence.doc``.

    Returns:
        Features with their values and the character spans of the words behind them.
    """
    tokens = [t for t in sentence if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        raise errors.InvalidInput(
            f"The target {start}–{end} is not inside the sentence {sentence.start_char}–{sentence.end_char}: "
            "give offsets of a word in the text."
        )
    target_ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in target_ids or t.head.i == t.i), tokens[-1])
    features: list[Feature] = [Feature("bias", 1.0)]
    add = features.append

    # where the mention stands in the grammar
    role = "subj" if head.dep_ in _SUBJECT_DEPS else "obj" if head.dep_ in _OBJECT_DEPS else "other"
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        role = "subj"
    add(Feature(f"role={role}", 1.0))
    add(Feature(f"dep={head.dep_}", 1.0))
    governor = head.head if head.head.i != head.i else head
    clause = _clause_head(head) if head.dep_ != "ROOT" else head
    if governor.i not in target_ids:
        add(Feature(f"head={_lemma(governor)}", 1.0, (_span(governor),)))
        add(Feature(f"head+{role}={_lemma(governor)}", 1.0, (_span(governor),)))
    if clause.i not in target_ids and clause.i != governor.i:
        add(Feature(f"verb+{role}={_lemma(clause)}", 1.0, (_span(clause),)))
    if clause.lemma_ in _SAY_VERBS and role == "subj":
        add(Feature("speaker_of_say_verb", 1.0, (_span(clause),)))
    if head.pos_ == "PRON":
        add(Feature("target_is_pronoun", 1.0))
    text = sentence.doc.text
    before = text[sentence.start_char : start]
    if sum(before.count(q) for q in _QUOTE_CHARS) % 2 == 1:
        add(Feature("target_inside_quote", 1.0))
    elif any(q in sentence.text for q in _QUOTE_CHARS):
        add(Feature("sentence_has_quote", 1.0))

    # the words nearby and in the mention's own phrase
    for token in sentence:
        if token.i in target_ids or not _is_word(token):
            continue
        lemma = _lemma(token)
        add(Feature(f"w={lemma}", 1.0, (_span(token),)))
        gap = min(abs(token.i - t.i) for t in tokens)
        if gap <= 3:
            side = "L" if token.i < tokens[0].i else "R"
            add(Feature(f"near{side}={lemma}", 1.0, (_span(token),)))
    for token in head.subtree:
        if token.i not in target_ids and _is_word(token):
            add(Feature(f"np={_lemma(token)}", 1.0, (_span(token),)))

    # lexicon words, weighted by how close they are to the mention in the grammar
    pos = neg = 0.0
    pos_spans: list[tuple[int, int]] = []
    neg_spans: list[tuple[int, int]] = []
    negated = False
    for token in sentence:
        if token.i in target_ids:
            continue
        if token.lower_ in _NEGATIONS and _tree_distance(token, clause) <= 1:
            negated = True
        valence = _valence(token)
        if not valence:
            continue
        weight = valence / 4.0 * math.exp(-(_tree_distance(token, head) - 1) / 2.0)
        if weight > 0:
            pos += weight
            pos_spans.append(_span(token))
        else:
            neg += weight
            neg_spans.append(_span(token))
        add(Feature(f"lex+{role}", valence / 4.0, (_span(token),)))
    add(Feature("lex_pos_near", pos, tuple(pos_spans)))
    add(Feature("lex_neg_near", neg, tuple(neg_spans)))
    if negated:
        add(Feature("clause_negated", 1.0))

    # VADER on the whole sentence and on the mention's clause
    vader = score_text(text, sentence.start_char, sentence.end_char)
    add(Feature("vader_sentence", vader.score, tuple((w.start, w.end) for w in vader.words)))
    subtree = list(clause.subtree)
    clause_vader = score_text(text, subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))
    add(Feature("vader_clause", clause_vader.score, tuple((w.start, w.end) for w in clause_vader.words)))
    return features


# ----------------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class TargetModel:
    """A multinomial logistic regression stored as named weights (one per label) and a bias."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any]

    def contributions(self, features: Iterable[Feature]) -> list[tuple[Feature, tuple[float, ...]]]:
        """Each known feature with ``value × weight`` for every label."""
        out = []
        for feature in features:
            weights = self.weights.get(feature.name)
            if weights is not None:
                out.append((feature, tuple(feature.value * w for w in weights)))
        return out

    def probabilities(self, features: Iterable[Feature]) -> dict[str, float]:
        """The probability of each label for a mention with these features."""
        totals = [0.0] * len(self.labels)
        for _, contribution in self.contributions(features):
            for k, value in enumerate(contribution):
                totals[k] += value
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return {label: e / norm for label, e in zip(self.labels, exps, strict=True)}

    def to_json(self) -> dict:
        return {
            "schema": "newslab.target_sentiment/1",
            "labels": list(self.labels),
            "meta": self.meta,
            "weights": {name: [round(w, 5) for w in ws] for name, ws in sorted(self.weights.items())},
        }

    def dumps(self) -> str:
        """The model as JSON text with one line per feature, easy to read and to diff."""
        data = self.to_json()
        weights = data.pop("weights")
        head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
        lines = [f" {json.dumps(name, ensure_ascii=False)}: {json.dumps(ws)}" for name, ws in weights.items()]
        return head + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


def load_model(path: str | Path | None = None) -> TargetModel:
    """The target-sentiment model from its JSON weights file (the shipped one by default).

    Raises:
        SourceNotFound: the weights file is missing (run ``scripts/train_target_sentiment.py``).
        InvalidInput: the file is not a newslab target-sentiment model.
    """
    if path is None:
        return _shipped_model()
    return _read_model(Path(path))


@lru_cache(maxsize=1)
def _shipped_model() -> TargetModel:
    return _read_model(MODEL_PATH)


def _read_model(path: Path) -> TargetModel:
    if not path.exists():
        raise errors.SourceNotFound(
            f"The target-sentiment weights `{path.name}` are missing: "
            "run `python scripts/train_target_sentiment.py PATH/TO/sentiment-train.jsonl` to make them."
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != "newslab.target_sentiment/1":
        raise errors.InvalidInput(f"`{path.name}` is not a newslab target-sentiment model: train one again.")
    labels = tuple(data["labels"])
    weights = {name: tuple(float(w) for w in ws) for name, ws in data["weights"].items()}
    return TargetModel(labels, weights, dict(data.get("meta", {})))


def predict(sentence: Span, start: int, end: int, *, model: TargetModel | None = None) -> TargetSentiment:
    """The sentiment toward the mention ``start:end`` of a parsed sentence, with its evidence.

    Args:
        sentence: the spaCy span of the sentence holding the mention.
        start, end: the mention's character offsets in ``sentence.doc.text``.
        model: a model from :func:`load_model` (default: the shipped one).

    Returns:
        A :class:`TargetSentiment`; offsets refer to ``sentence.doc.text``.
    """
    model = model or load_model()
    features = mention_features(sentence, start, end)
    probabilities = model.probabilities(features)
    label = max(model.labels, key=lambda lab: probabilities[lab])
    k = model.labels.index(label)
    text = sentence.doc.text
    pushes: dict[tuple[int, int], list] = {}
    other: dict[str, float] = {}
    for feature, contribution in model.contributions(features):
        push = contribution[k] - sum(contribution) / len(contribution)
        if not feature.spans:
            other[feature.name] = other.get(feature.name, 0.0) + push
            continue
        share = push / len(feature.spans)
        for span in feature.spans:
            entry = pushes.setdefault(span, [0.0, []])
            entry[0] += share
            entry[1].append(feature.name)
    words = [
        WordPush(s, e, text[s:e], round(weight, 4), tuple(dict.fromkeys(names)))
        for (s, e), (weight, names) in pushes.items()
        if abs(weight) >= 0.005
    ]
    words.sort(key=lambda w: (-abs(w.weight), w.start))
    return TargetSentiment(
        start=start,
        end=end,
        target=text[start:end],
        label=label,
        score=round(probabilities.get("positive", 0.0) - probabilities.get("negative", 0.0), 4),
        probabilities={lab: round(p, 4) for lab, p in probabilities.items()},
        words=tuple(words),
        other=tuple(sorted(((n, round(v, 4)) for n, v in other.items()), key=lambda item: -abs(item[1]))),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
    )


def sentence_of(doc: Doc, start: int, end: int) -> Span:
    """The sentence of ``doc`` that holds the span ``start:end`` (the first one it touches)."""
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return sent
    return doc[:]


def score_target(
    text: str, target_start: int, target_end: int, *, model: TargetModel | None = None
) -> TargetSentiment:
    """The sentiment that ``text`` expresses toward the words at ``target_start:target_end``.

    The whole text is judged (use one sentence, or a short passage) and parsed with the kit's
    spaCy model.

    Args:
        text: a sentence such as ``"Senators criticised Trump."``.
        target_start, target_end: character offsets of the target in ``text``.
        model: a model from :func:`load_model` (default: the shipped one).

    Returns:
        A :class:`TargetSentiment` with label, score and the words that decided it.

    Raises:
        InvalidInput: the offsets do not pick out a stretch of the text.

    Example:
        >>> score_target("Senators criticised Trump.", 20, 25).label
        'negative'
    """
    if not isinstance(text, str) or not text.strip():
        raise errors.InvalidInput("The text to score is empty: give a sentence that mentions the target.")
    if not (
        isinstance(target_start, int)
        and isinstance(target_end, int)
        and 0 <= target_start < target_end <= len(text)
        and text[target_start:target_end].strip()
    ):
        raise errors.InvalidInput(
            f"The target offsets {target_start}–{target_end} do not pick out words of the "
            f"{len(text)}-character text: give 0 ≤ start < end ≤ {len(text)} around the target."
        )
    from newslab.nlp import load_model as load_spacy

    doc = load_spacy()(text)
    return predict(doc[:], target_start, target_end, model=model)
