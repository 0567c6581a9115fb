"""Choosing the article to analyse in notebook 07: an uploaded file, pasted text or a practice article.

The checks on a text (``check_text``, ``looks_like_html``, ``language_note``…) live in
:mod:`newslab.textcheck`, below :class:`~newslab.article.Article`; they can be imported from here too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newslab.textcheck import (
    ENGLISH_SHARE,
    ENGLISH_STOP_WORDS,
    MAX_CHARS,
    MIN_WORDS_FOR_LANGUAGE,
    NewslabWarning,
    NotArticleText,
    check_text,
    english_share,
    language_note,
    looks_like_html,
)

if TYPE_CHECKING:
    from newslab.article import Article

__all__ = [
    "ENGLISH_SHARE",
    "ENGLISH_STOP_WORDS",
    "MAX_CHARS",
    "MIN_WORDS_FOR_LANGUAGE",
    "NewslabWarning",
    "NotArticleText",
    "article_from_upload",
    "check_text",
    "choose_article",
    "english_share",
    "language_note",
    "looks_like_html",
]

# ---------------------------------------------------------------- a student's own article


def article_from_upload(value: Any, *, published: str | None = None) -> Article | None:
    """The article in a ``FileUpload`` widget's value (ipywidgets 8), or ``None`` if nothing was uploaded.

    Args:
        value: ``upload.value`` — a tuple of dicts with ``name`` and ``content``.
        published: the publication date as ``"YYYY-MM-DD"``, if known.

    Raises:
        NotATextFile, EmptyArticle, NotArticleText, InvalidDate: the file cannot be used as an article.

    Example:
        >>> upload = ipywidgets.FileUpload(accept=".txt")
        >>> article = article_from_upload(upload.value, published="2025-03-12")  # None until a file is chosen
    """
    from newslab.article import Article, decode_text

    files = list(value or ())
    if not files:
        return None
    file = files[-1]
    name = str(file.get("name") or "upload.txt")
    text = decode_text(bytes(file.get("content") or b""), where=f"`{name}`")
    check_text(text, where=f"`{name}`")
    return Article.from_text(text, id=_stem(name), published=published or None, layout=True)


def choose_article(
    *,
    text: str = "",
    upload: Any = None,
    published: str | None = None,
    fallback: str = "millbrook-bridge-closure",
) -> Article:
    """The article to analyse in notebook 07: an uploaded file, else pasted text, else a practice article.

    Args:
        text: text pasted into the notebook (ignored when blank).
        upload: a ``FileUpload`` widget (or its ``value``); a file uploaded there wins over pasted text.
        published: the publication date as ``"YYYY-MM-DD"`` (blank: unknown, or the practice article's own).
        fallback: the bundled article to use when nothing was given.

    Raises:
        NewslabError: the upload or the text cannot be used (one sentence saying why).

    Example:
        >>> choose_article(text="The mayor said on Tuesday that the bridge would close.", published="2025-03-12").id
        'my-article'
    """
    from newslab.article import Article, load_article

    value = getattr(upload, "value", upload)
    article = article_from_upload(value, published=published)
    if article is not None:
        return article
    if text and text.strip():
        check_text(text, where="The pasted text")
        return Article.from_text(text, id="my-article", published=published or None, layout=True)
    return load_article(fallback, published=published or None)


def _stem(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".txt") else stem
    return re.sub(r"[^\w.-]+", "-", stem).strip("-") or "upload"
