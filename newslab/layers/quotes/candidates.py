"""Candidate speakers of a quote and their features (part of the attribution rules, see ``attribution``).

For each direct or partial quote the rules have attributed, :meth:`_SpeakerCandidates.speaker_candidates`
lists who else could have said it: the subject of every verb of saying in the quote's sentences, the
speaker of the previous quote, and the rules' own pick. Each candidate carries the features the
model in :mod:`newslab.layers.quotes.speaker_model` scores; :meth:`rechoose_speakers` applies it.
:meth:`rescue_fragments` does the same for the quotations the rules leave without a speaker and keeps
one only when the model in :mod:`newslab.layers.quotes.fragment_model` is confident enough.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from newslab.layers.quotes.cues import (
    NAMING_VERBS,
    PRONOUNS,
    cue_lemma,
    held_claim,
    is_according,
    is_cue,
    is_subordinate,
    names_someone,
    reports_words,
)
from newslab.layers.quotes.fragment_model import keep_chance, load_fragment_model
from newslab.layers.quotes.speaker_model import Candidate, Choice, choose, load_weights

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslab.layers.quotes.drafts import _Draft

MAX_CUES = 8  # verbs of saying looked at per quote, nearest first


def _bucket(value: int, upper_edges: tuple[int, ...], lowest: int = 0) -> str:
    """The range a count falls in, as the models' feature names spell it: "0-2", "3-6", "1", "16+"."""
    low = lowest
    for edge in upper_edges:
        if value <= edge:
            return str(edge) if low == edge else f"{low}-{edge}"
        low = edge + 1
    return f"{low}+"


def distance_bucket(distance: int) -> str:
    """How many words lie between a quote and a verb of saying, in the buckets the speaker model sees."""
    return _bucket(distance, (2, 6, 15))


def words_bucket(count: int) -> str:
    """A fragment's length in words, in the buckets the fragment model sees."""
    return _bucket(count, (1, 3, 7), lowest=1)


def speaker_kind(token: Token) -> str:
    """What sort of words name a candidate: pronoun, relative, person, org, name or noun."""
    if token.tag_ in ("WP", "WDT"):
        return "relative"
    if token.lower_ in PRONOUNS:
        return "pronoun"
    if token.ent_type_ == "PERSON":
        return "person"
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return "org"
    if token.pos_ == "PROPN":
        return "name"
    return "noun"


@dataclass(frozen=True)
class Rescue:
    """The fragment model's decision on one quotation the rules left without a speaker."""

    draft: _Draft
    choice: Choice
    features: dict[str, float]
    chance: float
    kept: bool


class _SpeakerCandidates:
    """Candidates: the people near a quote who may have said it, each with the model's features."""

    def rechoose_speakers(self, drafts: list[_Draft]) -> list[Choice | None]:
        """Let the model choose each attributed quote's speaker among its candidates (in text order).

        Returns each draft's ``Choice`` (``None`` for drafts the model does not look at).
        """
        weights = load_weights()
        choices: list[Choice | None] = []
        previous: _Draft | None = None
        for draft in drafts:
            choice = None
            if weights and self.is_choosable(draft):
                candidates = self.speaker_candidates(draft, previous)
                if len(candidates) > 1:
                    choice = choose(candidates, weights)
                    self.adopt(draft, choice.chosen)
            choices.append(choice)
            if draft.mention is not None and not self.is_nested(draft, previous):
                previous = draft
        return choices

    def rescue_fragments(self, drafts: list[_Draft]) -> list[Rescue]:
        """Give a speaker to the quotations the rules left without one, when the fragment model agrees.

        Every decision is returned (kept or not), with the chance and the features behind it; the
        previous speaker a fragment may take is the one before any fragment was kept.
        """
        speaker_weights = load_weights()
        keep_weights, threshold = load_fragment_model()
        if not speaker_weights:
            return []  # without its weights, the fragment model only records what it sees (for training)
        decisions = []
        for draft, previous in self.unattributed(drafts):
            found = self.fragment_choice(draft, previous, speaker_weights)
            if found is None:
                continue
            choice, features = found
            chance = keep_chance(features, keep_weights) if keep_weights else 0.0
            decisions.append(
                Rescue(draft, choice, features, chance, bool(keep_weights) and chance >= threshold)
            )
        for decision in decisions:
            if decision.kept:
                self.adopt(decision.draft, decision.choice.chosen)
        return decisions

    def unattributed(self, drafts: list[_Draft]) -> list[tuple[_Draft, _Draft | None]]:
        """Quoted direct or partial statements without a speaker, each with the attributed one before it."""
        out = []
        previous: _Draft | None = None
        for draft in drafts:
            if draft.span is not None and draft.mention is None and draft.kind in ("direct", "partial"):
                out.append((draft, previous))
            if draft.mention is not None and not self.is_nested(draft, previous):
                previous = draft
        return out

    def fragment_choice(
        self, draft: _Draft, previous: _Draft | None, speaker_weights: dict[str, float]
    ) -> tuple[Choice, dict[str, float]] | None:
        """The speaker model's pick for an unattributed quotation and the fragment model's features."""
        candidates = self.speaker_candidates(draft, previous)
        head = self.hanging_from(draft)
        if head is not None:
            candidates.append(head)
        unique: dict[tuple[int, int], Candidate] = {}
        for candidate in candidates:
            unique.setdefault(candidate.mention, candidate)
        if not unique:
            return None
        choice = choose(list(unique.values()), speaker_weights)
        return choice, self.fragment_features(draft, choice, head)

    def hanging_from(self, draft: _Draft) -> Candidate | None:
        """The subject of the verb a quotation hangs from ("Lee promised a “big” wall" → Lee), when the
        verb reports words: under a deed ("would close the “carried interest” loophole") the marks are
        the reporter's (see ``reports_words``)."""
        first = self.token_at(draft.start)
        last = self.token_at(max(draft.start, draft.end - 1))
        quote_span = self.quote_around(draft.start)
        if first is None or last is None or quote_span is None:
            return None
        for token in self.tokens_between(*quote_span):
            head = token.head
            if self.quote_around(head.idx) == quote_span:
                continue
            for _ in range(4):
                if head.pos_ in ("VERB", "AUX") and self.quote_around(head.idx) is None:
                    if not reports_words(head):
                        return None
                    speaker = self.speaker_token(head)
                    if speaker is None:
                        return None
                    distance = self.distance(head, first, last)
                    features = self.cue_features(head, speaker, first, last, quote_span, distance, draft.kind)
                    del features["origin=cue"]
                    features["origin=head"] = 1.0
                    return Candidate(
                        self.mention_span(speaker), self.cue_span(head), "head", features, head.i
                    )
                if head.head.i == head.i:
                    return None
                head = head.head
            return None
        return None

    def fragment_features(self, draft: _Draft, choice: Choice, head: Candidate | None) -> dict[str, float]:
        """What the fragment model sees: the fragment's shape, the words before it and the speaker model's pick."""
        words = [t for t in self.tokens_between(draft.start, draft.end) if not t.is_punct and not t.is_space]
        capitals = sum(t.text[:1].isupper() for t in words)
        chance = choice.probabilities()[choice.index]
        chosen = choice.chosen
        features = {
            "bias": 1.0,
            f"kind={draft.kind}": 1.0,
            f"words={words_bucket(len(words))}": 1.0,
            "pick_chance": chance,
            f"candidates={min(len(choice.candidates), 3)}": 1.0,
            f"pick_origin={chosen.origin}": 1.0,
        }
        if words and capitals == len(words):
            features["all_capitalised"] = 1.0  # a title or a name ("Meet the Press") more often than a quote
        if head is not None and head.mention == chosen.mention:
            features["pick_is_head_subject"] = 1.0
        if words:
            before = self.doc[words[0].i - 1] if words[0].i > 0 else None
            while before is not None and before.i > 0 and (before.is_punct or before.is_space):
                before = self.doc[before.i - 1]
            if before is not None:
                features[f"before_pos={before.pos_}"] = 1.0
                features[f"before={before.lemma_.lower()}"] = 1.0
            outside = [
                t.head for t in words if self.quote_around(t.head.idx) != self.quote_around(draft.start)
            ]
            if outside:
                features[f"hangs_from={outside[0].pos_}"] = 1.0
                features[f"hangs_as={words[0].dep_ if len(words) == 1 else 'phrase'}"] = 1.0
        for name, value in chosen.features.items():
            if not name.startswith(("lemma=", "cue_tag=")):
                features[f"pick:{name}"] = value
        return features

    def is_choosable(self, draft: _Draft) -> bool:
        """Quotes the model may re-attribute: quoted, direct or partial, attributed, and not signed.

        A signature (“…” ― Jane Doe) or a transcript line (“LEE: …”) says outright who spoke: its
        cue is a dash or a colon, with no word in it.
        """
        if draft.span is None or draft.kind not in ("direct", "partial") or draft.mention is None:
            return False
        return draft.cue is None or any(c.isalpha() for c in self.text[draft.cue[0] : draft.cue[1]])

    def adopt(self, draft: _Draft, candidate: Candidate) -> None:
        if candidate.mention == draft.mention:
            return
        draft.mention = candidate.mention
        if candidate.origin == "previous":
            draft.floating = True
            return
        draft.floating = False
        if candidate.cue is not None:
            draft.cue = candidate.cue
            cue = self.doc[candidate.cue_index] if candidate.cue_index is not None else None
            draft.channel = self.channel_of(cue) if cue is not None else None

    @cached_property
    def _doc_sentences(self) -> tuple[list[int], list[int]]:
        """The token index where each of spaCy's sentences starts, and where it ends; built once."""
        bounds = [(sentence.start, sentence.end) for sentence in self.doc.sents]
        return [start for start, _ in bounds], [end for _, end in bounds]

    def doc_sentence(self, token: Token) -> int:
        """The number of spaCy's sentence that holds ``token`` (a lookup, not a walk to its start)."""
        return bisect.bisect_right(self._doc_sentences[0], token.i) - 1

    @cached_property
    def _saying_words(self) -> tuple[list[Token], list[int]]:
        """Every word outside quotations that may introduce a speaker, and their token indexes."""
        words = [
            token
            for token in self.doc
            if not (token.is_space or token.is_punct)
            and self.quote_around(token.idx) is None
            and (is_cue(token) or is_according(token) or cue_lemma(token) in NAMING_VERBS)
        ]
        return words, [token.i for token in words]

    def saying_words_in(self, sentence: int) -> list[Token]:
        """The words of one sentence that may introduce a speaker (verbs of saying, "according")."""
        starts, ends = self._doc_sentences
        words, indexes = self._saying_words
        return words[
            bisect.bisect_left(indexes, starts[sentence]) : bisect.bisect_left(indexes, ends[sentence])
        ]

    def speaker_candidates(self, draft: _Draft, previous: _Draft | None) -> list[Candidate]:
        """Everyone who may have made a quote, the rules' pick first, each with its features."""
        first = self.token_at(draft.start)
        last = self.token_at(max(draft.start, draft.end - 1))
        if first is None or last is None:
            return []
        quote_span = self.quote_around(draft.start)
        cues: list[tuple[int, Token]] = []
        for sentence in {self.doc_sentence(first), self.doc_sentence(last)}:
            for token in self.saying_words_in(sentence):
                cues.append((self.distance(token, first, last), token))
        cues.sort(key=lambda pair: (pair[0], pair[1].i))
        kind = draft.kind
        rule = draft.mention
        picked = []  # (cue, speaker): the rules' own cue first, then the nearest verbs of saying
        rule_cue = self.span_root(draft.cue) if draft.cue is not None and not draft.floating else None
        if rule_cue is not None and rule is not None:
            picked.append((rule_cue, self.span_root(rule)))
        for _, cue in cues[:MAX_CUES]:
            picked.append((cue, self.speaker_token(cue)))
        introducing = None
        if draft.span is not None:
            left, _ = self.frame(draft.span, stop_at_quotes=draft.kind == "direct")
            introducing = self.introducing_cue(left)
        nearest = min((self.distance(cue, first, last) for cue, _ in picked if cue is not None), default=0)
        found: dict[tuple[int, int], Candidate] = {}
        for rank, (cue, speaker) in enumerate(picked):
            if speaker is None or cue is None:
                continue
            mention = rule if rank == 0 and rule_cue is not None else self.mention_span(speaker)
            if mention in found:
                continue
            distance = self.distance(cue, first, last)
            features = self.cue_features(cue, speaker, first, last, quote_span, distance, kind)
            if distance <= nearest:
                features["nearest"] = 1.0
            if introducing is not None and cue.i == introducing.i:
                features["introduces"] = 1.0  # "Lee said, “…”": the verb right before a comma and the quote
            found[mention] = Candidate(mention, self.cue_span(cue), "cue", features, cue.i)
        if rule is not None and rule not in found:
            origin = "previous" if draft.floating else "rule"
            features = {f"origin={origin}": 1.0, f"{kind}:origin={origin}": 1.0}
            found[rule] = Candidate(rule, draft.cue, origin, features)
        if previous is not None and previous.end > draft.start:
            previous = None  # a report that holds the quote is not a quote before it
        if previous is not None and previous.mention is not None and previous.mention not in found:
            features = self.previous_features(previous, draft)
            found[previous.mention] = Candidate(previous.mention, previous.cue, "previous", features)
        candidates = []
        for mention, candidate in found.items():
            features = dict(candidate.features)
            if mention == rule:
                features["rule"] = 1.0
                features[f"{kind}:rule"] = 1.0
            if not cues:
                features[f"no_cue:{candidate.origin}"] = 1.0
            if previous is not None and previous.mention == mention and candidate.origin != "previous":
                features["also_previous"] = 1.0
            candidates.append(
                Candidate(mention, candidate.cue, candidate.origin, features, candidate.cue_index)
            )
        candidates.sort(key=lambda c: c.mention != rule)
        return candidates

    def cue_features(
        self,
        cue: Token,
        speaker: Token,
        first: Token,
        last: Token,
        quote_span: tuple[int, int] | None,
        distance: int,
        kind: str,
    ) -> dict[str, float]:
        side = "before" if cue.i < first.i else "after"
        who = speaker_kind(speaker)
        governs = self.governing_depth(cue, quote_span) is not None
        features = {
            "origin=cue": 1.0,
            f"side={side}": 1.0,
            f"{kind}:side={side}": 1.0,
            f"distance={distance_bucket(distance)}": 1.0,
            f"{kind}:distance={distance_bucket(distance)}": 1.0,
            "log_distance": math.log1p(distance),
            f"lemma={cue_lemma(cue)}": 1.0,
            f"cue_dep={cue.dep_}": 1.0,
            f"cue_tag={cue.tag_}": 1.0,
            f"speaker={who}": 1.0,
            f"{kind}:speaker={who}": 1.0,
            f"speaker_dep={speaker.dep_}": 1.0,
            f"same_sentence={self.doc_sentence(cue) == self.doc_sentence(first)}": 1.0,
            f"side={side}:speaker={who}": 1.0,
            f"side={side}:cue_dep={cue.dep_}": 1.0,
            f"{kind}:speaker_dep={speaker.dep_}": 1.0,
        }
        if governs:
            features["governs_quote"] = 1.0
            features[f"{kind}:governs_quote"] = 1.0
        if names_someone(speaker):
            features["names_someone"] = 1.0
        if speaker.is_upper and len(speaker.text) > 1:
            features["speaker_in_capitals"] = 1.0  # a dateline ("WASHINGTON —") more often than a speaker
        if held_claim(cue):
            features["held_claim"] = 1.0  # "Lee's claim that …": the owner of a claim made it
        if is_subordinate(cue):
            features["subordinate"] = 1.0
        if self.quote_around(speaker.idx) is not None:
            features["speaker_quoted"] = 1.0
        return features

    def governing_depth(self, cue: Token, quote_span: tuple[int, int] | None) -> int | None:
        """How many steps up the parse tree from the quote's words the cue is (``None``: not above it)."""
        if quote_span is None:
            return None
        best = None
        for token in self.tokens_between(*quote_span):
            head, steps = token.head, 1
            if self.quote_around(head.idx) == quote_span:
                continue
            for _ in range(6):
                if head.i == cue.i:
                    best = steps if best is None else min(best, steps)
                    break
                if head.head.i == head.i:
                    break
                head, steps = head.head, steps + 1
        return best

    @staticmethod
    def distance(cue: Token, first: Token, last: Token) -> int:
        """Words between a cue and the quote running from ``first`` to ``last``."""
        return first.i - cue.i if cue.i < first.i else max(0, cue.i - last.i)

    def span_root(self, span: tuple[int, int]) -> Token | None:
        """The word of a span whose head lies outside it ("said" in "had said", "Lee" in "Ann Lee")."""
        words = self.tokens_between(*span)
        for word in words:
            if not span[0] <= word.head.idx < span[1] or word.head.i == word.i:
                return word
        return words[-1] if words else None

    def previous_features(self, previous: _Draft, draft: _Draft) -> dict[str, float]:
        gap = self.paragraph_of(draft.start) - self.paragraph_of(previous.start)
        where = "same" if gap == 0 else "next" if gap == 1 else "later"
        kind = draft.kind
        mention = self.text[slice(*previous.mention)].lower() if previous.mention else ""
        who = "pronoun" if mention in PRONOUNS else "other"
        return {
            "origin=previous": 1.0,
            f"{kind}:origin=previous": 1.0,
            f"previous_paragraph={where}": 1.0,
            f"previous_kind={previous.kind}": 1.0,
            f"previous_speaker={who}": 1.0,
        }
