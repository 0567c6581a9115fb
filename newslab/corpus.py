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
    from newslab.batch import article_from_record, forget, record_id_of
    from newslab.export import annotate

    record_id = record_id_of(record)
    try:
        article = article_from_record(record, where=f"The article `{record_id or 'article'}`")
        try:
            return annotate(article)
        finally:
            forget(article)
    except errors.NewslabError as error:
        return {"id": record_id, "error": str(error)}
    except Exception as exc:  # a fault on one odd text must not end a corpus run
        return {
            "id": record_id,
            "error": f"newslab could not annotate this article ({type(exc).__name__}): please report it.",
        }


def annotate_line(line: str) -> dict[str, Any]:
    """Annotate one JSON line (see :func:`annotate_record`); a line that cannot be read gives an error record.

    Never raises for a bad line: bytes that are not UTF-8 (read as lone surrogates, see
    :func:`read_corpus`), JSON that is not valid, nested too deeply or holding a number too long to
    read each give ``{"id": None, "error": "…"}``.
    """
    from newslab.batch import load_json_line

    bad_byte = next((c for c in line if "\udc80" <= c <= "\udcff"), None)
    if bad_byte is not None:
        return {
            "id": None,
            "error": f"The line is not UTF-8 text (byte 0x{ord(bad_byte) - 0xDC00:02X}): save the file as UTF-8.",
        }
    try:
        record = load_json_line(line)
    except errors.NewslabError as error:
        return {"id": None, "error": str(error)}
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
    # Bytes that are not UTF-8 become lone surrogates, so that one such line is an error record
    # (see annotate_line) instead of the end of its whole partition.
    lines = bag.read_text([str(p) for p in paths], blocksize=blocksize, errors="surrogateescape")
    return lines.filter(lambda line: bool(line.strip()))


def annotate_bag(lines: dask.bag.Bag) -> dask.bag.Bag:
    """Map :func:`annotate_line` over a bag of JSON lines: a bag of annotation (or error) records."""
    return lines.map(annotate_line)


def annotate_corpus(
    paths: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    blocksize: int | str | None = None,
    overwrite: bool = False,
) -> list[str]:
    """Annotate every line of JSON-lines files and write the records as JSON-lines shards.

    Runs on the Dask scheduler in use: a ``dask.distributed.Client`` you created (local cluster,
    dask-gateway, Kubernetes), or Dask's local threads otherwise.

    The shards are written into a hidden folder inside ``output`` and moved into ``output`` only
    when every one is complete, so a run that fails or is stopped leaves no partial shard behind
    (and a re-run is not refused because of one).

    Args:
        paths: the input files (paths or globs).
        output: a folder for the result shards ``0.jsonl``, ``1.jsonl``… (one per input partition,
            in input order); it must not hold shards already.
        blocksize: cut big input files into partitions of about this many bytes.
        overwrite: replace the shards a previous run left in ``output``.

    Returns:
        The paths of the shards written.

    Raises:
        FileExists: the output folder already holds ``.jsonl`` files (and ``overwrite`` is false).
    """
    import shutil
    import tempfile

    from newslab.batch import record_json

    output = Path(output)
    old = sorted(output.glob("*.jsonl")) if output.is_dir() else []
    if old and not overwrite:
        raise errors.FileExists(
            f"`{output}` already holds {len(old)} .jsonl shards from an earlier run: choose another "
            "folder, delete them first, or pass overwrite=True to replace them."
        )
    output.mkdir(parents=True, exist_ok=True)
    records = annotate_bag(read_corpus(paths, blocksize=blocksize))
    texts = records.map(record_json)
    staging = Path(tempfile.mkdtemp(prefix=".newslab-shards-", dir=output))
    try:
        written = texts.to_textfiles(str(staging / "*.jsonl"), encoding="utf-8", last_endline=True)
        for path in old:
            path.unlink()
        shards = []
        for path in map(Path, written):
            shards.append(output / path.name)
            path.replace(shards[-1])
        return [str(path) for path in shards]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise errors.InvalidInput(
            f"Annotating a corpus with Dask needs the optional extra: run `{SCALE_EXTRA}`."
        ) from None
    return dask.bag
