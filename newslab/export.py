"""The `newslab annotate` record: one JSON-safe dict holding everything the kit found in an article.

The format (schema ``newslab.annotations/1``) is documented in ``docs/annotate-schema.md`` and kept
stable: tools outside the kit read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslab.article import Article

SCHEMA = "newslab.annotations/1"


def annotate(article: Article) -> dict[str, Any]:
    """Everything the kit finds in an article, as one JSON-safe dict.

    Example:
        >>> record = annotate(load_article("trump-russia-cyber"))
        >>> record["schema"], sum(q["kind"] != "indirect" for q in record["quotes"])
        ('newslab.annotations/1', 11)
    """
    from newslab.analysis import analyze
    from newslab.layers import REGISTRY

    analysis = analyze(article)
    layers = {entry.key: entry.to_json(analysis.layer(entry.name)) for entry in REGISTRY}
    return {
        "schema": SCHEMA,
        "id": article.id,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "outlet": article.outlet,
        "credit": article.credit,
        "text": article.text,
        "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        **layers,
        "notes": _notes(article),
    }


def _notes(article: Article) -> list[str]:
    from newslab.textcheck import language_note

    notes = []
    language = language_note(article.text)
    if language:
        notes.append(language)
    if article.published is None:
        notes.append(
            "No publication date was given, so dates that depend on it (such as 'Sunday') stay "
            "underspecified (XXXX-…); pass --published YYYY-MM-DD to resolve them."
        )
    return notes
