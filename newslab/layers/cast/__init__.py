"""Who's who engine: the people, organisations and places of an article, with every mention of each.

``find_cast`` runs the steps in order: the model's names (``names``), roles (``roles``),
descriptions and pronouns (``coref``), then builds the :class:`Entity` records (``records``).
"""

from newslab.layers.cast.find import cast_json, find_cast
from newslab.layers.cast.quoted import quote_regions
from newslab.layers.cast.records import LABELS, MENTION_KINDS, Entity, Mention, entity_at

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
