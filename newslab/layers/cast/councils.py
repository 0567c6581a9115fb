"""Councils and their towns: "Southvale council" is an organisation, "Southvale" the town it names.

Local news names a council by its town ("Southvale council", "Kestwick Town Council") and then
calls it "the council"; the small model often misses both or takes the town for a person. When
the text names exactly one council, its town's name elsewhere is a PLACE and "the council" is a
description of that council.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.cast.records import Mention, _Group, _Name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

_COUNCIL_KINDS = {"city", "county", "town", "district", "borough", "parish", "village", "community"}
_NOT_TOWNS = {"the", "a", "an", "this", "that", "his", "her", "their", "our", "its"}


def _is_town_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.lower_ not in _NOT_TOWNS and not token.is_sent_start


def _councils(article: Article, doc: Doc) -> list[tuple[int, int, int]]:
    """(town start, town end, council end) token indices of every "<Town> [Town] council" in the body."""
    found = []
    for token in doc:
        if token.lower_ != "council" or not article.body.start <= token.idx < article.body.end:
            continue
        kind_start = token.i
        while kind_start > 0 and doc[kind_start - 1].lower_ in _COUNCIL_KINDS:
            kind_start -= 1
        town_start = kind_start
        while town_start > 0 and _is_town_word(doc[town_start - 1]):
            town_start -= 1
        if town_start > 0 and _is_town_word_at_start(doc[town_start - 1]):
            town_start -= 1
        town = doc[town_start:kind_start]
        if not town or any(t.pos_ != "PROPN" or t.ent_type_ == "NORP" for t in town):
            continue  # "the European Council", "the National Council": not a town's
        if token.text == "Council" and kind_start == token.i and not _named_alone(doc, town):
            continue  # "Security Council": a capitalised Council needs its town named on its own too
        found.append((town_start, kind_start, token.i + 1))
    return found


def _named_alone(doc: Doc, town) -> bool:
    """Whether the town's name also stands on its own in the text, as a proper noun."""
    words, size = [t.text for t in town], len(town)
    return any(
        [t.text for t in doc[i : i + size]] == words and doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "NORP"
        for i in range(len(doc) - size + 1)
        if i != town.start
        and not (i + size < len(doc) and doc[i + size].lower_ in _COUNCIL_KINDS | {"council"})
    )


def _is_town_word_at_start(token: Token) -> bool:
    """A sentence's first word is a town only if it is a proper noun ("Southvale council voted")."""
    return token.is_sent_start and token.is_title and token.pos_ == "PROPN" and token.lower_ not in _NOT_TOWNS


def add_council_names(article: Article, doc: Doc, names: list[_Name]) -> None:
    """Add the one council the text names (an ORG) and its town's other occurrences (PLACEs)."""
    councils = _councils(article, doc)
    towns = {tuple(t.text for t in doc[s:e]) for s, e, _end in councils}
    if len(towns) != 1:
        return  # no council, or several: "the council" could be any of them
    (town,) = towns
    size = len(town)
    if any(
        tuple(t.text for t in doc[i : i + size]) == town
        and (doc[i].ent_type_ == "NORP" or doc[i].pos_ == "ADJ")
        for i in range(len(doc) - size + 1)
    ):
        return  # "European leaders": the word describes, it is no town
    for town_start, _town_end, council_end in councils:
        overlapping = [n for n in names if n.start < council_end and town_start < n.end]
        if any(n.start <= town_start and council_end <= n.end for n in overlapping):
            for name in overlapping:
                name.label = "ORG"
            continue
        for name in overlapping:
            names.remove(name)
        words = tuple(t.text for t in doc[town_start:council_end])
        model = overlapping[0].model_label if overlapping else ""
        council = _Name(
            town_start, council_end, "ORG", model, "“council” after a town's name: the town's council"
        )
        council.words = words
        names.append(council)
    in_councils = {i for s, _e, end in councils for i in range(s, end)}
    for name in names:
        if tuple(name.words) == town and name.label != "PLACE":
            name.reason += (
                f", but the text names “{' '.join(town)}” council, so “{' '.join(town)}” is its town, a PLACE"
            )
            name.label = "PLACE"
    covered = {i for n in names for i in range(n.start, n.end)} | in_councils
    for token in doc:
        i = token.i
        if i in covered or not article.body.start <= token.idx < article.body.end:
            continue
        if tuple(t.text for t in doc[i : i + size]) == town and not (
            i + size < len(doc) and doc[i + size].is_title
        ):
            place = _Name(
                i, i + size, "PLACE", "", f"the town whose council the text names (“{' '.join(town)}”)"
            )
            place.words = town
            names.append(place)
            covered.update(range(i, i + size))
    names.sort(key=lambda n: n.start)


def link_the_council(article: Article, doc: Doc, groups: list[_Group]) -> None:
    """Join every "the council" to the one council the text names."""
    councils = [
        g for g in groups if g.label == "ORG" and g.names and g.names[0].words[-1].lower() == "council"
    ]
    if len(councils) != 1:
        return
    group = councils[0]
    named = {i for n in group.names for i in range(n.start, n.end)}
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc) or token.i + 1 in named:
            continue
        council = doc[token.i + 1]
        if council.lower_ != "council" or not article.body.start <= token.idx < article.body.end:
            continue
        if token.i + 2 < len(doc) and doc[token.i + 2].is_title:
            continue  # "the Council Tax …": a longer name
        reason = f"“the council” is {group.canonical}, the only council the text names"
        group.extra.append(
            Mention(
                token.idx,
                council.idx + len(council.text),
                doc[token.i : council.i + 1].text,
                "description",
                reason,
            )
        )
