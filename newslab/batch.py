"""Annotate many articles from JSON lines, streaming: one result out for every line in.

Each input line is a JSON object ``{"id", "text", "published"}`` (``id``, ``published`` and an
optional ``title`` may be left out); its text is taken as the article body, exactly as given.
Each output is the ``newslab annotate`` record of that article (see :mod:`newslab.export`), in the
order of the input lines. A line that cannot be used becomes a :class:`BadLine` with its line
number and a one-sentence reason, and the lines after it are still annotated.

Memory stays the same however many lines there are: articles are read, parsed and written a
few at a time.

Nothing on one line can stop the run: bytes that are not UTF-8, JSON nested too deeply or holding a
number too long to read, a lone surrogate (``"\\ud800"``) in a text, a line of megabytes — each is a
:class:`BadLine`. A worker process that dies (killed, out of memory) does not hang the run either:
the lines it held are named as bad lines and the run goes on with fresh workers.

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
import math
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from newslab import errors
from newslab.jsontext import parse_json

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

BATCH_SIZE = 8
"""Articles handed to spaCy at a time (per process)."""

CHUNK_SIZE = 2
"""With several workers: lines sent to a worker at a time."""

IN_FLIGHT_PER_WORKER = 2
"""With several workers: chunks waiting or in work per worker (bounds what is read ahead)."""

MAX_LINE_BYTES = 4_000_000
"""The longest input line read: room for the longest article the kit takes, JSON-escaped."""

LOST_IN_WORKER = (
    "A worker process stopped (killed, or out of memory) while this line was waiting or in work, "
    "so it was not annotated: annotate it again."
)


@dataclass(frozen=True)
class OverlongLine:
    """An input line longer than ``MAX_LINE_BYTES``, skipped without being kept in memory."""

    length: int


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
    record_id = record_id_of(record)
    if "id" in record and record["id"] is not None and record_id is None:
        raise errors.InvalidInput(
            f'{where} has an "id" that is neither a string nor a number: write it in quotes.'
        )
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise errors.InvalidInput(f'{where} has a "title" that is not a string.')
    surrogate = next((i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"), None)
    if surrogate is not None:
        raise errors.InvalidInput(
            f'{where} has a "text" holding a lone surrogate (\\u{ord(text[surrogate]):04x} at character '
            f"{surrogate}), which is not a character: the text was cut or converted wrongly; export it again as UTF-8."
        )
    check_text(text, where=where, warn=False)
    return Article.from_text(
        text,
        id=record_id if record_id is not None else default_id,
        published=record.get("published"),
        title=title,
    )


def record_json(record: Any, *, indent: int | None = None) -> str:
    """A record as JSON text; a lone surrogate from the input is kept as its ``\\uXXXX`` escape."""
    text = json.dumps(record, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, indent=indent)
    return text


def record_id_of(record: Any) -> str | None:
    """A record's ``id`` as a string: a string as it is, a number as written (``true`` is not an id)."""
    value = record.get("id") if isinstance(record, dict) else None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return None


def read_lines(stream: BinaryIO) -> Iterator[bytes | OverlongLine]:
    """The lines of a binary stream, each at most ``MAX_LINE_BYTES`` (a longer one is skipped, not kept).

    Lines stay bytes so that each is decoded on its own (see :func:`load_json_line`): a line that
    is not UTF-8 is one bad line, not the end of the run.
    """
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            length += len(line)
        yield OverlongLine(length)


def load_json_line(line: str | bytes | OverlongLine, number: int = 1, *, where: str = "The line") -> Any:
    """The JSON value on one input line (bytes are decoded as UTF-8; a BOM on line 1 is dropped).

    Raises:
        InvalidInput: the line is too long, not UTF-8, not JSON, nested too deeply or holds a
            number too long to read (one sentence saying which).
    """
    if isinstance(line, OverlongLine):
        raise errors.InvalidInput(
            f"{where} is {line.length:,} bytes long, more than any article's record "
            f"(the limit is {MAX_LINE_BYTES:,}): split the text into one line per article."
        )
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise errors.InvalidInput(
                f"{where} is not UTF-8 text (byte 0x{exc.object[exc.start]:02X} at byte {exc.start + 1}): "
                "save the file as UTF-8 and try again."
            ) from None
    if number == 1:
        line = line.removeprefix("\ufeff")
    return parse_json(line, where=where, fix="fix or remove it")


def is_blank_line(line: str | bytes | OverlongLine) -> bool:
    """Whether an input line holds nothing (blank lines are skipped, not counted as bad)."""
    return not isinstance(line, OverlongLine) and not line.strip()


def read_line(line: str | bytes | OverlongLine, number: int) -> Article | BadLine | None:
    """Read one JSON line: an article, a :class:`BadLine`, or ``None`` for a blank line."""
    if is_blank_line(line):
        return None
    where = "The line"
    try:
        record = load_json_line(line, number, where=where)
    except errors.NewslabError as error:
        return BadLine(number, str(error))
    try:
        return article_from_record(record, where=where, default_id=f"line-{number}")
    except errors.NewslabError as error:
        return BadLine(number, str(error), record_id_of(record))


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
            core; more workers than the machine has cores are cut to that number, with a
            warning. Starting workers costs at most one model load per session (a few
            seconds); later pools start at once.
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
    cores = _cores()
    if workers > cores:  # more workers than cores gain nothing, and each holds a model in memory
        from newslab.inputs import NewslabWarning

        warnings.warn(
            f"{workers:,} workers asked for, but this machine has {cores} CPU cores: using {cores} workers.",
            NewslabWarning,
            stacklevel=2,
        )
        workers = cores
    numbered = enumerate(lines, start=1)
    if workers == 1:
        results = _annotate_numbered(numbered, batch_size)
    else:
        results = _annotate_in_workers(numbered, workers, batch_size)
    seen: dict[str, int] = {}
    try:
        bar = _progress_bar(progress)
        try:
            for result in results:
                bar.update(1)
                if isinstance(result, dict):
                    _warn_if_seen(result, seen)
                yield result
        finally:
            bar.close()
    finally:
        results.close()  # with workers: stops them, even when the caller stopped early


def _cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def _warn_if_seen(record: dict[str, Any], seen: dict[str, int]) -> None:
    """Warn once per repeated id: two records with one id cannot be told apart downstream."""
    from newslab.inputs import NewslabWarning

    record_id = record.get("id")
    if not isinstance(record_id, str):
        return
    seen[record_id] = seen.get(record_id, 0) + 1
    if seen[record_id] == 2:
        warnings.warn(
            f"The id `{record_id}` is used by more than one line: give every article its own id "
            "so their records can be told apart.",
            NewslabWarning,
            stacklevel=3,
        )


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
    import itertools

    from newslab.nlp import load_model

    nlp = load_model()
    items = _docs_to_parse(numbered, nlp)
    while batch := list(itertools.islice(items, batch_size)):
        try:
            parsed = list(nlp.pipe(batch, as_tuples=True, batch_size=batch_size))
        except Exception:  # one text the model cannot take: parse the batch one by one to find it
            parsed = [_parse_one(nlp, doc, item) for doc, item in batch]
        for doc, item in parsed:
            yield item if isinstance(item, BadLine) else _annotate_parsed(item[0], doc, item[1])


def _parse_one(nlp: Any, doc: Doc, item: Any) -> tuple[Doc, Any]:
    if isinstance(item, BadLine):
        return doc, item
    try:
        return next(iter(nlp.pipe([(doc, item)], as_tuples=True)))
    except Exception as exc:
        article, number = item
        return doc, BadLine(number, _unexpected(exc, "parse"), article.id)


def _unexpected(exc: Exception, step: str) -> str:
    return (
        f"newslab could not {step} this article ({type(exc).__name__}: {str(exc)[:200]}): the other lines "
        "are not affected; please report this line as a bug."
    )


def _annotate_chunk(chunk: list[tuple[int, str]], batch_size: int) -> list[dict[str, Any] | BadLine]:
    """Worker side: annotate a few numbered lines (the model is loaded on the first chunk, then kept)."""
    return list(_annotate_numbered(chunk, batch_size))


def _warm_up_worker() -> None:
    """Worker start: load the spaCy model once, before the first article arrives.

    Ctrl-C is left to the main process (which stops the workers and keeps the finished records),
    and a stop from it ends a worker quietly.
    """
    import signal

    from newslab.nlp import load_model

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    load_model()


def _annotate_in_workers(
    numbered: Iterator[tuple[int, str]], workers: int, batch_size: int
) -> Iterator[dict[str, Any] | BadLine]:
    """Annotate numbered lines in ``workers`` processes, yielding results in input order.

    Lines go out in small chunks; at most ``IN_FLIGHT_PER_WORKER`` chunks per worker are
    waiting or in work at any time, so the input is read only a little ahead of the output.

    When a worker process dies (killed, out of memory), every chunk waiting or in work is lost
    with it: each of their lines becomes a :class:`BadLine` saying so, and the rest of the input
    goes to a fresh set of workers. The run never waits for a worker that is gone.
    """
    import itertools
    from concurrent.futures.process import BrokenProcessPool

    pending: deque = deque()
    pool = _start_pool(workers)
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                chunk = list(itertools.islice(numbered, CHUNK_SIZE))
                if not chunk:
                    break
                try:
                    future = pool.submit(_annotate_chunk, chunk, batch_size)
                except BrokenProcessPool:  # a worker died while none of its work was waiting
                    future = None
                pending.append((chunk, future))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool
                results = future.result()
            except BrokenProcessPool:
                # The chunks after it were lost too, unless they were finished before the worker died.
                results = _lost(chunk)
                for waiting, other in pending:
                    finished = (
                        other is not None
                        and other.done()
                        and not other.cancelled()
                        and other.exception() is None
                    )
                    results += other.result() if finished else _lost(waiting)
                pending.clear()
                _stop_pool(pool)
                pool = _start_pool(workers)
            yield from results
    finally:
        _stop_pool(pool)


def _lost(chunk: list[tuple[int, Any]]) -> list[BadLine]:
    return [BadLine(number, LOST_IN_WORKER) for number, line in chunk if not is_blank_line(line)]


def _start_pool(workers: int) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=_worker_context(), initializer=_warm_up_worker)


def _stop_pool(pool: Any) -> None:
    """Stop a pool's workers now (work in hand is dropped) and wait until they are gone."""
    # ProcessPoolExecutor has no public way to stop workers in the middle of their work before
    # Python 3.14 (terminate_workers), so its table of processes is read here.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
    pool.shutdown(wait=True)


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
    except Exception as exc:  # a fault in one layer on one odd text must not end the whole run
        return BadLine(number, _unexpected(exc, "annotate"), article.id)
    finally:
        forget(article)


def forget(article: Article) -> None:
    """Drop an article's parse from the cache, so a long batch holds only the article in hand."""
    from newslab.nlp import forget as forget_parse

    forget_parse(article)
