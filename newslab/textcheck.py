"""Checks on a text before it is analysed: is it an article at all, and is it English?

The kit's models read English news. These checks catch the inputs that would otherwise give
confusing results instead of an error:

- a web page saved as text (HTML markup) is refused with a sentence that says to paste the
  article's text instead (newslab does not strip HTML: menus, adverts and scripts would end up
  in the "article", and the offsets would no longer point into the page you gave);
- a text far longer than any news article is refused before the model spends minutes on it;
- a text that does not look like English gets a :class:`NewslabWarning`, not an error: the
  analysis still runs, but its results should not be trusted.

Example:
    >>> from newslab.inputs import check_text
    >>> check_text("The mayor said on Tuesday that the bridge would close.")
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from newslab import errors

if TYPE_CHECKING:
    pass

MAX_CHARS = 200_000
"""The longest text the kit analyses (about 33,000 words, several times the longest feature)."""

MIN_WORDS_FOR_LANGUAGE = 20
ENGLISH_SHARE = 0.15
"""Below this share of common English words (with at least ``MIN_WORDS_FOR_LANGUAGE`` words), warn."""

# The commonest English function words; in English news they make up 35–50 % of the words.
ENGLISH_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "last",
        "more",
        "most",
        "my",
        "new",
        "no",
        "not",
        "of",
        "on",
        "one",
        "or",
        "our",
        "out",
        "over",
        "said",
        "says",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|span|p|a|script|style|meta|link|br|img|table|tr|td|ul|ol|li|h[1-6]|"
    r"header|footer|nav|section|article|figure|iframe|form|input|button)\b[^<>]{0,500}>",
    re.I,
)


class NewslabWarning(UserWarning):
    """Something about the input that makes the results less trustworthy, though they were computed."""


def check_text(text: str, *, where: str = "The article", warn: bool = True) -> None:
    """Refuse HTML pages and overlong texts; warn when the text does not look like English.

    Call it before analysing a text (the loaders and the command line do).

    Args:
        text: the article's text.
        where: how to name the input in a message, e.g. ``"`notes.txt`"`` or ``"Line 7"``.
        warn: also warn when the text does not look like English (see :func:`language_note`).

    Raises:
        NotArticleText: the text is an HTML page, or far longer than a news article.

    Example:
        >>> check_text("<!DOCTYPE html><html><body>News</body></html>")  # raises NotArticleText
    """
    if looks_like_html(text):
        raise NotArticleText(
            f"{where} looks like a web page (HTML), not an article's text: open the page in a browser, "
            "copy the article's text (title and paragraphs) into a .txt file, and try again."
        )
    if len(text) > MAX_CHARS:
        raise NotArticleText(
            f"{where} is {len(text):,} characters long, far more than a news article (the limit is "
            f"{MAX_CHARS:,}): split it into one text per article, e.g. one JSON line each for "
            "`newslab annotate --jsonl`."
        )
    note = language_note(text, where=where) if warn else None
    if note:
        warnings.warn(note, NewslabWarning, stacklevel=2)


class NotArticleText(errors.InvalidInput):
    """Text that is not an article's text: an HTML page, or far longer than any news story."""


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page (or a large piece of one) rather than an article's text.

    An article that *mentions* a tag, such as ``<script>``, is still text: it takes a document
    that starts like a web page, or many tags that make up a good part of the text.

    Example:
        >>> looks_like_html("<html><body><p>Hello</p></body></html>")
        True
        >>> looks_like_html("The hackers hid a <script> tag in the page, police said.")
        False
    """
    if _HTML_START.match(text[:2000]):
        return True
    tags = _HTML_TAG.findall(text)
    return len(tags) >= 8 and sum(map(len, tags)) >= 0.05 * len(text)


def english_share(text: str) -> tuple[float, int]:
    """The share of a text's words that are common English words, and how many words it has.

    Example:
        >>> english_share("The bridge will close on Tuesday, the mayor said.")[0] > 0.3
        True
    """
    words = [word.lower() for word in _WORD.findall(text[:200_000])]
    if not words:
        return 0.0, 0
    return sum(word in ENGLISH_STOP_WORDS for word in words) / len(words), len(words)


def language_note(text: str, *, where: str = "The article") -> str | None:
    """A one-sentence warning when the text does not look like English, else ``None``.

    Texts too short to judge (fewer than ``MIN_WORDS_FOR_LANGUAGE`` words) get no warning.
    """
    share, words = english_share(text)
    if words < MIN_WORDS_FOR_LANGUAGE or share >= ENGLISH_SHARE:
        return None
    return (
        f"{where} does not look like English (only {share:.0%} of its words are common English words): "
        "newslab's models read English news, so expect its people, quotes and dates to be wrong."
    )
