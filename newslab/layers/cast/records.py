"""The cast's records: an :class:`Entity` with its :class:`Mention` s, and the working records the rules build them from."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "PLACE")
MENTION_KINDS = ("name", "title", "surname", "first name", "acronym", "description", "pronoun")

# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Mention:
    """One place where the text refers to an entity.

    Attributes:
        start, end: character offsets: ``article.text[start:end] == text``.
        text: the words of the mention, e.g. ``"Trump"`` or ``"she"``.
        kind: ``name``, ``title`` (title + name), ``surname``, ``first name``, ``acronym``,
            ``description`` ("the senator") or ``pronoun``.
        reason: why the kit linked this mention to its entity, in plain words.
        model_label: the type the spaCy model gave the name (``""`` when the model did not tag it).
    """

    start: int
    end: int
    text: str
    kind: str
    reason: str
    model_label: str = ""

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place of the article, with every mention of it.

    Attributes:
        id: a short id in order of first mention (``"E1"``, ``"E2"``…).
        name: the canonical name: the fullest name the text uses (``"Donald Trump"``).
        label: ``"PERSON"``, ``"ORG"`` or ``"PLACE"``.
        role: the roles and affiliations the text states, joined with ``"; "``, or ``None``.
        mentions: every mention, in text order.
        gender: ``"male"``, ``"female"`` or ``""``, from the text's titles and pronouns only.
        roles: the role phrases one by one.
    """

    id: str
    name: str
    label: str
    role: str | None
    mentions: tuple[Mention, ...]
    gender: str = ""
    roles: tuple[str, ...] = ()

    @property
    def first_mention(self) -> int:
        """The character offset of the first mention."""
        return self.mentions[0].start if self.mentions else -1

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    def to_json(self) -> dict:
        """The JSON form: ``{"id", "name", "label", "role", "mentions": [{"start", "end", "text", …}]}``."""
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "role": self.role,
            "gender": self.gender,
            "mentions": [m.to_json() for m in self.mentions],
        }


def entity_at(cast: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start``–``end`` (``None`` if there is none).

    When several mentions overlap the span (e.g. "US" inside "The US president"), the mention
    that overlaps most wins, then the one that fits the span most tightly, then a person.

    Example:
        >>> entity_at(cast, 73, 85).name
        'Donald Trump'
    """
    best: tuple | None = None
    for entity in cast:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 or (start == end and mention.start <= start < mention.end):
                key = (overlap, overlap - (mention.end - mention.start), entity.label == "PERSON")
                if best is None or key > best[0]:
                    best = (key, entity)
    return best[1] if best else None


class EntityIndex:
    """The mentions of a cast sorted by start, answering :func:`entity_at` without reading them all.

    Built once for a cast (a long article's cast may have thousands of mentions); ``at`` gives
    the same entity as ``entity_at`` for the same cast, ties going to the entity listed first.
    """

    def __init__(self, cast: Sequence[Entity]) -> None:
        rows = [
            (mention.start, order, number, mention.end, entity)
            for order, entity in enumerate(cast)
            for number, mention in enumerate(entity.mentions)
        ]
        rows.sort(key=lambda row: row[:3])
        self.rows = rows
        self.starts = [row[0] for row in rows]
        self.reach: list[int] = []  # the furthest mention end up to each row
        furthest = -1
        for row in rows:
            furthest = max(furthest, row[3])
            self.reach.append(furthest)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``start``–``end``, as :func:`entity_at` chooses it."""
        best: tuple | None = None
        k = bisect.bisect_right(self.starts, end) - 1
        while k >= 0 and self.reach[k] > start:
            m_start, order, number, m_end, entity = self.rows[k]
            k -= 1
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 or (start == end and m_start <= start < m_end):
                key = (overlap, overlap - (m_end - m_start), entity.label == "PERSON")
                if best is None or key > best[0] or (key == best[0] and (order, number) < best[1]):
                    best = (key, (order, number), entity)
        return best[2] if best else None


# ---------------------------------------------------------------- working records


@dataclass
class _Name:
    """A name found in the text (mutable while the cast is being built)."""

    start: int  # token index of the name (without title)
    end: int
    label: str
    model_label: str
    reason: str
    title_start: int | None = None  # token index where a title before the name starts
    kind: str = "name"
    words: tuple[str, ...] = ()
    group: int = -1
    headline: bool = False  # found in a sentence written In Title Case


@dataclass
class _Group:
    label: str
    names: list[_Name] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str = ""
    gender_reason: str = ""
    plural: bool = False

    @property
    def canonical(self) -> str:
        """The fullest name, taken from the body's sentences rather than a headline when it can be."""
        names = [n for n in self.names if not n.headline] or self.names
        return " ".join(max((n.words for n in names), key=lambda w: len(" ".join(w))))
