"""newslab: read a news story with a computer.

Importing newslab is fast and has no side effects: the spaCy model loads the first time a
function needs it.

Example:
    >>> import newslab
    >>> article = newslab.load_article("trump-russia-cyber")
    >>> newslab.sentences_table(article).head()
"""

from newslab.annotations import Annotation, AnnotationSet, load_annotations, save_annotations
from newslab.article import Article, Span, bundled_articles, load_article
from newslab.errors import NewslabError

__version__ = "0.1.0"

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
]
