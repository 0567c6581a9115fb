"""Checks for notebook 02 — who's who.

The answer key is the article's gold file (``data/gold/<article>.json``), annotated by the kit's
guidelines: who the people are, how the text names them, and whom each pronoun refers to. The kit's
own cast is used only to read an id such as ``"E4"`` from ``people_table`` and, in the exercise about
the model's mistakes, for what the spaCy model said. Every way of naming an entity is accepted: its
name, any name or surname the text uses for it, its id, a row of ``people_table`` or an ``Entity`` —
in any case and spacing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from newslab.article import Article
from newslab.check._core import (
    PRONOUNS,
    CheckResult,
    GoldEntity,
    answer_text,
    as_count,
    fail,
    find_entity,
    gold_cast,
    gold_of,
    no_gold,
    passed,
    plain,
    stepped,
    unanswered,
    your_turn,
)

_ABBREVIATIONS = {
    "representative": {"rep"},
    "senator": {"sen"},
    "governor": {"gov"},
    "councillor": {"cllr"},
    "professor": {"prof"},
    "doctor": {"dr"},
}


def _kit_cast(article: Article) -> list:
    from newslab.analysis import analyze

    return analyze(article).cast


def _named(article: Article, cast: list[GoldEntity], answer: Any) -> GoldEntity | None:
    """The gold entity an answer names; an id such as ``"E4"`` is read from the kit's cast table."""
    text = answer_text(answer)
    if text is not None and re.fullmatch(r"\s*[Ee]\d+\s*", text):
        kit = {e.id.casefold(): e for e in _kit_cast(article)}.get(text.strip().casefold())
        return find_entity(cast, kit.name) if kit is not None else None
    return find_entity(cast, answer)


def _items(answer: Any) -> list | None:
    """The names in a list, set, Series or table (its ``name`` or ``entity`` column); None if not a collection."""
    if answer is None or isinstance(answer, str | bytes):
        return None
    columns = list(getattr(answer, "columns", []))
    for column in ("name", "entity"):
        if column in columns:
            return list(answer[column])
    if isinstance(answer, Iterable) and not isinstance(answer, Mapping):
        return list(answer)
    return None


def title_of(article: Article, person: str, answer: Any, *, gold: Any = None) -> CheckResult:
    """Exercise: which title does the article put before a person's name (e.g. Adam Schiff)?"""
    if unanswered(answer):
        return your_turn(f"store the title the article puts before {person}'s name in `answer`, as a string.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    entity = find_entity(gold_cast(gold), person)
    if entity is None:
        return fail(f"The article names no one called {person}: check the spelling of the name.")
    titles = []
    for form in sorted(entity.forms, key=len):
        for name_form in sorted(entity.forms | {entity.name}, key=len, reverse=True):
            if form != name_form and form.endswith(" " + name_form):
                titles.append(form[: -len(name_form)].strip())
                break
    if not titles:
        return fail(f"The article puts no title before {entity.name}'s name; try another person.")
    text = answer_text(answer)
    if not isinstance(text, str) or not text.strip():
        return fail("Answer with the title as a word in quotation marks.")
    given = plain(text).rstrip(".").strip()
    accepted = {plain(t).rstrip(".") for t in titles}
    for title in list(accepted):
        accepted |= _ABBREVIATIONS.get(title, set())
    titled_names = {plain(form) for form in entity.forms if any(form.startswith(t) for t in titles)}
    if given in accepted or plain(text) in titled_names:
        return passed(f"the article calls {entity.name} “{titles[0]}”, a title written before the name.")
    key = ("whos_who.title_of", article.id, person)
    if given and re.search(rf"\b{re.escape(given)}\b", plain(article.text)):
        return stepped(
            key,
            "Those words are in the article, but are they right before the name? A title is part of "
            "how the name is written.",
            f"Not that. Find where the article first names {entity.name} in full, and read the word before it.",
        )
    return stepped(
        key,
        "Not that. A title is a word such as Mrs, Senator or Mayor, written right before a name.",
        f"Not that. Find where the article first names {entity.name} in full, and read the word before it.",
    )


def pronoun_link(article: Article, start: int, answer: Any, *, gold: Any = None) -> CheckResult:
    """Exercise: who does the pronoun at character ``start`` refer to?"""
    end = start
    while end < len(article.text) and article.text[end].isalpha():
        end += 1
    pronoun = article.text[start:end]
    if unanswered(answer):
        return your_turn(f"store the name of the person “{pronoun}” refers to in `answer`.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    cast = gold_cast(gold)
    expected = next((e for e in cast for m in e.mentions if m.start == start), None)
    if expected is None:
        return fail(
            f"The gold marks no mention at character {start} (“{pronoun}”): pass the offset of a pronoun."
        )
    text = answer_text(answer)
    if not isinstance(text, str) or not text.strip():
        return fail("Answer with a person's name, as a string.")
    chosen = _named(article, cast, answer)
    if chosen is expected:
        return passed(f"“{pronoun}” refers to {expected.name}.")
    key = ("whos_who.pronoun_link", article.id, start)
    if plain(text) in PRONOUNS:
        return fail("That is a pronoun, not a name: which person named earlier does it stand for?")
    if chosen is None:
        return fail("That name is not in the article: copy a name from the cast table.")
    if chosen.label != "PERSON":
        return fail(f"{chosen.name} is not a person ({chosen.label}); “{pronoun}” stands for a person.")
    return stepped(
        key,
        f"{chosen.name} is in the article, but is that who is speaking or acting just before “{pronoun}”?",
        f"Not {chosen.name}. Read the paragraph that holds “{pronoun}” and the one before it: whose words "
        "or actions are being reported?",
    )


def count_people(article: Article, answer: Any, *, gold: Any = None) -> CheckResult:
    """Exercise: how many different people does the article mention?

    Answer with a number, or with the people themselves (a list of names, or the rows of the cast table
    labelled PERSON): then every item must name a different person of the article.
    """
    if unanswered(answer):
        return your_turn("store the number of different people (or a list of them) in `answer`.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    cast = gold_cast(gold)
    people = [e for e in cast if e.label == "PERSON"]
    key = ("whos_who.count_people", article.id)
    items = _items(answer)
    if items is not None:
        named: list[GoldEntity] = []
        for item in items:
            entity = _named(article, cast, item)
            if entity is None:
                shown = answer_text(item) if answer_text(item) is not None else repr(item)
                return fail(f"“{shown}” does not name anyone in the article: list the people by name.")
            if entity.label != "PERSON":
                return fail(f"{entity.name} is not a person ({entity.label}): keep only the people.")
            if entity in named:
                return fail(f"Your list names {entity.name} twice: count each person once.")
            named.append(entity)
        if len(named) == len(people):
            return passed(f"the article mentions {len(people)} different people.")
        return stepped(
            key,
            f"You list {len(named)} people; the article mentions {'more' if len(named) < len(people) else 'fewer'}.",
            "Go through the cast table row by row: which rows are people?",
        )
    value = as_count(answer)
    if value is None:
        return fail("Answer with a whole number, or a list of the people's names.")
    if value == len(people):
        return passed(f"the article mentions {len(people)} different people.")
    if value == sum(len(e.mentions) for e in people):
        return fail("That counts mentions (every “Trump”, “he”…): count each person only once.")
    if value == len(cast):
        return fail("That counts organisations and places too: count only the people.")
    return stepped(
        key,
        "Not that number. Count each person once, however many times and ways the text names them.",
        "Not that number. Filter the cast table on its `label` column, then count the rows.",
    )


def model_mistakes(article: Article, answer: Any, *, gold: Any = None) -> CheckResult:
    """Exercise: which people did the spaCy model tag as organisations (ORG)?

    What the model said comes from the kit (the ``model_label`` of each mention); who is a person comes
    from the gold.
    """
    if unanswered(answer):
        return your_turn("store the names of the people the model tagged ORG in `answer`, as a list.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    cast = gold_cast(gold)
    tagged_org = [m for e in _kit_cast(article) for m in e.mentions if m.model_label == "ORG"]
    expected = [
        e
        for e in cast
        if e.label == "PERSON"
        and any(m.start < t.end and t.start < m.end for m in e.mentions for t in tagged_org)
    ]
    items = _items(answer) if not isinstance(answer, str) else [answer] if answer.strip() else []
    if not items:
        return fail("Answer with a list of names, one string per person.")
    chosen: list[GoldEntity] = []
    for item in items:
        entity = _named(article, cast, item)
        if entity is None:
            shown = answer_text(item) if answer_text(item) is not None else repr(item)
            return fail(f"“{shown}” does not name anyone in the article: copy names from the tables.")
        if entity not in chosen:
            chosen.append(entity)
    names = " and ".join(e.name for e in expected)
    if set(map(id, chosen)) == set(map(id, expected)):
        return passed(f"the model tagged {names} as organisations; the text shows they are people.")
    key = ("whos_who.model_mistakes", article.id)
    not_people = [e for e in chosen if e.label != "PERSON"]
    if not_people:
        return fail(
            f"{not_people[0].name} is not a person: the exercise asks about people the model mislabelled."
        )
    wrong = [e for e in chosen if e not in expected]
    if wrong:
        return stepped(
            key,
            f"The model did not tag {wrong[0].name} as ORG: which column says what the model thought?",
            f"The model did not tag {wrong[0].name} as ORG: compare `model_label` with `label` in the mentions table.",
        )
    return stepped(
        key,
        f"Right so far, but {len(expected) - len(chosen)} more: one person can be tagged ORG in only one of "
        "their mentions.",
        f"Right so far, but {len(expected) - len(chosen)} more: look for model_label ORG on a PERSON row.",
    )
