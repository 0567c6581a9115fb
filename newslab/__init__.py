"""newslab: read a news story with a computer.

Importing newslab is fast and has no side effects: the table and plot functions below are
imported on first use, and the spaCy model loads the first time a function needs it.

Example:
    >>> import newslab
    >>> article = newslab.load_article("trump-russia-cyber")
    >>> newslab.quotes_table(article)[["speaker", "kind", "text"]]
"""

from importlib import import_module
from typing import Any

from newslab.annotations import Annotation, AnnotationSet, load_annotations, save_annotations
from newslab.article import Article, Span, bundled_articles, load_article
from newslab.errors import NewslabError
from newslab.layers import REGISTRY

__version__ = "0.1.0"

# Public functions that need pandas, spaCy or matplotlib: imported when first used.
# Each layer's views come from its registry entry; the rest are listed here.
_LAZY = {
    "analyze": "newslab.analysis",
    "annotate": "newslab.export",
    "sentences_table": "newslab.anatomy",
    "article_summary": "newslab.anatomy",
    **{view: entry.face for entry in REGISTRY for view in entry.views},
    "compare": "newslab.compare",
    "machine_annotations": "newslab.compare",
    "load_gold": "newslab.annotations",
    "report_html": "newslab.report",
    "write_report": "newslab.report",
    "model_info": "newslab.nlp",
}

__all__ = [
    "Annotation",
    "AnnotationSet",
    "Article",
    "NewslabError",
    "Span",
    "__version__",
    "bundled_articles",
    "load_annotations",
    "load_article",
    "save_annotations",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newslab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
