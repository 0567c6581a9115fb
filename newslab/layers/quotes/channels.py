"""Channels of statements (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.quotes.cues import (
    CHANNEL_NOUNS,
    CHANNEL_VERBS,
    NOUN_CUES,
    TIME_WORDS,
)
from newslab.layers.quotes.tokens import _contiguous_upto, _under

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Channels:
    """Channels: where a statement was made when the text names it (a tweet, NBC's Meet the Press)."""

    def channel_of(self, cue: Token) -> str | None:
        """Where the statement was made, when the sentence says so."""
        if CHANNEL_VERBS.get(cue.lemma_):
            return CHANNEL_VERBS[cue.lemma_]
        if cue.lower_ in NOUN_CUES:
            return "tweet"
        if cue.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in cue.children):
            channel = self.channel_phrase(cue.head)  # "a series of tweets that compared…": the tweets
            if channel:
                return channel
        token = cue
        for candidate in (cue, cue.head if cue.dep_ in ("advcl", "conj") else None):
            if candidate is None:
                continue
            for child in candidate.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "through", "to"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            channel = self.channel_phrase(obj)
                            if channel:
                                return channel
            token = candidate
        if cue.lemma_ == "tell":
            for child in token.children:
                if child.dep_ in ("dobj", "dative", "poss") and (
                    child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "PERSON")
                ):
                    return self.programme(child.left_edge)
            # "told CNN’s State of the Union program …" (the possessive hangs below the object)
            nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            possessive = nxt is not None and nxt.i + 1 < len(cue.doc) and nxt.nbor(1).tag_ == "POS"
            if nxt is not None and nxt.pos_ == "PROPN" and (nxt.ent_type_ == "ORG" or possessive):
                return self.programme(nxt)
        return None

    def channel_phrase(self, obj: Token) -> str | None:
        named = obj.ent_type_ in ("ORG", "WORK_OF_ART") or obj.lower_ in ("twitter", "facebook", "instagram")
        if obj.pos_ == "PROPN" and named:
            return self.programme(obj.left_edge)
        if obj.lemma_.lower() not in CHANNEL_NOUNS and obj.lower_ not in CHANNEL_NOUNS:
            return None
        words = []
        for token in obj.subtree:
            if token.i > obj.i and _under(token, obj, ("relcl", "acl", "punct", "appos", "cc", "conj")):
                break
            if (
                token.i > obj.i
                and token.dep_ == "prep"
                and any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
            ):
                break
            if token.dep_ == "det" or token.ent_type_ in ("DATE", "TIME") or token.lower_ in TIME_WORDS:
                continue
            if token.dep_ in ("poss", "case") and token.head == obj:
                continue
            words.append(token)
        words = [t for t in words if t.i >= obj.i or t.dep_ in ("compound", "amod")]
        words = _contiguous_upto(words, obj)
        if not words:
            return None
        return self.text[words[0].idx : words[-1].idx + len(words[-1].text)]

    def programme(self, first: Token) -> str:
        """A run of capitalised words naming a broadcaster or programme: "NBC’s Meet the Press"."""
        doc = first.doc
        end = first.i
        i = first.i + 1
        while i < len(doc):
            token = doc[i]
            if (
                token.tag_ == "POS"
                or token.lower_ in ("’s", "'s")
                or token.is_title
                or (token.is_upper and token.is_alpha)
            ):
                end = i
            elif token.lower_ in ("the", "of", "and", "&") and any(t.is_title for t in doc[i + 1 : i + 3]):
                pass
            else:
                break
            i += 1
        last = doc[end]
        return self.text[first.idx : last.idx + len(last.text)]
