"""Who's who: the people, organisations and places of an article, with every mention of each.

The small spaCy model finds names and guesses their type; this module turns those guesses into
a *cast*: one :class:`Entity` per real-world person, organisation or place, with a canonical
name (the fullest name the text uses), a role when the text states one, and every
:class:`Mention` — full names, surnames, titles + names, descriptions such as "the senator" and
pronouns such as "she". Every link comes with a ``reason`` in plain words, so a student can see
*why* the kit joined two mentions or overruled the model.

The rules are simple and work on any English news article:

- a name the model calls an organisation is a person when the same name is a person elsewhere,
  when it has a person's title (Senator, President, Mrs…), an appositive or "who" clause about a
  person, or when it is the subject of a speech verb and looks like a personal name;
- a surname (or a title + surname) joins the full name that ends with it;
- "the senator" / "The US president" joins the person the text gives that role, or else the
  subject of the sentence before;
- he / she / his / her joins the nearest compatible person before it, subjects first; inside a
  quotation only people named in the same quotation count;
- GPE and LOC names are places; party words (Republican, Democrat) are roles, not entities.

Only the story's body is read (not the outlet line, title or credit).

Example:
    >>> from newslab import load_article
    >>> from newslab.analysis import analyze
    >>> cast = analyze(load_article("trump-russia-cyber")).cast
    >>> cast[0].name, cast[0].label
    ('Donald Trump', 'PERSON')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslab.layers.cast.coref import _link_descriptions, _link_pronouns
from newslab.layers.cast.councils import add_council_names, link_the_council
from newslab.layers.cast.names import (
    _attach_title,
    _find_untagged,
    _fix_person_types,
    _group_names,
    _model_names,
    _untagged_people,
)
from newslab.layers.cast.orgs import add_untagged_orgs
from newslab.layers.cast.quoted import quote_regions
from newslab.layers.cast.records import Entity, Mention, _Group
from newslab.layers.cast.roles import _collect_roles

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

__all__ = ["cast_json", "find_cast"]

# ---------------------------------------------------------------- the cast


def find_cast(article: Article, doc: Doc) -> list[Entity]:
    """Find the article's people, organisations and places, with all their mentions.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).

    Returns:
        The entities in order of first mention, ids ``E1``, ``E2``…

    Example:
        >>> from newslab.nlp import parse
        >>> cast = find_cast(article, parse(article))
        >>> [e.name for e in cast if e.label == "PERSON"][:2]
        ['Donald Trump', 'Vladimir Putin']
    """
    quotes = quote_regions(article)
    names = _model_names(article, doc)
    _fix_person_types(doc, names)
    _untagged_people(article, doc, names)
    add_council_names(article, doc, names)
    add_untagged_orgs(article, doc, names)
    groups = _group_names(doc, names)
    _find_untagged(article, doc, names, groups)
    for name in names:
        _attach_title(doc, name, groups[name.group])
    _collect_roles(doc, groups)
    _link_descriptions(article, doc, groups, quotes)
    link_the_council(article, doc, groups)
    _link_pronouns(article, doc, groups, quotes)
    return _build_entities(article, doc, groups)


# ---------------------------------------------------------------- step 8: entities


def _build_entities(article: Article, doc: Doc, groups: list[_Group]) -> list[Entity]:
    built = []
    for group in groups:
        mentions: dict[tuple[int, int], Mention] = {}
        for name in group.names:
            start_token = name.title_start if name.title_start is not None else name.start
            span = doc[start_token : name.end]
            label = "PERSON" if name.model_label == "PERSON" else name.model_label
            mentions.setdefault(
                (span.start_char, span.end_char),
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    name.kind,
                    name.reason,
                    {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}.get(label, label),
                ),
            )
        for mention in group.extra:
            mentions.setdefault((mention.start, mention.end), mention)
        ordered = tuple(sorted(mentions.values(), key=lambda m: (m.start, m.end)))
        if not ordered:
            continue
        roles = _distinct_roles(group.roles)
        built.append((ordered, group, roles))
    built.sort(key=lambda item: (item[0][0].start, item[0][0].end))
    entities = []
    for number, (mentions, group, roles) in enumerate(built, start=1):
        entities.append(
            Entity(
                id=f"E{number}",
                name=group.canonical,
                label=group.label,
                role="; ".join(roles) if roles else None,
                mentions=mentions,
                gender=group.gender,
                roles=roles,
            )
        )
    return entities


def _distinct_roles(roles: Sequence[str]) -> tuple[str, ...]:
    """Roles in order, without repeats or roles another one already says ("Republican" in
    "Republican nominee")."""
    unique = list(dict.fromkeys(r.strip() for r in roles if r.strip()))
    words = [set(re.findall(r"[\w-]+", r.lower())) for r in unique]
    kept = []
    for i, role in enumerate(unique):
        if any(j != i and words[i] < words[j] for j in range(len(unique))):
            continue
        if any(words[i] == words[j] for j in range(i)):
            continue
        kept.append(role)
    return tuple(kept)


def cast_json(cast: Sequence[Entity]) -> list[dict[str, Any]]:
    """The cast as JSON-ready dicts (the ``entities`` of ``newslab annotate``)."""
    return [entity.to_json() for entity in cast]
