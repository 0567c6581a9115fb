"""One article's analysis, computed layer by layer on first use and kept for reuse.

Data flows one way: article → spaCy doc → cast (people) → quotes → timeline and sentiment.
Each layer is a pure function in its own module; :class:`Analysis` only calls them in order and
remembers the results, so a notebook can ask for the cast, then the quotes, without
parsing the article twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article


@dataclass(eq=False)
class Analysis:
    """Every layer of one article's analysis, each computed when first asked for."""

    article: Article

    @cached_property
    def doc(self) -> Doc:
        from newslab.nlp import parse

        return parse(self.article)

    @cached_property
    def cast(self) -> list[Any]:
        """People, organisations and places with their mentions (``newslab.people``)."""
        from newslab.people import find_cast

        return find_cast(self.article, self.doc)

    @cached_property
    def quotes(self) -> list[Any]:
        """Who said what (``newslab.quotes``)."""
        from newslab.quotes import find_quotes

        return find_quotes(self.article, self.doc, self.cast)

    @cached_property
    def timexes(self) -> list[Any]:
        """Time expressions normalised to the publication date (``newslab.timeline``)."""
        from newslab.timeline import find_timexes

        return find_timexes(self.article, self.doc)

    @cached_property
    def events(self) -> list[Any]:
        """Events in chronological order (``newslab.timeline``)."""
        from newslab.timeline import find_events

        return find_events(self.article, self.doc, self.timexes, self.quotes)

    @cached_property
    def sentiment(self) -> Any:
        """Sentiment per sentence, quote, speaker and entity (``newslab.sentiment``)."""
        from newslab.sentiment import analyse_sentiment

        return analyse_sentiment(self.article, self.doc, self.cast, self.quotes)


def analyze(article: Article) -> Analysis:
    """The (cached) analysis of an article: ask it for ``.cast``, ``.quotes``, ``.timexes``…

    The analysis is kept on the article itself, so it lives exactly as long as the article.
    """
    analysis = article.__dict__.get("_analysis")
    if analysis is None:
        analysis = Analysis(article)
        article.__dict__["_analysis"] = analysis  # Article is frozen; this is a cache, not state
    return analysis
