"""The features of a target mention: the words around it and its place in the sentence's grammar.

``mention_features`` turns one mention of a parsed sentence into named features (``role=obj``,
``head+obj=criticize``, ``w=praise`` …), each tied to the words (character spans) that produced it, so
that the target model (``target``) can say which words pushed its verdict. The same function makes the
training rows (``scripts/train_target_sentiment.py``) and judges an article's mentions.
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING, NamedTuple

from newslab import errors
from newslab.layers.sentiment.vader import analyzer, plain_quotes, score_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
# words that turn a sentence round ("X did well, but Y …"): which side of them the target stands on matters
_CONTRAST_WORDS = frozenset(("but", "however", "while", "although", "though", "yet", "despite"))


class Feature(NamedTuple):
    """One feature of a mention: its name, value and the words (character spans) it comes from."""

    # A named tuple, not a dataclass: an article's mentions make tens of thousands of these.
    name: str
    value: float
    spans: tuple[tuple[int, int], ...] = ()


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
        self._negated: dict[int, bool] = {}
        self._word_features: dict[tuple[int, ...], list[Feature]] = {}
        self._entity_starts: list[int] | None = None
        self._contrasts: dict[tuple[int, ...], list[int]] = {}

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

    def negated(self, i: int, sentence_start: int) -> bool:
        """Whether a negation governs token ``i``: one of the three words before it, or its ``neg`` child."""
        negated = self._negated.get(i)
        if negated is None:
            negated = any(
                self.token(j).lower_ in _NEGATIONS for j in range(max(sentence_start, i - 3), i)
            ) or any(child.dep_ == "neg" for child in self.token(i).children)
            self._negated[i] = negated
        return negated

    def word_features(self, ids: tuple[int, ...]) -> list[Feature]:
        """The ``w=lemma`` feature of each word of a sentence (the same for every mention in it)."""
        found = self._word_features.get(ids)
        if found is None:
            words = self.sentence_words(ids)[0]
            found = [Feature(f"w={self.lemma(i)}", 1.0, (self.span(i),)) for i in words]
            self._word_features[ids] = found
        return found

    def contrast_words(self, ids: tuple[int, ...]) -> list[int]:
        """The sentence's contrast words ("but", "although" …), found once for all its mentions."""
        found = self._contrasts.get(ids)
        if found is None:
            found = [i for i in ids if self.token(i).lower_ in _CONTRAST_WORDS]
            self._contrasts[ids] = found
        return found

    def entities_in(self, first: int, end: int) -> int:
        """How many named entities (spaCy's NER) start among tokens ``first`` to ``end - 1``."""
        if self._entity_starts is None:
            self._entity_starts = [entity.start for entity in self.doc.ents]
        starts = self._entity_starts
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, first)

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


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc (spaCy rebuilds it on every call)."""
    return _doc_view(doc).text


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
    add(Feature(f"dep2={head.dep_}<{governor.dep_}", 1.0))  # e.g. pobj<prep: the object of a preposition
    # the mention's own words: who it is (NewsMTSC's sentences treat some people more harshly than others)
    for i in target:
        if view.is_word(i):
            add(Feature(f"tw={view.lemma(i)}", 1.0, (view.span(i),)))
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
    # what kind of name the target is (PERSON, ORG, GPE … as spaCy's NER reads it) and how crowded
    # the sentence is with names: a sentence naming many people often just reports who did what
    kinds = sorted({kind for i in target if (kind := token_at(i).ent_type_)})
    add(Feature(f"ent={'|'.join(kinds) or 'none'}", 1.0))
    add(Feature(f"entities={min(view.entities_in(ids[0], ids[-1] + 1), 4)}", 1.0))
    text = view.text
    before = text[sentence.start_char : start]
    if sum(before.count(q) for q in _QUOTE_CHARS) % 2 == 1:
        add(Feature("target_inside_quote", 1.0))
    elif has_quote:
        add(Feature("sentence_has_quote", 1.0))

    # the words nearby and in the mention's own phrase
    words, negations, valenced = view.sentence_words(ids)
    for i, word in zip(words, view.word_features(ids), strict=True):
        if i in target_ids:
            continue
        add(word)
        if first - 3 <= i <= last + 3:
            side = "L" if i < first else "R"
            add(Feature(f"near{side}={view.lemma(i)}", 1.0, word.spans))
    for i in view.subtree(head.i):
        if i not in target_ids and view.is_word(i):
            add(Feature(f"np={view.lemma(i)}", 1.0, (view.span(i),)))
    for i in view.contrast_words(ids):
        if i not in target_ids:
            add(Feature(f"contrast_{'before' if i < first else 'after'}_target", 1.0, (view.span(i),)))

    # lexicon words, weighted by how close they are to the mention in the grammar: once as the
    # lexicon has them, once turned round (× -0.74, as VADER does) when a negation governs them
    pos = neg = 0.0
    pos_spans: list[tuple[int, int]] = []
    neg_spans: list[tuple[int, int]] = []
    negated_pos = negated_neg = 0.0
    negated_pos_spans: list[tuple[int, int]] = []
    negated_neg_spans: list[tuple[int, int]] = []
    negated = any(i not in target_ids and view.tree_distance(i, clause.i) <= 1 for i in negations)
    for i in valenced:
        if i in target_ids:
            continue
        valence = view.valence(i)
        span = view.span(i)
        closeness = math.exp(-(view.tree_distance(i, head.i) - 1) / 2.0)
        weight = valence / 4.0 * closeness
        if weight > 0:
            pos += weight
            pos_spans.append(span)
        else:
            neg += weight
            neg_spans.append(span)
        add(Feature(f"lex+{role}", valence / 4.0, (span,)))
        if view.negated(i, ids[0]):
            valence *= -0.74
        if valence > 0:
            negated_pos += valence / 4.0 * closeness
            negated_pos_spans.append(span)
        else:
            negated_neg += valence / 4.0 * closeness
            negated_neg_spans.append(span)
        add(Feature(f"lexn+{role}", valence / 4.0, (span,)))
    add(Feature("lex_pos_near", pos, tuple(pos_spans)))
    add(Feature("lex_neg_near", neg, tuple(neg_spans)))
    add(Feature("lexn_pos_near", negated_pos, tuple(negated_pos_spans)))
    add(Feature("lexn_neg_near", negated_neg, tuple(negated_neg_spans)))
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
