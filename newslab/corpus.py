"""Annotate a whole corpus: the same annotation, mapped over shards of JSON lines with Dask.

Annotating an article is a pure function from its text and publication date to one JSON record
(:func:`annotate_text`): no shared state, no files. So a corpus too big for one machine is a
``map`` over its lines, and Dask runs that map on a laptop's cores, a local cluster, or a cluster
in the cloud (dask-gateway, Kubernetes) with the same code. See ``docs/scaling.md``.

Dask is optional: ``pip install "newslab[scale]"``. Only :func:`read_corpus`, :func:`annotate_bag`
and :func:`annotate_corpus` need it.

Example:
    >>> from dask.distributed import Client, LocalCluster
    >>> from newslab.corpus import annotate_corpus
    >>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
    ...     annotate_corpus("corpus/*.jsonl", "annotated/")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab import errors

if TYPE_CHECKING:
    import dask.bag

SCALE_EXTRA = 'pip install "newslab[scale]"'


def annotate_text(
    text: str, published: str | None = None, *, id: str = "article", title: str | None = None
) -> dict[str, Any]:
    """Annotate one article's text: the ``newslab annotate`` record (schema ``newslab.annotations/1``).

    The same inputs always give the same record, on any machine with the same versions, which is
    what lets Dask run it anywhere.

    Args:
        text: the article body, exactly as given.
        published: its publication date as ``"YYYY-MM-DD"``, if known.
        id: a name for the article.
        title: its title, if known.

    Raises:
        NewslabError: the text or date cannot be used (one sentence saying why).

    Example:
        >>> annotate_text("The mayor said on Tuesday that the bridge would close.", "2025-03-12")["id"]
        'article'
    """
    from newslab.batch import article_from_record, forget
    from newslab.export import annotate

    record = {"id": id, "text": text, "published": published, "title": title}
    article = article_from_record(record, where=f"The article `{id}`")
    try:
        return annotate(article)
    finally:
        forget(article)  # a worker annotates many articles: keep no analysis once its record is made


def annotate_record(record: Any) -> dict[str, Any]:
    """Annotate one JSON-lines record ``{"id", "text", "published"}``; never raises for a bad record.

    Returns:
        The ``newslab annotate`` record, or ``{"id": …, "error": "…"}`` saying why this record
        could not be annotated (so one bad record does not stop a corpus run).
    """
    record_id = record.get("id") if isinstance(record, dict) else None
    try:
        if not isinstance(record, dict):
            raise errors.InvalidInput('The record must be a JSON object like {"id": "a1", "text": "…"}.')
        return annotate_text(
            record.get("text"),  # type: ignore[arg-type]  # checked by article_from_record
            record.get("published"),
            id=str(record_id) if record_id is not None else "article",
            title=record.get("title"),
        )
    except errors.NewslabError as error:
        return {"id": record_id, "error": str(error)}


def annotate_line(line: str) -> dict[str, Any]:
    """Annotate one JSON line (see :func:`annotate_record`); a line that is not JSON gives an error record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"The line is not valid JSON ({exc.msg} at column {exc.colno})."}
    return annotate_record(record)


def read_corpus(
    paths: str | Path | Sequence[str | Path], *, blocksize: int | str | None = None
) -> dask.bag.Bag:
    """A Dask bag of the non-blank lines of JSON-lines files (a glob such as ``"corpus/*.jsonl"`` works).

    Args:
        paths: one path or glob, or a list of them; each file is at least one partition.
        blocksize: cut big files into partitions of about this many bytes (e.g. ``"64MiB"``).
    """
    bag = _dask_bag()
    if isinstance(paths, str | Path):
        paths = [paths]
    lines = bag.read_text([str(p) for p in paths], blocksize=blocksize)
    return lines.filter(lambda line: bool(line.strip()))


def annotate_bag(lines: dask.bag.Bag) -> dask.bag.Bag:
    """Map :func:`annotate_line` over a bag of JSON lines: a bag of annotation (or error) records."""
    return lines.map(annotate_line)


def annotate_corpus(
    paths: str | Path | Sequence[str | Path], output: str | Path, *, blocksize: int | str | None = None
) -> list[str]:
    """Annotate every line of JSON-lines files and write the records as JSON-lines shards.

    Runs on the Dask scheduler in use: a ``dask.distributed.Client`` you created (local cluster,
    dask-gateway, Kubernetes), or Dask's local threads otherwise.

    Args:
        paths: the input files (paths or globs).
        output: a folder for the result shards ``0.jsonl``, ``1.jsonl``… (one per input partition,
            in input order); it must not hold shards already.
        blocksize: cut big input files into partitions of about this many bytes.

    Returns:
        The paths of the shards written.

    Raises:
        FileExists: the output folder already holds ``.jsonl`` files.
    """
    output = Path(output)
    if output.is_dir() and any(output.glob("*.jsonl")):
        raise errors.file_exists(output / "*.jsonl")
    output.mkdir(parents=True, exist_ok=True)
    records = annotate_bag(read_corpus(paths, blocksize=blocksize))
    texts = records.map(lambda record: json.dumps(record, ensure_ascii=False))
    return [str(p) for p in texts.to_textfiles(str(output / "*.jsonl"), encoding="utf-8", last_endline=True)]


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise errors.InvalidInput(
            f"Annotating a corpus with Dask needs the optional extra: run `{SCALE_EXTRA}`."
        ) from None
    return dask.bag
