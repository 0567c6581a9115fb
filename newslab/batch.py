"""Annotate many articles from JSON lines, streaming: one result out for every line in.

Each input line is a JSON object ``{"id", "text", "published"}`` (``id``, ``published`` and an
optional ``title`` may be left out); its text is taken as the article body, exactly as given.
Each output is the ``newslab annotate`` record of that article (see :mod:`newslab.export`), in the
order of the input lines. A line that cannot be used becomes a :class:`BadLine` with its line
number and a one-sentence reason, and the lines after it are still annotated.

Memory stays the same however many lines there are: articles are read, parsed and written a
few at a time. With ``workers=2`` spaCy parses in two processes (``nlp.pipe(n_process=2)``);
the people, quotes, timeline and sentiment layers then run in this process.

Example:
    >>> lines = ['{"id": "a1", "text": "The mayor said on Tuesday that the bridge would close."}']
    >>> [record["id"] for record in annotate_jsonl(lines, progress=False)]
    ['a1']
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab import errors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

BATCH_SIZE = 8
"""Articles handed to spaCy at a time (per process)."""


@dataclass(frozen=True)
class BadLine:
    """An input line that could not be annotated: its number (from 1) and why (one sentence)."""

    number: int
    message: str
    id: str | None = None

    def __str__(self) -> str:
        return f"line {self.number}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"line": self.number, "id": self.id, "error": self.message}


def article_from_record(record: Any, *, where: str = "The record", default_id: str = "article") -> Article:
    """Make an article from one JSON-lines record ``{"id", "text", "published", "title"}``.

    The text is the article body exactly as given (no outlet line or credit is looked for).

    Raises:
        InvalidInput, EmptyArticle, InvalidDate: the record cannot be used, with one sentence saying why.
    """
    from newslab.article import Article
    from newslab.inputs import check_text

    if not isinstance(record, dict):
        raise errors.InvalidInput(f'{where} must be a JSON object like {{"id": "a1", "text": "…"}}.')
    text = record.get("text")
    if not isinstance(text, str):
        raise errors.InvalidInput(f'{where} needs a "text" field holding the article as a string.')
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        raise errors.InvalidInput(f'{where} has an "id" that is neither a string nor a number.')
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise errors.InvalidInput(f'{where} has a "title" that is not a string.')
    check_text(text, where=where, warn=False)
    return Article.from_text(
        text,
        id=str(record_id) if record_id is not None else default_id,
        published=record.get("published"),
        title=title,
    )


def read_line(line: str, number: int) -> Article | BadLine | None:
    """Read one JSON line: an article, a :class:`BadLine`, or ``None`` for a blank line."""
    if not line.strip():
        return None
    where = "The line"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(
            number, f"{where} is not valid JSON ({exc.msg} at column {exc.colno}): fix or remove it."
        )
    record_id = str(record["id"]) if isinstance(record, dict) and "id" in record else None
    try:
        return article_from_record(record, where=where, default_id=f"line-{number}")
    except errors.NewslabError as error:
        return BadLine(number, str(error), record_id)


def annotate_jsonl(
    lines: Iterable[str],
    *,
    workers: int = 1,
    progress: bool = True,
    batch_size: int = BATCH_SIZE,
) -> Iterator[dict[str, Any] | BadLine]:
    """Annotate JSON lines of articles one after another, yielding a result per non-blank line.

    Args:
        lines: JSON lines (a file opened as text, ``sys.stdin``, or a list of strings).
        workers: processes spaCy parses in (``nlp.pipe(n_process=workers)``).
        progress: show a progress bar (tqdm) on standard error.
        batch_size: articles handed to spaCy at a time.

    Yields:
        For each non-blank line, in input order: the article's ``newslab annotate`` record (a dict),
        or a :class:`BadLine` saying which line could not be used and why.

    Raises:
        InvalidInput: ``workers`` is less than 1.

    Example:
        >>> for result in annotate_jsonl(open("articles.jsonl"), workers=2):
        ...     print(result if isinstance(result, BadLine) else result["id"])
    """
    if workers < 1:
        raise errors.InvalidInput("workers must be 1 or more.")
    from tqdm.auto import tqdm

    from newslab.nlp import load_model

    nlp = load_model()
    items = _docs_to_parse(lines, nlp)
    parsed = nlp.pipe(items, as_tuples=True, n_process=workers, batch_size=batch_size)
    bar = tqdm(desc="newslab", unit=" articles", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    try:
        for doc, item in parsed:
            bar.update(1)
            yield item if isinstance(item, BadLine) else _annotate_parsed(item[0], doc, item[1])
    finally:
        bar.close()


def _docs_to_parse(lines: Iterable[str], nlp: Any) -> Iterator[tuple[Doc, Any]]:
    """(unparsed doc, context) pairs; a bad line travels as an empty doc so the order is kept."""
    from newslab.nlp import make_doc

    for number, line in enumerate(lines, start=1):
        result = read_line(line, number)
        if result is None:
            continue
        if isinstance(result, BadLine):
            yield nlp.make_doc(""), result
        else:
            yield make_doc(result.text, tuple(p.start for p in result.paragraphs)), (result, number)


def _annotate_parsed(article: Article, doc: Doc, number: int) -> dict[str, Any] | BadLine:
    from newslab.export import annotate

    from newslab.nlp import remember

    remember(article, doc)
    try:
        return annotate(article)
    except errors.NewslabError as error:
        return BadLine(number, str(error), article.id)
    finally:
        forget(article)


def forget(article: Article) -> None:
    """Drop an article's parse from the cache, so a long batch holds only the article in hand."""
    from newslab.nlp import forget as forget_parse

    forget_parse(article)
