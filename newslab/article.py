"""The article: its text exactly as read, its metadata, and its paragraphs and sentences.

Every span in the kit is a pair of character offsets into ``Article.text``, so
``article.text[span.start:span.end]`` is always the span's text.

Example:
    >>> from newslab import load_article
    >>> article = load_article("trump-russia-cyber")
    >>> article.title
    'Trump Backs Away From Working With Russia On Cybersecurity'
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from newslab import errors
from newslab.jsontext import parse_json

ARTICLES_DIR_NAME = "articles"
_BOM = b"\xef\xbb\xbf"

# Paragraphs are separated by a blank line; text without any blank line has one paragraph per line.
# A line ends with \n (Unix), \r\n (Windows) or a lone \r (old Mac files), never \r then \n apart.
_EOL = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINE = re.compile(_EOL + r"[ \t\f\v]*(?:" + _EOL + r"[ \t\f\v]*)+")
_LINE_BREAK = re.compile(_EOL)
# Characters that show nothing: a text made only of these and white space is empty.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), " ")
_CREDIT = re.compile(r"^\(([^()\n]{1,80})\)$")
_SIDECAR_KEYS = {"title", "outlet", "credit", "language", "published", "note", "source", "licence", "id"}
BIG_FILE_CHARS = 64_000_000
"""The most characters the kit reads from an annotation or export file (an article: ``MAX_CHARS``)."""


@dataclass(frozen=True)
class Span:
    """A stretch of the article's text: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Article:
    """A news article: text exactly as read plus what we know about it.

    Attributes:
        id: a short name for the article (the file name without ``.txt``).
        text: the whole text as read, outlet line, title and credit included.
        body: where the story itself starts and ends in ``text``.
        paragraphs: the body's paragraphs, as spans of ``text``.
        title, outlet, credit: from the text's layout or the sidecar file, else ``None``.
        published: the publication date, or ``None`` when unknown.
        language: the article's language code (``"en"`` unless the sidecar says otherwise).
        meta: everything the sidecar file holds.
    """

    id: str
    text: str
    body: Span
    paragraphs: tuple[Span, ...]
    title: str | None = None
    outlet: str | None = None
    credit: str | None = None
    published: dt.date | None = None
    language: str = "en"
    meta: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        id: str = "article",
        published: dt.date | str | None = None,
        title: str | None = None,
        layout: bool = False,
        where: str = "The article text",
    ) -> Article:
        """Make an article from a string, for example one pasted into a notebook.

        Args:
            text: the article's text; it is kept exactly as given.
            id: a short name for it.
            published: its publication date (``date`` or ``"YYYY-MM-DD"``), if known.
            title: its title, if known.
            layout: also look for the seed layout (outlet line, title, credit in parentheses).
            where: how to name the text in an error message, e.g. "`notes.txt`".

        Raises:
            EmptyArticle: if the text holds nothing but white space.
            NotArticleText: if it is an HTML page or far longer than any news article.

        A text that does not look like English is analysed, with a ``NewslabWarning``.
        """
        if not isinstance(text, str):
            raise errors.InvalidInput(f"The article text must be a string, not {type(text).__name__}.")
        if is_blank(text):
            raise errors.empty_file(where)
        from newslab.textcheck import check_text

        check_text(text, where=where)
        paragraphs = split_paragraphs(text)
        outlet = credit = None
        if layout:
            outlet, layout_title, credit, paragraphs = _parse_layout(text, paragraphs)
            title = title or layout_title
        body = Span(paragraphs[0].start, paragraphs[-1].end)
        return cls(
            id=id,
            text=text,
            body=body,
            paragraphs=tuple(paragraphs),
            title=title,
            outlet=outlet,
            credit=credit,
            published=parse_date(published),
        )

    def span_text(self, span: Span) -> str:
        """The text of a span of this article."""
        return self.text[span.start : span.end]

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The body's sentences as spans (found by the spaCy model, never across paragraphs)."""
        from newslab.nlp import parse

        doc = parse(self)
        spans: list[Span] = []
        opening: int | None = None  # where a stray opening mark waits for the sentence it opens
        for sent in doc.sents:
            start, end = _strip(self.text, sent.start_char, sent.end_char)
            if not (start < end and self.body.start <= start and end <= self.body.end):
                continue
            if opening is not None and self.paragraph_of(opening) == self.paragraph_of(start):
                start = opening
            opening = None
            if _only_punctuation(self.text[start:end]):
                # a stray mark: an opening one ('"We…') goes with the sentence after it, a closing one
                # ('…cabin."') with the sentence before it, never across a paragraph break
                opens = end < len(self.text) and not self.text[end].isspace()
                same_paragraph = spans and self.paragraph_of(spans[-1].start) == self.paragraph_of(start)
                if opens or not same_paragraph:
                    opening = start
                    continue
                spans[-1] = Span(spans[-1].start, end)
            else:
                spans.append(Span(start, end))
        if opening is not None:
            spans.append(Span(opening, end))  # nothing followed it: keep it rather than lose text
        return tuple(spans)

    def paragraph_of(self, offset: int) -> int:
        """The number (from 0) of the paragraph an offset falls in, or -1 outside the body."""
        for number, paragraph in enumerate(self.paragraphs):
            if paragraph.start <= offset < paragraph.end:
                return number
        return -1


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """Read a publication date given as ``date``, ``"YYYY-MM-DD"`` or ``None``.

    Raises:
        InvalidDate: for anything else, such as ``"10/07/2017"`` or ``"2017-02-30"``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise errors.bad_date(value)


def split_paragraphs(text: str) -> list[Span]:
    """Cut text into paragraphs at blank lines (or at line breaks, if it has no blank line)."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    spans, position = [], 0
    for match in separator.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    paragraphs = []
    for start, end in spans:
        start, end = _strip(text, start, end)
        if start < end:
            paragraphs.append(Span(start, end))
    return paragraphs


def is_blank(text: str) -> bool:
    """Whether a text holds nothing to read: only white space and invisible (zero-width) characters."""
    return not text.translate(_INVISIBLE).strip()


def _only_punctuation(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _parse_layout(text: str, paragraphs: list[Span]) -> tuple[str | None, str | None, str | None, list[Span]]:
    """Find the seed layout: an outlet line, a title, the body, and a credit in parentheses."""
    outlet = title = credit = None
    body = list(paragraphs)
    if len(body) >= 2:
        match = _CREDIT.match(text[body[-1].start : body[-1].end])
        if match:
            credit = match.group(1).strip()
            body = body[:-1]
    if len(body) >= 3 and _looks_like_heading(text[body[0].start : body[0].end], max_words=3):
        if _looks_like_heading(text[body[1].start : body[1].end], max_words=25):
            outlet = text[body[0].start : body[0].end]
            title = text[body[1].start : body[1].end]
            body = body[2:]
    elif len(body) >= 2 and _looks_like_heading(text[body[0].start : body[0].end], max_words=25):
        title = text[body[0].start : body[0].end]
        body = body[1:]
    return outlet, title, credit, body


def _looks_like_heading(line: str, *, max_words: int) -> bool:
    words = line.split()
    return (
        0 < len(words) <= max_words and "\n" not in line and not line.rstrip().endswith((".", "”", '"', ":"))
    )


# ---------------------------------------------------------------- reading files


def articles_dir() -> Path:
    """The folder of the articles that come with the kit (``data/articles`` in the repository)."""
    from newslab.article_folders import kit_articles_dir

    return kit_articles_dir()


def bundled_articles() -> list[str]:
    """The names of the articles that can be loaded by name, sorted (see ``newslab.article_folders``)."""
    from newslab.article_folders import article_names

    return article_names()


def name_of(path: Path) -> str:
    """An article's default id: its file name without the extension, as text.

    Bytes of the name that are not UTF-8 become U+FFFD, so the id can always be written out.
    """
    return os.fsencode(path.stem).decode("utf-8", errors="replace")


def read_text_file(path: Path, *, max_chars: int | None = None) -> str:
    """Read a text file as UTF-8 (a BOM is allowed and dropped), refusing binary or other encodings.

    At most ``max_chars`` characters (default: the longest article the kit takes,
    ``newslab.textcheck.MAX_CHARS``) are read: a longer file is refused without reading the rest.

    Raises:
        SourceNotFound, NotATextFile, EmptyArticle, NotArticleText: with a sentence that says what to do.
    """
    if not path.exists():
        raise errors.missing_path(path)
    if path.is_dir():
        raise errors.is_directory(path)
    where = f"`{path}`"
    try:
        with path.open("rb") as stream:
            data = read_limited(stream, where=where, max_chars=max_chars)
    except OSError as exc:
        raise errors.NotATextFile(f"{where} cannot be read ({(exc.strerror or str(exc)).lower()}).") from None
    return decode_text(data, where=where)


def read_limited(stream: BinaryIO, *, where: str = "The input", max_chars: int | None = None) -> bytes:
    """Read bytes from a file or stream, but never more than ``max_chars`` characters of UTF-8 can take.

    A longer input (a 300 MB file, a link to ``/dev/zero``) is refused after reading that much, in
    a fraction of a second, instead of growing until memory runs out.

    Raises:
        NotATextFile: the start of the input is binary or not UTF-8.
        NotArticleText: there is more than ``max_chars`` characters of text.
    """
    from newslab.textcheck import MAX_CHARS, NotArticleText

    max_chars = MAX_CHARS if max_chars is None else max_chars
    limit = 4 * (max_chars + 1) + 3  # a UTF-8 character takes at most 4 bytes; a BOM 3
    data = stream.read(limit)
    if len(data) < limit or not stream.read(1):
        return data
    sample = data[:4096]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise errors.binary_file(where)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data.removeprefix(_BOM), final=False)
    except UnicodeDecodeError as exc:
        raise errors.not_utf8(where, exc.object[exc.start], exc.start) from None
    if max_chars != MAX_CHARS:
        raise NotArticleText(f"{where} is longer than {max_chars:,} characters: is it the right file?")
    raise NotArticleText(
        f"{where} is longer than {MAX_CHARS:,} characters, far more than a news article: split it into one text per article, e.g. one JSON line each for "
        "`newslab annotate --jsonl`."
    )


def decode_text(data: bytes, *, where: str = "The input") -> str:
    """Decode bytes as UTF-8 text (a BOM is dropped); refuse binary data and other encodings."""
    if data.startswith(_BOM):
        data = data[3:]
    if _looks_like_utf16(data):
        raise errors.NotATextFile(
            f"{where} is UTF-16 text: convert it to UTF-8 (in most editors: Save As… → Encoding: UTF-8) "
            "and try again."
        )
    if not data.strip():
        raise errors.empty_file(where)
    if b"\x00" in data[:4096] or _control_share(data[:4096]) > 0.05:
        raise errors.binary_file(where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.not_utf8(where, data[exc.start], exc.start) from None
    if is_blank(text):
        raise errors.empty_file(where)
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 (what Windows Notepad calls "Unicode"): a UTF-16 BOM, or a NUL in every other byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    # Text in the Latin alphabet has a NUL in (nearly) every other byte; binary files are less regular.
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9


def _control_share(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def read_sidecar(path: Path, *, article: Path | None = None) -> dict:
    """Read the JSON metadata file beside an article (``name.json``), or ``{}`` if there is none.

    An empty file, or one holding the kit's own output (``newslab annotate story.txt > story.json``
    makes exactly that), is not metadata: it is ignored.

    Args:
        path: the sidecar, e.g. ``story.json``.
        article: the article it belongs to, named in error messages.

    Raises:
        InvalidInput: the file is not a JSON object of known fields holding strings.
    """
    if not path.is_file():
        return {}
    where = f"`{path}` (the metadata file of `{article}`)" if article else f"`{path}`"
    try:
        with path.open("rb") as stream:
            data = read_limited(stream, where=where)
    except OSError as exc:
        raise errors.InvalidInput(
            f"{where} cannot be read ({(exc.strerror or str(exc)).lower()}): fix its permissions or remove it."
        ) from None
    if not data.strip():
        return {}
    text = decode_text(data, where=where)
    meta = parse_json(text, where=where, fix="fix it or remove it")
    if isinstance(meta, dict) and str(meta.get("schema", "")).startswith("newslab."):
        return {}  # the kit's own output saved beside the article, not metadata about it
    if not isinstance(meta, dict):
        raise errors.InvalidInput(
            f"{where} must hold one JSON object with fields such as title and published."
        )
    unknown = sorted(set(meta) - _SIDECAR_KEYS)
    if unknown:
        raise errors.InvalidInput(
            f"{where} has unknown fields {unknown}: the fields it may have are {sorted(_SIDECAR_KEYS)}."
        )
    for key in sorted(meta):
        if meta[key] is not None and not isinstance(meta[key], str):
            raise errors.InvalidInput(
                f'{where} has a "{key}" that is not a string ({json.dumps(meta[key])[:40]}): '
                f'write it in quotes, e.g. "{key}": "…".'
            )
        if isinstance(meta[key], str) and any("\ud800" <= c <= "\udfff" for c in meta[key]):
            raise errors.InvalidInput(
                f'{where} has a "{key}" holding a lone surrogate (a \\ud800-\\udfff escape), which is not a '
                "character: write the text itself."
            )
    return meta


def load_article(
    source: str | Path,
    *,
    published: dt.date | str | None = None,
    id: str | None = None,
) -> Article:
    """Load an article: a bundled one by name, or any ``.txt`` file (with its optional ``.json`` sidecar).

    The seed layout (outlet line, title, body paragraphs, credit in parentheses) is recognised
    when present; other text is all body. The sidecar's fields (title, outlet, credit, language,
    published) win over the layout.

    Args:
        source: a bundled name such as ``"trump-russia-cyber"`` or the path of a text file.
        published: the publication date, overriding the sidecar's.
        id: a name for the article (default: the file name without ``.txt``).

    Raises:
        SourceNotFound: no such file or bundled article (the message lists the bundled ones).
        NotATextFile, EmptyArticle, InvalidDate: the file or date cannot be used as it is.
    """
    path = Path(source)
    if not path.exists() and isinstance(source, str) and "/" not in source and "\\" not in source:
        from newslab.article_folders import find_article

        name = source[:-4] if source.endswith(".txt") else source
        bundled = find_article(name)
        if bundled is None:
            if source.endswith(".txt"):
                raise errors.missing_path(source)
            raise errors.unknown_article(source, bundled_articles())
        path = bundled
    text = read_text_file(path)
    meta = read_sidecar(path.with_suffix(".json"), article=path)
    article = Article.from_text(
        text, id=id or meta.get("id") or name_of(path), layout=True, where=f"`{path}`"
    )
    return Article(
        id=article.id,
        text=text,
        body=article.body,
        paragraphs=article.paragraphs,
        title=meta.get("title", article.title),
        outlet=meta.get("outlet", article.outlet),
        credit=meta.get("credit", article.credit),
        published=parse_date(published) if published is not None else parse_date(meta.get("published")),
        language=meta.get("language", "en"),
        meta=meta,
    )
