"""Sentiment *toward* a target: how a sentence treats one mention (Trump, Russia, "he"), not its mood.

"Graham criticised Trump" is negative toward Trump but says nothing bad about Graham. A sentence's
overall score cannot tell the two apart, so this module scores a mention with a small, readable
model: a logistic regression over features of the words around the mention and of its place in
the sentence's grammar (is it the subject or the object of a verb? which lexicon words sit in its
clause? what kind of name is it, and does it stand before or after a "but"?). The weights were learned from the MIT-licensed NewsMTSC sentences (US political news,
each with a target and the sentiment expressed toward it) by ``scripts/train_target_sentiment.py``
and are shipped in ``newslab/layers/sentiment/target_weights.json``, where every weight can be read.
Its settings (penalty, rare-feature cut-off, class weighting, thresholds) were chosen by 5-fold
cross-validation on the training sentences alone; the file's ``meta`` records them.

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
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab import errors
from newslab.jsontext import parse_json
from newslab.layers.sentiment.features import Feature, doc_text, mention_features

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent / "target_weights.json"


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
    sentence_start: int = 0
    sentence_end: int = 0
    # what the evidence is worked out from, when first asked for (a batch run never asks)
    _text: str = field(default="", repr=False, compare=False)
    _contributions: tuple = field(default=(), repr=False, compare=False)
    _label_index: int = field(default=0, repr=False, compare=False)

    @cached_property
    def _pushes(self) -> tuple[tuple[WordPush, ...], tuple[tuple[str, float], ...]]:
        return _evidence(self._text, self._contributions, self._label_index)

    @property
    def words(self) -> tuple[WordPush, ...]:
        return self._pushes[0]

    @property
    def other(self) -> tuple[tuple[str, float], ...]:
        return self._pushes[1]

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
        known = self.weights.get
        for feature in features:
            weights = known(feature.name)
            if weights is not None:
                value = feature.value
                out.append((feature, tuple([value * w for w in weights])))
        return out

    def probabilities(self, features: Iterable[Feature]) -> dict[str, float]:
        """The probability of each label for a mention with these features."""
        return self._probabilities(self.contributions(features))

    def _probabilities(self, contributions: list[tuple[Feature, tuple[float, ...]]]) -> dict[str, float]:
        totals = [0.0] * len(self.labels)
        for _, contribution in contributions:
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
    try:  # parse_json also turns nesting deep enough to exhaust the stack into one sentence
        data = parse_json(path.read_text(encoding="utf-8"), where=f"`{path.name}`", fix="train one again")
    except (UnicodeDecodeError, errors.InvalidInput):
        data = None
    if not isinstance(data, dict) or data.get("schema") != "newslab.target_sentiment/1":
        raise errors.InvalidInput(f"`{path.name}` is not a newslab target-sentiment model: train one again.")
    problem = _model_problem(data)
    if problem:
        raise errors.InvalidInput(
            f"`{path.name}` is a damaged target-sentiment model ({problem}): train one again."
        )
    weights = {name: tuple(float(w) for w in ws) for name, ws in data["weights"].items()}
    return TargetModel(LABELS, weights, dict(data.get("meta", {})))


def _model_problem(data: dict) -> str:
    """What is wrong with a model file's contents, in a few words ("" when nothing is)."""
    if data.get("labels") != list(LABELS):
        return f"its labels are not {', '.join(LABELS)}"
    weights = data.get("weights")
    if not isinstance(weights, dict) or "bias" not in weights:
        return "it has no bias weight"
    for name, ws in weights.items():
        if not (
            isinstance(ws, list)
            and len(ws) == len(LABELS)
            and all(isinstance(w, (int, float)) and not isinstance(w, bool) and math.isfinite(w) for w in ws)
        ):
            return f"the weights of `{name}` are not {len(LABELS)} finite numbers"
    if not isinstance(data.get("meta", {}), dict):
        return "its meta is not a mapping"
    return ""


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
    contributions = model.contributions(features)
    probabilities = model._probabilities(contributions)
    label = max(model.labels, key=lambda lab: probabilities[lab])
    text = doc_text(sentence.doc)
    return TargetSentiment(
        start=start,
        end=end,
        target=text[start:end],
        label=label,
        score=round(probabilities.get("positive", 0.0) - probabilities.get("negative", 0.0), 4),
        probabilities={lab: round(p, 4) for lab, p in probabilities.items()},
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        _text=text,
        _contributions=tuple(contributions),
        _label_index=model.labels.index(label),
    )


def _evidence(
    text: str, contributions: Iterable[tuple[Feature, tuple[float, ...]]], k: int
) -> tuple[tuple[WordPush, ...], tuple[tuple[str, float], ...]]:
    """The words that pushed label ``k`` (strongest first) and the push of features tied to no word."""
    pushes: dict[tuple[int, int], list] = {}
    other: dict[str, float] = {}
    for feature, contribution in contributions:
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
    ranked_other = sorted(((n, round(v, 4)) for n, v in other.items()), key=lambda item: -abs(item[1]))
    return tuple(words), tuple(ranked_other)


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
