"""Organisations the model missed: a run of capitalised words ending in a company's or a paper's word.

"Riverdale Water objected to the sale": the small model may tag nothing there, but a name whose
last word is *Water*, *Group* or *Gazette* names an organisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.cast.names import _SURNAMES_TOO, _headline_case
from newslab.layers.cast.records import _Name
from newslab.layers.cast.words import _ORG_SUFFIXES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

_NOT_NAME_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}


def add_untagged_orgs(article: Article, doc: Doc, names: list[_Name]) -> None:
    """Add "<Capitalised words> <Water|Group|Gazette…>" names that no name covers yet, as ORGs."""
    covered = {i for n in names for i in range(n.start, n.end)}
    for token in doc:
        if (
            token.i in covered
            or token.lower_ not in _ORG_SUFFIXES
            or not token.is_title
            or not article.body.start <= token.idx < article.body.end
            or _name_goes_on(doc, token.i + 1)
            or _headline_case(token.sent)
        ):
            continue
        before = next((n for n in names if n.end == token.i and n.start < token.i), None)
        extends = (
            before is not None and doc[token.i - 1].whitespace_ == " " and token.lower_ not in _SURNAMES_TOO
        )
        if extends and not _has_a_verb(doc, before.start, token.i + 1):
            # "Parks Now" where the model tagged "Parks" alone: the name goes on to its last word
            before.end, before.label = token.i + 1, "ORG"
            before.words = tuple(t.text for t in doc[before.start : before.end])
            before.reason += f"; the name goes on to “{token.text}”, which ends the names of organisations"
            covered.add(token.i)
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and start - 1 not in covered:
            if doc[start - 1].lower_ in _NOT_NAME_WORDS:
                break
            start -= 1
        if start == token.i or _has_a_verb(doc, start, token.i + 1):
            continue
        if start == token.sent.start and doc[start].pos_ != "PROPN":
            continue  # "Local Water …" at a sentence's start: the capital is the sentence's
        name = _Name(
            start,
            token.i + 1,
            "ORG",
            "",
            f"the model missed it, but “{token.text}” ends the names of organisations",
        )
        name.words = tuple(t.text for t in doc[start : token.i + 1])
        names.append(name)
        covered.update(range(start, token.i + 1))


def _name_goes_on(doc: Doc, i: int) -> bool:
    """Whether a capitalised word follows: "Clean Power Plan" is not the organisation "Clean Power"."""
    return i < len(doc) and doc[i].is_title and doc[i].is_alpha


def _has_a_verb(doc: Doc, start: int, end: int) -> bool:
    """A verb among the capitals ("New Poll Shows Minor Post") makes them a headline, not a name."""
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])
