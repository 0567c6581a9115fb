"""Patterns and small tests over tokens that the attribution rules share (transcripts, signatures, asides, name heads)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslab.layers.quotes.cues import is_cue, wordset
from newslab.layers.quotes.drafts import _Draft

if TYPE_CHECKING:
    from spacy.tokens import Token


# “WALLACE: Let’s start…”: a transcript line, the speaker's name in capitals and a colon.
_TRANSCRIPT = re.compile(
    r"(?:``|''|[“\"„«])[ \u00a0]*(?P<name>[A-Z][A-Z.’' -]{1,30}[A-Z.])(?P<colon>:)[ \u00a0]"
)
# “…” ― Jane Doe: a quote signed with a dash and a name of up to five capitalised words, ending the paragraph,
# perhaps with where the person is from ("— Jane Doe, Leeds").
_SIGNATURE = re.compile(
    r"[ \u00a0]*(?P<dash>―|—|–|--?)[ \u00a0]*(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,4}?)"
    r"(?:,[ \u00a0]*[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,2})?[.,]?[ \u00a0]*$"
)
# "Pence: Gennifer Flowers Won’t Be at Debate": a headline or line that gives a name, a colon and a claim.
_NAMED_CLAIM = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,3})(?P<colon>:)[ \u00a0]+(?P<claim>[^\n]*\w[^\n]*)"
)
_NOT_SPEAKERS = wordset(
    """update updated analysis opinion editorial exclusive watch breaking video live photos photo note editor
    correction clarification transcript source sources related read listen more q a warning disclaimer full
    background bottom line why what how who when where here there this the"""
)
_TITLE_SMALL_WORDS = wordset("of the a an and in on for to with at by & or from")
_SENTENCE_END = frozenset({".", "!", "?", "…", "....", "....."})
_ASIDE_MARKS = frozenset({",", "—", "–", "--", "―"})
_CONCESSIVE = wordset("although though while whereas even")


def _without_nested_stances(drafts: list[_Draft]) -> list[_Draft]:
    """Reports without the stances that are part of another report: in "Lee said she plans to run"
    and "Lee announced a plan to run", her plan is what she said, not a second statement."""

    def nested(stance: _Draft, report: _Draft) -> bool:
        return report.start <= stance.cue[0] and stance.cue[1] <= report.end

    reports = [d for d in drafts if not d.stance and d.cue is not None]
    return [d for d in drafts if not d.stance or d.cue is None or not any(nested(d, r) for r in reports)]


def _copy_speaker(draft: _Draft, source: _Draft) -> None:
    draft.mention = source.mention
    draft.channel = source.channel
    draft.floating = True


def _without_trailing_aside(tokens: list[Token], head: Token) -> list[Token]:
    """A report without what the reporter adds at its end: "…to Scott, who has never faced…"; and
    without what follows a semicolon."""
    for k, token in enumerate(tokens):
        if token.text == ";" and k >= 2:
            tokens = tokens[:k]
            break
    if not tokens:
        return tokens
    last = tokens[-1].i
    for token in tokens[1:]:
        aside = (token.dep_ in ("relcl", "appos") and token.head.i != head.i) or _is_trailing_modifier(token)
        if not aside or token.right_edge.i < last:
            continue
        comma = token.left_edge.i - 1
        if comma >= 0 and token.doc[comma].text in _ASIDE_MARKS and comma > tokens[0].i + 1:
            kept = [t for t in tokens if t.i < comma]
            if len(kept) >= 2:
                return kept
    return tokens


def _is_trailing_modifier(token: Token) -> bool:
    """Whether a phrase after a comma is the reporter's comment on a report, not part of it.

    ", although it may take days…", ", citing the risks", ", with one poll showing…", ", more than
    forecast": a concession, a participle, an absolute "with" phrase or a comparison. A "because"
    or "if" clause stays: it gives the speaker's reason or condition.
    """
    first = token.left_edge
    if token.dep_ == "advcl":
        participle = token.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in token.children
        )
        # ", to which Hale interjected: “…”", ", as Hale argued": someone else's words, with their own cue
        answered = is_cue(token) and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in token.children
        )
        return participle or answered or first.lower_ in _CONCESSIVE
    if token.dep_ == "prep":
        return token.lower_ in ("with", "aside")
    return token.dep_ in ("advmod", "npadvmod") and first.lower_ in ("more", "less")


def _head_of_name(token: Token) -> Token:
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _depth(token: Token, top: Token) -> int:
    """How many steps up the tree from ``token`` to ``top`` (99 if ``top`` is not above it)."""
    steps = 0
    while token.i != top.i:
        if token.head.i == token.i or steps > 20:
            return 99
        token, steps = token.head, steps + 1
    return steps


def _under(token: Token, top: Token, deps: tuple[str, ...]) -> bool:
    """Whether the path from ``token`` up to ``top`` passes through one of these relations."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _contiguous_upto(words: list[Token], head: Token) -> list[Token]:
    if not words:
        return words
    out = [w for w in words if w.i <= head.i]
    after = [w for w in words if w.i > head.i]
    # keep only the run of words that directly precede the head
    run = []
    expected = head.i
    for w in reversed(out):
        if w.i == expected:
            run.append(w)
            expected -= 1
    run.reverse()
    expected = head.i + 1
    for w in after:
        if w.i != expected:
            break
        run.append(w)
        expected += 1
    return run


# the last cast read by _entity_at and its index (a cast is not changed); one tuple, read once
_cast_index: tuple = (None, None)


def _entity_at(cast: Sequence[Any], start: int, end: int) -> Any | None:
    """The cast entity one of whose mentions overlaps ``start:end`` (see ``newslab.people.entity_at``)."""
    global _cast_index
    if not cast:
        return None
    from newslab.layers.cast.records import EntityIndex

    cached = _cast_index
    if cached[0] is not cast:
        cached = _cast_index = (cast, EntityIndex(list(cast)))
    return cached[1].at(start, end)
