"""One article's analysis, computed layer by layer on first use and kept for reuse.

Data flows one way: article → spaCy doc → cast (people) → quotes → timeline and sentiment.
Each layer is declared once in :data:`newslab.layers.REGISTRY` with what it needs and the pure
function that computes it; :class:`Analysis` only runs those functions in order and remembers
the results, so a notebook can ask for the cast, then the quotes, without parsing the article twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslab.layers import layer, layer_names

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article


@dataclass(eq=False)
class Analysis:
    """Every layer of one article's analysis, each computed when first asked for.

    Ask for a layer by name: ``analysis.cast``, ``.quotes``, ``.timexes``, ``.events``,
    ``.sentiment`` (the names in :data:`newslab.layers.REGISTRY`), or ``analysis.layer("quotes")``.

    Args:
        article: the article.
        records: layers already computed (or made by hand), by name; the others are computed
            from them on demand. A view such as ``quotes_table`` accepts an ``Analysis`` made
            this way, so it can be shown records without running the model.

    Example:
        >>> analysis = Analysis(article, records={"cast": [], "quotes": []})
        >>> analysis.quotes
        []
    """

    article: Article
    records: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.records:
            layer(name)  # an unknown name is a clear error, not a silent extra
        self._computed: dict[str, Any] = dict(self.records)

    @cached_property
    def doc(self) -> Doc:
        """The article's spaCy parse (loads the model on first use)."""
        from newslab.nlp import parse

        return parse(self.article)

    def layer(self, name: str) -> Any:
        """The records of the layer called ``name``, computed (after the layers it needs) on first use.

        Raises:
            LayerError: when there is no layer of that name.
        """
        if name not in self._computed:
            entry = layer(name)
            upstream = [self.layer(need) for need in entry.needs]
            self._computed[name] = entry.engine()(self.article, self.doc, *upstream)
        return self._computed[name]

    def __getattr__(self, name: str) -> Any:
        # Only called for names the class does not define: the registry's layers.
        if name.startswith("_") or name not in layer_names():
            raise AttributeError(f"'Analysis' object has no attribute {name!r}")
        return self.layer(name)


def analyze(article: Article | Analysis) -> Analysis:
    """The (cached) analysis of an article: ask it for ``.cast``, ``.quotes``, ``.timexes``…

    The analysis is kept on the article itself, so it lives exactly as long as the article.
    Given an :class:`Analysis`, returns it unchanged, so every view accepts either.
    """
    if isinstance(article, Analysis):
        return article
    analysis = article.__dict__.get("_analysis")
    if analysis is None:
        analysis = Analysis(article)
        article.__dict__["_analysis"] = analysis  # Article is frozen; this is a cache, not state
    return analysis
