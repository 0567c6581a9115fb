"""Who's who engine: the people, organisations and places of an article, with every mention of each."""

from newslab.layers.cast.find import (
    LABELS,
    MENTION_KINDS,
    Entity,
    Mention,
    cast_json,
    entity_at,
    find_cast,
    quote_regions,
)

__all__ = [
    "LABELS",
    "MENTION_KINDS",
    "Entity",
    "Mention",
    "cast_json",
    "entity_at",
    "find_cast",
    "quote_regions",
]
