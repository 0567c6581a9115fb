"""Annotate many articles from JSON lines, streaming: one result out for every line in.

Each input line is a JSON object ``{"id", "text", "published"}`` (``id``, ``published`` and an
optional ``title`` may be left out); its text is taken as the article body, exactly as given.
Each output is the ``newslab annotate`` record of that article (see :mod:`newslab.export`), in the
order of the input lines. A line that cannot be used becomes a :class:`BadLine` with its line
number and a one-sentence reason, and the lines after it are still annotated.

Memory stays the same however many lines there are: articles are read, parsed and written a
few at a time.

With ``workers=1`` everything runs in this process: spaCy parses a few articles at a time
(``nlp.pipe``) and the people, quotes, timeline and sentiment layers follow. With ``workers=N``
(N ≥ 2) *whole articles* go to N worker processes, which start with the spaCy model already
loaded (they are copies of a process that loaded it once) and parse and annotate their
articles exactly as ``workers=1`` does; results come back in input order. spaCy's own
``nlp.pipe(n_process=N)`` is not used for this: it would parallelise only the parsing, and every
layer after it would still run, article after article, in this one process.

Example:
    >>> lines = ['{"id": "a1", "text": "The mayor said on Tuesday that the bridge would close."}']
    >>> [record["id"] for record in annotate_jsonl(lines, progress=False)]
    ['a1']
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab import errors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

BATCH_SIZE = 8
"""Articles handed to spaCy at a time (per process)."""

CHUNK_SIZE = 2
"""With several workers: lines sent to a worker at a time."""

IN_FLIGHT_PER_WORKER = 2
"""With several workers: chunks waiting or in work per worker (bounds what is read ahead)."""


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
        workers: processes to annotate in. ``1`` works in this process; ``N`` ≥ 2 starts N worker
            processes that parse *and* annotate whole articles, so every layer runs in parallel,
            not only spaCy's parsing (which is all ``nlp.pipe(n_process=N)`` would spread out).
            Worth it for more than a handful of articles and at most one worker per free CPU
            core. Starting workers costs at most one model load per session (a few seconds);
            later pools start at once.
        progress: show a progress bar (tqdm) on standard error.
        batch_size: articles handed to spaCy at a time (in each process).

    Yields:
        For each non-blank line, in input order: the article's ``newslab annotate`` record (a dict),
        or a :class:`BadLine` saying which line could not be used and why. The records are the
        same whatever the number of workers.

    Raises:
        InvalidInput: ``workers`` is less than 1.

    Example:
        >>> for result in annotate_jsonl(open("articles.jsonl"), workers=2):
        ...     print(result if isinstance(result, BadLine) else result["id"])
    """
    if workers < 1:
        raise errors.InvalidInput("workers must be 1 or more.")
    numbered = enumerate(lines, start=1)
    pool = None
    if workers == 1:
        results = _annotate_numbered(numbered, batch_size)
    else:
        pool = _worker_context().Pool(workers, initializer=_warm_up_worker)
        results = _annotate_in_workers(numbered, pool, workers, batch_size)
    try:
        bar = _progress_bar(progress)
        try:
            for result in results:
                bar.update(1)
                yield result
        finally:
            bar.close()
    finally:
        results.close()
        if pool is not None:  # already closed when all went well; this covers an early failure
            pool.terminate()


def _progress_bar(show: bool) -> Any:
    """A tqdm progress bar on standard error, counting articles."""
    from tqdm.auto import tqdm

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: a process with a second thread cannot fork workers

    return Bar(desc="newslab", unit=" articles", file=sys.stderr, disable=not show, dynamic_ncols=True)


def _annotate_numbered(
    numbered: Iterable[tuple[int, str]], batch_size: int = BATCH_SIZE
) -> Iterator[dict[str, Any] | BadLine]:
    """Annotate (line number, line) pairs in this process, in order (the whole work of one worker)."""
    from newslab.nlp import load_model

    nlp = load_model()
    items = _docs_to_parse(numbered, nlp)
    for doc, item in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield item if isinstance(item, BadLine) else _annotate_parsed(item[0], doc, item[1])


def _annotate_chunk(chunk: list[tuple[int, str]], batch_size: int) -> list[dict[str, Any] | BadLine]:
    """Worker side: annotate a few numbered lines (the model is loaded on the first chunk, then kept)."""
    return list(_annotate_numbered(chunk, batch_size))


def _warm_up_worker() -> None:
    """Worker start: load the spaCy model once, before the first article arrives."""
    from newslab.nlp import load_model

    load_model()


def _annotate_in_workers(
    numbered: Iterator[tuple[int, str]], pool: Any, workers: int, batch_size: int
) -> Iterator[dict[str, Any] | BadLine]:
    """Annotate numbered lines in a pool of ``workers`` processes, yielding results in input order.

    Lines go out in small chunks; at most ``IN_FLIGHT_PER_WORKER`` chunks per worker are
    waiting or in work at any time, so the input is read only a little ahead of the output.
    """
    import itertools

    pending: deque = deque()
    finished = False
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                chunk = list(itertools.islice(numbered, CHUNK_SIZE))
                if not chunk:
                    break
                pending.append(pool.apply_async(_annotate_chunk, (chunk, batch_size)))
            if not pending:
                break
            yield from pending.popleft().get()
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # the caller stopped early or something failed: stop the workers now
            pool.terminate()
        pool.join()


def _worker_context() -> Any:
    """How worker processes start: as copies of a process that has the spaCy model loaded.

    - On Linux, when this process runs no other thread (a script, the CLI), the workers are
      forked from it once it has loaded the model: they start in a fraction of a second.
    - Otherwise (a notebook kernel runs threads, and forking a threaded process can hang) they
      are forked from a fork server: one fresh, single-threaded process that loads the model once
      and stays until this process ends, so only the first pool of a session waits for it.
    - Where neither exists (Windows) each worker is a fresh interpreter that loads its own model.
    """
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        from newslab.nlp import load_model

        load_model()
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newslab._worker_model"])
        return context
    return multiprocessing.get_context("spawn")


def _docs_to_parse(numbered: Iterable[tuple[int, str]], nlp: Any) -> Iterator[tuple[Doc, Any]]:
    """(unparsed doc, context) pairs; a bad line travels as an empty doc so the order is kept."""
    from newslab.nlp import make_doc

    for number, line in numbered:
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
