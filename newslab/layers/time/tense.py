"""The tense of an event verb: its auxiliaries, and whether it tells of the past, the present or the future.

Read by the timeline (``newslab.layers.time.events``) to place an event with no time expression of
its own: "had said" lies before the time the story is at, "says" at publication, and "will hold",
"is going to hold" or "may hold" after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose "to"-infinitive carries the event: "appeared to backtrack", "decided to close".
RAISING = {"appear", "seem", "begin", "start", "continue", "try", "fail", "manage", "decide", "want", "plan"}
# Auxiliaries that put a base-form verb after the time of speaking. "would" and "could" are left
# out: in reported speech they are the past of "will" and "can" ("said it would close").
FUTURE_AUXILIARIES = {"will", "'ll", "’ll", "shall", "wo", "may", "might", "must", "should", "can", "ca"}


def raises(verb: Token) -> bool:
    """Whether the verb hands its event to the verb after "to" ("appeared to backtrack", "is going to close")."""
    if verb.lemma_ in RAISING:
        return True
    return verb.lower_ == "going" and any(child.dep_ == "aux" for child in verb.children)


def aux_words(verb: Token) -> set[str]:
    """The auxiliaries of a verb, in lower case ("had", "will", "to"…)."""
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}


def event_tense(verb: Token) -> str:
    """ "future", "pluperfect", "present_perfect", "past", "present" or "other" for an event verb."""
    auxes = aux_words(verb)
    governing = verb.head if verb.dep_ == "xcomp" and raises(verb.head) else verb
    gov_auxes = aux_words(governing) | auxes
    if verb.tag_ == "VB" and (gov_auxes & FUTURE_AUXILIARIES or governing.lower_ == "going"):
        return "future"
    if "had" in gov_auxes or ("'d" in gov_auxes and verb.tag_ == "VBN"):
        return "pluperfect"
    if verb.tag_ == "VBN" and ({"has", "have", "'ve", "’ve"} & gov_auxes) and "to" not in auxes:
        return "present_perfect"
    if governing.tag_ == "VBD" or verb.tag_ == "VBD":
        return "past"
    if governing.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN" and verb.pos_ == "VERB" and not auxes:
        return "past"
    return "other"
