"""Checks for notebook 02 — who's who.

Each check compares the student's answer with the kit's cast of the article (``newslab.people``)
and accepts every way of naming an entity: its canonical name, any name or surname the text uses
for it, its id (``"E4"``), a row of ``people_table`` or an ``Entity`` — in any case and spacing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newslab.article import Article
from newslab.check._core import CheckResult, fail, passed


def _cast(article: Article) -> list:
    from newslab.analysis import analyze

    return analyze(article).cast


def _norm(text: str) -> str:
    return " ".join(str(text).replace("’", "'").split()).casefold().removesuffix("'s").strip(" .,;:\"'“”")


def _as_text(answer: Any) -> str | None:
    """A name from a string, an Entity, a dict or a table row (``name`` or ``entity`` field)."""
    if isinstance(answer, str):
        return answer
    for field in ("name", "entity"):
        value = getattr(answer, field, None)
        if isinstance(value, str):
            return value
        if hasattr(answer, "get") and not isinstance(answer, str):
            try:
                value = answer.get(field)
            except (TypeError, ValueError):
                value = None
            if isinstance(value, str):
                return value
    return None


def entity_named(cast: list, answer: Any) -> Any | None:
    """The entity an answer names: by canonical name, any name form the text uses, or id."""
    text = _as_text(answer)
    if text is None:
        return None
    wanted = _norm(text)
    for entity in cast:
        if wanted in (_norm(entity.name), _norm(entity.id)):
            return entity
    for entity in cast:
        forms = {_norm(m.text) for m in entity.mentions if m.kind not in ("pronoun", "description")}
        if wanted in forms:
            return entity
    by_surname = [
        e for e in cast if e.label == "PERSON" and " " not in wanted and _norm(e.name).split()[-1] == wanted
    ]
    return by_surname[0] if len(by_surname) == 1 else None


def _items(answer: Any) -> list | None:
    if answer is None or isinstance(answer, (str, bytes)):
        return None if answer is None else [answer]
    if hasattr(answer, "columns") and "name" in getattr(answer, "columns", []):  # a DataFrame
        return list(answer["name"])
    if hasattr(answer, "columns") and "text" in getattr(answer, "columns", []):
        return list(answer["text"])
    if isinstance(answer, Iterable):
        return list(answer)
    return None


def title_of(article: Article, person: str, answer: Any) -> CheckResult:
    """Exercise: which title does the article put before a person's name (e.g. Adam Schiff)?"""
    cast = _cast(article)
    entity = entity_named(cast, person)
    if entity is None:
        return fail(f"The kit finds no one called {person} in this article: check the spelling of the name.")
    titles = []
    for mention in entity.mentions:
        if mention.kind == "title":
            forms = {entity.name} | {m.text for m in entity.mentions if m.kind not in ("title", "pronoun")}
            for name_form in sorted(forms, key=len, reverse=True):
                if mention.text.endswith(name_form):
                    titles.append(mention.text[: -len(name_form)].strip())
                    break
    if not titles:
        return fail(f"The article puts no title before {entity.name}'s name; try another person.")
    text = _as_text(answer)
    if not isinstance(text, str) or not text.strip():
        return fail('Answer with a word, e.g. `answer = "Mayor"`: look at the `role` column or the mentions.')
    given = _norm(text)
    accepted = {_norm(t) for t in titles} | {_norm(t).rstrip(".") for t in titles}
    abbreviations = {
        "representative": {"rep", "rep."},
        "senator": {"sen", "sen."},
        "governor": {"gov", "gov."},
    }
    for title in list(accepted):
        accepted |= abbreviations.get(title, set())
    name_forms = {_norm(m.text) for m in entity.mentions if m.kind == "title"}
    if given in accepted or given.rstrip(".") in accepted or given in name_forms:
        return passed(f"the article calls {entity.name} “{titles[0]}”, a title written before the name.")
    if entity.role and given in _norm(entity.role):
        return fail(
            "That is part of the role the text gives, not the title: which word stands right before the name?"
        )
    return fail(f"Not that. Find the mention of {entity.name} whose kind is `title` in `mentions_table`.")


def pronoun_link(article: Article, start: int, answer: Any) -> CheckResult:
    """Exercise: who does the pronoun at character ``start`` refer to?"""
    from newslab.people import entity_at

    cast = _cast(article)
    end = start
    while end < len(article.text) and article.text[end].isalpha():
        end += 1
    pronoun = article.text[start:end]
    expected = entity_at(cast, start, end)
    if expected is None:
        return fail(
            f"The kit did not link “{pronoun}” at {start} to anyone; ask your teacher about this one."
        )
    if _as_text(answer) is None or not str(_as_text(answer)).strip():
        return fail('Answer with a person\'s name, e.g. `answer = "Vladimir Putin"`.')
    chosen = entity_named(cast, answer)
    if chosen is expected:
        return passed(f"“{pronoun}” refers to {expected.name}.")
    if _norm(_as_text(answer)) == _norm(pronoun):
        return fail("That is the pronoun itself: which person named earlier does it stand for?")
    if chosen is None:
        return fail("That name is not in the cast: copy a name from `people_table(article)`.")
    if chosen.label != "PERSON":
        return fail(f"{chosen.name} is not a person ({chosen.label}); “{pronoun}” stands for a person.")
    if chosen.gender and expected.gender and chosen.gender != expected.gender:
        return fail(f"Look at the pronoun: “{pronoun}” does not fit {chosen.name} in this text.")
    return fail(
        f"{chosen.name} is named before it, but read the sentences just before “{pronoun}”: "
        "who is the subject there?"
    )


def count_people(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many different people does the article mention?"""
    cast = _cast(article)
    people = [e for e in cast if e.label == "PERSON"]
    value = None
    if isinstance(answer, (int, float, str)) and not isinstance(answer, bool):
        try:
            number = float(str(answer).strip())
            value = int(number) if number == int(number) else None
        except (TypeError, ValueError, OverflowError):
            value = None
    if value is None and not isinstance(answer, bool):
        try:
            value = len(answer) if not isinstance(answer, (str, bytes)) else None
        except TypeError:
            value = None
    if value is None:
        return fail("Answer with a number, e.g. `answer = 3`, or a list of the people's names.")
    if value == len(people):
        return passed(f"the article mentions {len(people)} different people.")
    if value == sum(e.mention_count for e in people):
        return fail("That counts mentions (every “Trump”, “he”…): count each person only once.")
    if value == len(cast):
        return fail("That counts organisations and places too: keep only the rows labelled PERSON.")
    if value == len({m.text for e in people for m in e.mentions if m.kind != "pronoun"}):
        return fail(
            "That counts the different ways people are named: “Trump” and “Donald Trump” are one person."
        )
    return fail("Not that number. Filter `people_table(article)` on the `label` column.")


def model_mistakes(article: Article, answer: Any) -> CheckResult:
    """Exercise: which people did the spaCy model tag as organisations (ORG)?"""
    cast = _cast(article)
    expected = [e for e in cast if e.label == "PERSON" and any(m.model_label == "ORG" for m in e.mentions)]
    items = _items(answer)
    if not items:
        return fail('Answer with a list of names, e.g. `answer = ["Some Name", "Another"]`.')
    chosen = []
    for item in items:
        entity = entity_named(cast, item)
        if entity is None:
            return fail(f"“{_as_text(item) or item}” is not a name in the cast: copy names from the tables.")
        if entity not in chosen:
            chosen.append(entity)
    names = ", ".join(e.name for e in expected)
    if set(map(id, chosen)) == set(map(id, expected)):
        return passed(f"the model called {names} organisations; the kit's rules made them people again.")
    wrong = [e for e in chosen if e not in expected]
    if wrong:
        return fail(
            f"The model did not tag {wrong[0].name} as ORG: compare `model_label` with `label` in the mentions table."
        )
    return fail(
        f"Right so far, but {len(expected) - len(chosen)} more: look for model_label ORG on a PERSON row."
    )
