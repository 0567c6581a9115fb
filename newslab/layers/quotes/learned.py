"""Verbs and nouns of reported speech learned from news articles, and where their content sits in the parse.

``learned_cues.json`` beside this module is written by ``scripts/learn_cues.py`` from the PolNeAR
train split. For every kept verb (and, under ``nouns``, every kept noun: "opposition to…", "her
embrace of…") and each part of the parse that held what was reported (its *shape*: "ccomp" a
clause, "xcomp" a "to" clause, "dobj" an object, "prep:as" an "as" phrase, "acl" a clause on a
noun…) it lists how often the word had that part (``offered``), how often that part was a marked
report (``cues``) and how often the report named no source (``unnamed``). Read it to see why a word
counts as a cue: "accuse … of …" reported what someone was accused of in most of its uses. The
file is read once, on first use, never at import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newslab import errors
from newslab.layers.quotes.weights import read_shipped_json

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LEARNED_PATH = Path(__file__).with_name("learned_cues.json")


def verb_lemma(token: Token) -> str | None:
    """The lemma of a verb ("accused" → "accuse"), or None for any other word."""
    from newslab.layers.quotes.cues import cue_lemma

    if token.tag_.startswith("VB") or token.pos_ == "VERB":
        return cue_lemma(token)
    return None


def cue_head(doc: Doc, start: int, end: int) -> Token | None:
    """The verb that heads a cue marked by its characters ("has portrayed" → "portrayed"), if any."""
    tokens = [t for t in doc if start <= t.idx < end and not t.is_space]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if verb_lemma(t) is not None and (t.head.i not in inside or t.head.i == t.i)]
    return heads[0] if heads else None


def noun_lemma(token: Token) -> str | None:
    """The lemma of a common noun ("criticisms" → "criticism"), or None for any other word."""
    return token.lemma_.lower() if token.pos_ == "NOUN" else None


def cue_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun that heads a cue with no verb in it ("his criticism of" → "criticism"), if any."""
    tokens = [t for t in doc if start <= t.idx < end and not t.is_space]
    if any(verb_lemma(t) is not None for t in tokens):
        return None
    inside = {t.i for t in tokens}
    nouns = [t for t in tokens if t.pos_ == "NOUN"]
    tops = [t for t in nouns if t.head.i not in inside or t.head.i == t.i]
    return (tops or nouns or [None])[-1]


def content_shape(cue: Token, start: int, end: int) -> str:
    """Where the content ``start:end`` of a report sits relative to its cue in the parse.

    "ccomp" (a clause: "said [the plan is dead]"), "xcomp" ("vowed [to fight]"), "dobj" ("denied
    [the report]"), "prep:of" ("accused him [of lying]" → the preposition's object), "nsubj"
    ("[the vote] is expected…"), "around" (the cue sits inside the content: "[The plan], she
    said, [is dead]"), or "other".
    """
    doc = cue.doc
    tokens = [t for t in doc if start <= t.idx < end and not (t.is_space or t.is_punct)]
    if not tokens:
        return "other"
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    top = max(tops, key=lambda t: sum(1 for s in t.subtree if s.i in inside))
    if top.i == cue.i:
        return "cue"
    if top.head.i == cue.i:
        return f"prep:{top.lower_}" if top.dep_ == "prep" else top.dep_
    if top.head.head.i == cue.i and top.head.dep_ in ("prep", "agent"):
        return f"prep:{top.head.lower_}"
    if any(t.i == top.i for t in cue.ancestors):
        return "around"
    return "other"


def offered_shapes(token: Token) -> set[str]:
    """The content shapes a word's own parse offers: "ccomp" if it has a clause, "prep:about" if it
    has an "about" phrase, and so on (the shapes of :func:`content_shape` that hang on the cue)."""
    shapes = set()
    for child in token.children:
        if child.dep_ == "prep":
            shapes.add(f"prep:{child.lower_}")
        elif child.dep_ not in ("punct", "cc", "aux", "auxpass", "neg", "det", "poss", "compound", "amod"):
            shapes.add(child.dep_)
    return shapes


@cache
def learned_cues(path: Path = LEARNED_PATH) -> dict:
    """The learned cue table, read from ``learned_cues.json`` on first use and checked.

    Raises:
        InvalidInput: the file is missing, is not JSON, or a verb's counts are not whole numbers
            with ``0 <= cues <= offered`` and ``offered > 0``.
    """
    remake = "reinstall newslab or run `python scripts/learn_cues.py` to make it again"
    data = read_shipped_json(path, what="learned cue table", remake=remake)
    for part in ("verbs", "nouns"):
        words = data.get(part, {} if part == "nouns" else None) if isinstance(data, dict) else None
        if not isinstance(words, dict) or not all(isinstance(shapes, dict) for shapes in words.values()):
            raise errors.InvalidInput(f"`{path.name}` is not a newslab learned cue table: {remake}.")
        for lemma, shapes in words.items():
            for shape, counts in shapes.items():
                if not _sound_counts(counts):
                    raise errors.InvalidInput(
                        f"The learned cue table `{path.name}` has broken counts for {lemma!r} + {shape}: {remake}."
                    )
    return data


def _sound_counts(counts: object) -> bool:
    if not isinstance(counts, dict):
        return False
    numbers = [counts.get(key) for key in ("cues", "offered", "unnamed")]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        return False
    cues, offered, unnamed = numbers
    return offered > 0 and cues <= offered and unnamed <= cues


def learned_shapes(token: Token) -> list[tuple[str, dict]]:
    """The learned content shapes this verb (or noun) offers, most reliable first: ``[("ccomp", counts), …]``.

    The counts tell why: ``{"cues": 44, "offered": 61, "unnamed": 2}`` means the lemma headed a
    report whose content was its clause in 44 of the 61 learning uses where it had a clause.
    """
    lemma, part = verb_lemma(token), "verbs"
    if lemma is None:
        lemma, part = noun_lemma(token), "nouns"
    table = learned_cues().get(part, {}).get(lemma) if lemma is not None else None
    if not table:
        return []
    offered = offered_shapes(token)
    found = [(shape, counts) for shape, counts in table.items() if shape in offered]
    return sorted(found, key=lambda item: -item[1]["cues"] / item[1]["offered"])


def explain(token: Token) -> str:
    """Why the kit reads this verb (or noun) as a report, in one sentence (or says it learned nothing about it).

    Example: "portray + prep:as: 8 of 17 uses in the learning articles reported what someone said
    or thought (the source unnamed in 0)".
    """
    shapes = learned_shapes(token)
    if not shapes:
        return f"{token.text!r}: no learned cue with this shape"
    shape, counts = shapes[0]
    return (
        f"{verb_lemma(token) or noun_lemma(token)} + {shape}: {counts['cues']} of {counts['offered']} uses in the learning "
        f"articles reported what someone said or thought (the source unnamed in {counts['unnamed']})"
    )
