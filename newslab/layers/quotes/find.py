"""Find every attributed statement in an article (the rules live in ``attribution``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslab.layers.quotes.attribution import attribute
from newslab.layers.quotes.records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article


def find_quotes(article: Article, doc: Doc, cast: Sequence[Any] = ()) -> list[Quote]:
    """Find every attributed statement in an article and who made it.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).
        cast: its people and organisations (``newslab.people.find_cast``); used to turn a speaker
            mention such as "he" or "the US president" into a name. May be empty.

    Returns:
        Quotes in text order (by start, then end). Unbalanced quotation marks are handled, never an error.

    Example:
        >>> quotes = find_quotes(article, parse(article), cast)
        >>> quotes[0].kind, quotes[0].speaker, quotes[0].cue
        ('partial', 'Donald Trump', 'had said')
    """
    text = article.text
    quotes = []
    for found in attribute(article, doc, cast):
        m_start, m_end = found.mention if found.mention else (None, None)
        c_start, c_end = found.cue if found.cue else (None, None)
        quotes.append(
            Quote(
                start=found.start,
                end=found.end,
                text=text[found.start : found.end],
                kind=found.kind,
                speaker=found.speaker,
                speaker_mention=text[m_start:m_end] if found.mention else None,
                speaker_start=m_start,
                speaker_end=m_end,
                cue=text[c_start:c_end] if found.cue else None,
                cue_start=c_start,
                cue_end=c_end,
                channel=found.channel,
                paragraph=found.paragraph,
                sentence=found.sentence,
                floating=found.floating,
            )
        )
    return quotes
