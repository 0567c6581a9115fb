"""Reports the parser hangs in an unusual place: where their content is, and who made them.

spaCy's small English model sometimes attaches a reporting verb, the clause it reports or its
subject so that the usual rules (the clause under the verb, the verb's subject) find nothing. Each
function here recognises one such shape from the parse alone (part of the attribution rules, see
``reported`` and ``speakers``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.quotes.cues import SUBJECTS
from newslab.layers.quotes.tokens import _ASIDE_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Token


def inverted_report(verb: Token) -> list[Token]:
    """The words reported before "…, said the chief executive" when the parser made "said" a
    conjunct of them: "The plant is hanging on, but it is under pressure, said the chief executive".

    Only when a comma or dash comes before the verb, its subject comes after it and it has no
    clause or object of its own. Returns the reported words (empty when the shape does not fit).
    """
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.i == 0:
        return []
    if verb.doc[verb.i - 1].text not in _ASIDE_MARKS:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].i < verb.i:
        return []
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return []
    tokens = [t for t in verb.doc[verb.head.left_edge.i : verb.i] if not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens if len(tokens) >= 3 else []


def that_clause_taken_for_relative(verb: Token) -> Token | None:
    """A "that" clause the parser hung on a noun after the verb instead of on the verb: "said in one
    of a series of messages that the truck was carrying arms". Here "that" opens the clause (the
    clause has its own subject), so it is not a relative pronoun. Returns the clause's verb."""
    for token in verb.subtree:
        if token.dep_ != "relcl" or token.i < verb.i:
            continue
        opens = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        if not opens or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue
        node = token.head
        while node.i != verb.i and node.dep_ in ("pobj", "prep"):
            node = node.head
        if node.i == verb.i:
            return token
    return None


def answer_word(verb: Token) -> list[Token]:
    """A bare "yes" or "no" as what was said: "46 percent of voters said yes" (empty when there is none)."""
    return [
        child
        for child in verb.children
        if child.i > verb.i and child.lower_ in ("yes", "no") and child.dep_ in ("intj", "dobj", "ccomp")
    ][:1]


def subject_taken_for_a_clause(cue: Token) -> Token | None:
    """The name before a cue the parser read as a clause of its own: in "Tom Hale, a Leeds rabbi
    helping to organise the boycott, said he was alarmed" it makes "rabbi" a verb with Hale as its
    subject, so "said" has two clauses (one before, one after) and no subject."""
    if any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if len(clauses) != 2 or not clauses[0].i < cue.i < clauses[1].i:
        return None
    subjects = [c for c in clauses[0].children if c.dep_ == "nsubj" and c.i < clauses[0].i]
    if subjects and (subjects[0].pos_ == "PROPN" or subjects[0].ent_type_ == "PERSON"):
        return subjects[0]
    return None
