"""Sentiment *toward* a target: how a sentence treats one mention (Trump, Russia, "he"), not its mood.

"Graham criticised Trump" is negative toward Trump but says nothing bad about Graham. A sentence's
overall score cannot tell the two apart, so this module scores a mention with a small, readable
model: a logistic regression over features of the words around the mention and of its place in
the sentence's grammar (is it the subject or the object of a verb? which lexicon words sit in its
clause?). The weights were learned from the MIT-licensed NewsMTSC sentences (US political news,
each with a target and the sentiment expressed toward it) by ``scripts/train_target_sentiment.py``
and are shipped in ``newslab/layers/sentiment/target_weights.json``, where every weight can be read.

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
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab import errors
from newslab.layers.sentiment.vader import analyzer, plain_quotes, score_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent / "target_weights.json"

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


class Feature(NamedTuple):
    """One feature of a mention: its name, value and the words (character spans) it comes from."""

    # A named tuple, not a dataclass: an article's mentions make tens of thousands of these.
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


class _DocView:
    """What the features need from one parsed Doc, worked out once and reused for every mention.

    An article has many mentions, several to a sentence; their features read the same tokens,
    lemmas, lexicon valences, dependency paths and VADER scores. Computing those once per token
    (and ``Doc.text``, which spaCy rebuilds on every call, once per Doc) gives the same features
    many times faster.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self._tokens: dict[int, Token] = {}
        self._lemmas: dict[int, str] = {}
        self._words: dict[int, bool] = {}
        self._valences: dict[int, float] = {}
        self._spans: dict[int, tuple[int, int]] = {}
        self._sentence_words: dict[tuple[int, ...], tuple[list[int], list[int], list[int]]] = {}
        self._ancestors: dict[int, tuple[tuple[int, ...], dict[int, int]]] = {}
        self._subtrees: dict[int, tuple[int, ...]] = {}
        self._sentences: dict[tuple[int, int], tuple[tuple[int, ...], bool]] = {}

    def token(self, i: int) -> Token:
        token = self._tokens.get(i)
        if token is None:
            token = self._tokens[i] = self.doc[i]
        return token

    def lemma(self, i: int) -> str:
        lemma = self._lemmas.get(i)
        if lemma is None:
            lemma = self._lemmas[i] = _lemma(self.token(i))
        return lemma

    def is_word(self, i: int) -> bool:
        word = self._words.get(i)
        if word is None:
            word = self._words[i] = _is_word(self.token(i))
        return word

    def valence(self, i: int) -> float:
        valence = self._valences.get(i)
        if valence is None:
            valence = self._valences[i] = _valence(self.token(i))
        return valence

    def span(self, i: int) -> tuple[int, int]:
        span = self._spans.get(i)
        if span is None:
            span = self._spans[i] = _span(self.token(i))
        return span

    def _path_up(self, i: int) -> tuple[tuple[int, ...], dict[int, int]]:
        path = self._ancestors.get(i)
        if path is None:
            token = self.token(i)
            chain = (i, *(t.i for t in token.ancestors))
            path = self._ancestors[i] = (chain, {j: n for n, j in enumerate(chain)})
        return path

    def tree_distance(self, a: int, b: int) -> int:
        """:func:`_tree_distance` of tokens ``a`` and ``b``, from cached paths to the root."""
        up_a = self._path_up(a)[1]
        for n, j in enumerate(self._path_up(b)[0]):
            if j in up_a:
                return n + up_a[j]
        return 10

    def subtree(self, i: int) -> tuple[int, ...]:
        """The token indices of ``token.subtree``, in spaCy's order."""
        subtree = self._subtrees.get(i)
        if subtree is None:
            subtree = self._subtrees[i] = tuple(t.i for t in self.token(i).subtree)
        return subtree

    def sentence(self, sentence: Span) -> tuple[tuple[int, ...], bool]:
        """The sentence's token indices and whether it holds a quotation mark."""
        key = (sentence.start, sentence.end)
        found = self._sentences.get(key)
        if found is None:
            ids = tuple(range(sentence.start, sentence.end))
            tokens = self._tokens
            for i in ids:
                if i not in tokens:
                    tokens[i] = sentence.doc[i]
            words = self.text[sentence.start_char : sentence.end_char]
            found = self._sentences[key] = (ids, any(q in words for q in _QUOTE_CHARS))
        return found

    def sentence_words(self, ids: tuple[int, ...]) -> tuple[list[int], list[int], list[int]]:
        """Of a sentence's tokens: the words, the negations and those with a lexicon valence."""
        found = self._sentence_words.get(ids)
        if found is None:
            words = [i for i in ids if self.is_word(i)]
            negations = [i for i in ids if self.token(i).lower_ in _NEGATIONS]
            valenced = [i for i in ids if self.valence(i)]
            found = self._sentence_words[ids] = (words, negations, valenced)
        return found


_view: _DocView | None = None


def _doc_view(doc: Doc) -> _DocView:
    """The view of ``doc``; only the latest Doc's view is kept, so memory stays flat in a batch."""
    global _view
    if _view is None or _view.doc is not doc:
        _view = _DocView(doc)
    return _view


def mention_features(sentence: Span, start: int, end: int) -> list[Feature]:
    """The features of the mention ``start:end`` (character offsets in the sentence's Doc).

    Args:
        sentence: the spaCy span of the sentence (or short text) the mention is judged in.
        start, end: the mention's character offsets in ``sentence.doc``.

    Returns:
        Features with their values and the character spans of the words behind them.
    """
    view = _doc_view(sentence.doc)
    ids, has_quote = view.sentence(sentence)
    token_at = view.token
    target = [i for i in ids if (t := token_at(i)).idx < end and t.idx + len(t.text) > start]
    if not target:
        raise errors.InvalidInput(
            f"The target {start}–{end} is not inside the sentence {sentence.start_char}–{sentence.end_char}: "
            "give offsets of a word in the text."
        )
    tokens = [token_at(i) for i in target]
    target_ids = set(target)
    first, last = target[0], target[-1]  # the target's tokens are consecutive
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
        governor_lemma, governor_span = view.lemma(governor.i), view.span(governor.i)
        add(Feature(f"head={governor_lemma}", 1.0, (governor_span,)))
        add(Feature(f"head+{role}={governor_lemma}", 1.0, (governor_span,)))
    if clause.i not in target_ids and clause.i != governor.i:
        add(Feature(f"verb+{role}={view.lemma(clause.i)}", 1.0, (view.span(clause.i),)))
    if clause.lemma_ in _SAY_VERBS and role == "subj":
        add(Feature("speaker_of_say_verb", 1.0, (view.span(clause.i),)))
    if head.pos_ == "PRON":
        add(Feature("target_is_pronoun", 1.0))
    text = view.text
    before = text[sentence.start_char : start]
    if sum(before.count(q) for q in _QUOTE_CHARS) % 2 == 1:
        add(Feature("target_inside_quote", 1.0))
    elif has_quote:
        add(Feature("sentence_has_quote", 1.0))

    # the words nearby and in the mention's own phrase
    words, negations, valenced = view.sentence_words(ids)
    for i in words:
        if i in target_ids:
            continue
        lemma, span = view.lemma(i), view.span(i)
        add(Feature(f"w={lemma}", 1.0, (span,)))
        gap = first - i if i < first else i - last
        if gap <= 3:
            side = "L" if i < first else "R"
            add(Feature(f"near{side}={lemma}", 1.0, (span,)))
    for i in view.subtree(head.i):
        if i not in target_ids and view.is_word(i):
            add(Feature(f"np={view.lemma(i)}", 1.0, (view.span(i),)))

    # lexicon words, weighted by how close they are to the mention in the grammar
    pos = neg = 0.0
    pos_spans: list[tuple[int, int]] = []
    neg_spans: list[tuple[int, int]] = []
    negated = any(i not in target_ids and view.tree_distance(i, clause.i) <= 1 for i in negations)
    for i in valenced:
        if i in target_ids:
            continue
        valence = view.valence(i)
        span = view.span(i)
        weight = valence / 4.0 * math.exp(-(view.tree_distance(i, head.i) - 1) / 2.0)
        if weight > 0:
            pos += weight
            pos_spans.append(span)
        else:
            neg += weight
            neg_spans.append(span)
        add(Feature(f"lex+{role}", valence / 4.0, (span,)))
    add(Feature("lex_pos_near", pos, tuple(pos_spans)))
    add(Feature("lex_neg_near", neg, tuple(neg_spans)))
    if negated:
        add(Feature("clause_negated", 1.0))

    # VADER on the whole sentence and on the mention's clause
    vader = score_text(text, sentence.start_char, sentence.end_char)
    add(Feature("vader_sentence", vader.score, tuple((w.start, w.end) for w in vader.words)))
    subtree = view.subtree(clause.i)
    first_token, last_token = token_at(subtree[0]), token_at(subtree[-1])
    clause_vader = score_text(text, first_token.idx, last_token.idx + len(last_token.text))
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
    contributions = model.contributions(features)
    probabilities = model._probabilities(contributions)
    label = max(model.labels, key=lambda lab: probabilities[lab])
    text = _doc_view(sentence.doc).text
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
