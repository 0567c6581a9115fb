"""The `newslab` command: the same public functions the notebooks use, from a terminal.

    newslab annotate trump-russia-cyber -o out.json
    newslab annotate --jsonl articles.jsonl --workers 2 > annotated.jsonl
    newslab report trump-russia-cyber -o report.html
    newslab sentiment --jsonl targets.jsonl
    newslab list

Errors a user can fix end with one sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from newslab import errors
from newslab.errors import NewslabError

EXIT_OK = 0
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslab", description="Read a news story with a computer.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    annotate = commands.add_parser("annotate", help="annotate an article (or JSON lines of articles) as JSON")
    annotate.add_argument("source", nargs="?", help="a bundled article name, a .txt path, or - for stdin")
    annotate.add_argument(
        "--jsonl", metavar="SOURCE", help='JSON lines {"id","text","published"} (a path or -)'
    )
    annotate.add_argument("--plain", action="store_true", help="treat the whole input as the article body")
    annotate.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    annotate.add_argument("--id", help="a name for the article")
    annotate.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes for --jsonl (default 1)"
    )
    annotate.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    _add_output(annotate)

    report = commands.add_parser("report", help="write a standalone HTML report of an article")
    report.add_argument("source", help="a bundled article name, a .txt path, or - for stdin")
    report.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    report.add_argument("--plain", action="store_true", help="treat the whole input as the article body")
    _add_output(report, default_help="the HTML file to write (default: reports/<id>.html)")

    sentiment = commands.add_parser("sentiment", help="sentiment toward target spans, for JSON lines")
    sentiment.add_argument(
        "--jsonl", metavar="SOURCE", required=True, help='lines {"id","text","target_start","target_end"}'
    )
    _add_output(sentiment)

    commands.add_parser("list", help="list the bundled articles")
    commands.add_parser("info", help="show the versions of newslab, spaCy and the English model")

    # Instructors: links that open the kit on Binder or a hub, and a copy without the solutions.
    links = commands.add_parser(
        "binder-links", help="print the Binder badge and a Binder and nbgitpuller link per notebook"
    )
    links.add_argument(
        "repository", nargs="?", metavar="OWNER/REPO[@REF]", help="default: the git remote origin, at HEAD"
    )
    links.add_argument("--ref", help="pin the links to this tag, branch or commit")
    links.add_argument(
        "--environment", metavar="OWNER/REPO[@REF]", help="environment repository for nbgitpuller links"
    )
    links.add_argument(
        "--hub", metavar="URL", help="make the nbgitpuller links for this JupyterHub instead of Binder"
    )
    links.add_argument("--branch", default="main", help="the branch nbgitpuller pulls (default: main)")
    student_copy = commands.add_parser(
        "student-copy", help="write the repository without notebooks/solutions/"
    )
    student_copy.add_argument("destination", help="a new (or empty) folder")
    student_copy.add_argument(
        "--ref", default="HEAD", help="the commit, branch or tag to copy (default: HEAD)"
    )
    return parser


def _add_output(
    parser: argparse.ArgumentParser, *, default_help: str = "write here instead of stdout"
) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help=default_help)
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 fine, 2 a problem the user can fix)."""
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as caught, _stopped_by_sigterm():
            warnings.simplefilter("always", category=UserWarning)
            status = COMMANDS[args.command](args)
        for warning in caught:
            print(f"newslab: warning: {warning.message}", file=sys.stderr)
        return status
    except NewslabError as error:
        print(f"newslab: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("newslab: stopped.", file=sys.stderr)
        return 130


class _stopped_by_sigterm:
    """While a command runs, ``kill`` (SIGTERM) stops it as Ctrl-C does: finished work is kept."""

    def __enter__(self) -> None:
        import signal
        import threading

        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _interrupt)

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# ------------------------------------------------------------------ commands


def _annotate(args: argparse.Namespace) -> int:
    if args.jsonl and args.source:
        raise errors.InvalidInput("Give either an article or --jsonl SOURCE, not both.")
    if args.jsonl:
        return _annotate_jsonl(args)
    if not args.source:
        raise errors.InvalidInput("Name an article to annotate: a bundled name, a .txt path, or - for stdin.")
    from newslab.batch import record_json
    from newslab.export import annotate

    with _open_output(args) as out:  # the output place is checked before any work
        article = read_source(args.source, published=args.published, id=args.id, plain=args.plain)
        out.write(record_json(annotate(article), indent=1) + "\n")
    return EXIT_OK


def _annotate_jsonl(args: argparse.Namespace) -> int:
    from newslab.batch import BadLine, annotate_jsonl

    if args.workers < 1:
        raise errors.InvalidInput("--workers must be 1 or more.")
    bad = 0
    with _open_output(args, stream=True) as out, _open_input(args.jsonl) as lines:
        results = annotate_jsonl(lines, workers=args.workers, progress=not args.no_progress)
        bad = _write_lines(results, out, BadLine)
    return EXIT_ERROR if bad else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from newslab.files import check_output, safe_file_name
    from newslab.report import report_html, write_report

    if args.output == "-":
        article = read_source(args.source, published=args.published, plain=args.plain)
        sys.stdout.write(report_html(article))
        return EXIT_OK
    if args.output:
        check_output(args.output, overwrite=args.force)  # before any work
    article = read_source(args.source, published=args.published, plain=args.plain)
    # The id may come from a sidecar: as a file name it is made safe, so it stays inside reports/.
    path = Path(args.output) if args.output else Path("reports") / f"{safe_file_name(article.id)}.html"
    write_report(article, path, overwrite=args.force)
    print(f"newslab: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _sentiment(args: argparse.Namespace) -> int:
    from newslab.sentiment_lines import BadLine, sentiment_jsonl

    with _open_output(args, stream=True) as out, _open_input(args.jsonl) as lines:
        bad = _write_lines(sentiment_jsonl(lines), out, BadLine)
    return EXIT_ERROR if bad else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from newslab.article import bundled_articles

    for name in bundled_articles():
        print(name)
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    import newslab
    from newslab.nlp import model_info

    info = {"newslab": newslab.__version__, **model_info()}
    for key, value in info.items():
        print(f"{key}: {value}")
    return EXIT_OK


COMMANDS = {"annotate": _annotate, "report": _report, "sentiment": _sentiment, "list": _list, "info": _info}


def _binder_links(args: argparse.Namespace) -> int:
    from newslab.binder import checkout_links

    text = checkout_links(
        args.repository, ref=args.ref, environment=args.environment, hub=args.hub, branch=args.branch
    )
    sys.stdout.write(text)
    return EXIT_OK


def _student_copy(args: argparse.Namespace) -> int:
    from newslab.student_copy import write_student_copy

    written = write_student_copy(args.destination, ref=args.ref)
    print(
        f"newslab: wrote {len(written)} files to {args.destination} (no notebooks/solutions/)",
        file=sys.stderr,
    )
    return EXIT_OK


COMMANDS.update({"binder-links": _binder_links, "student-copy": _student_copy})


# ------------------------------------------------------------------ input and output


def read_source(source: str, *, published: str | None = None, id: str | None = None, plain: bool = False):
    """The article named on the command line: a bundled name, a path, or ``-`` for standard input."""
    from newslab.article import Article, decode_text, load_article, parse_date, read_limited

    date = parse_date(published)  # check the date before reading anything
    if id is not None:  # bytes of a command-line argument that are not UTF-8 become U+FFFD
        id = os.fsencode(id).decode("utf-8", errors="replace")
    if source == "-":
        text = decode_text(read_limited(_stdin().buffer, where="Standard input"), where="Standard input")
        return Article.from_text(text, id=id or "stdin", published=date, layout=not plain)
    if plain:
        from newslab.article import name_of, read_text_file

        path = Path(source)
        text = read_text_file(path)
        return Article.from_text(text, id=id or name_of(path), published=date)
    return load_article(source, published=date, id=id)


def _stdin() -> TextIO:
    if sys.stdin is None or sys.stdin.closed:
        raise errors.InvalidInput(
            "Standard input is closed, so there is nothing to read from `-`: "
            "give the path of a file instead, or pipe the text in (e.g. `cat story.txt | newslab annotate -`)."
        )
    return sys.stdin


class _open_input:
    """The lines of a file or of standard input (``-``), as bytes: each line is decoded on its own,
    so a line that is not UTF-8 is one bad line, not the end of the run."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.stream: BinaryIO | None = None

    def __enter__(self) -> Iterator[object]:
        from newslab.batch import read_lines

        if self.source == "-":
            return read_lines(_stdin().buffer)
        path = Path(self.source)
        if not path.exists():
            raise errors.missing_path(path)
        if path.is_dir():
            raise errors.is_directory(path)
        self.stream = path.open("rb")
        return read_lines(self.stream)

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()


class _open_output:
    """Standard output (no ``-o``, or ``-o -``), or the file ``-o`` names.

    The file's place is checked when the block starts, before any work. A single result is
    written atomically at the end; streamed results (``stream=True``, for JSON lines) go to
    ``FILE.partial`` as they are made and become ``FILE`` when the run completes. A run that stops
    early keeps its finished records in ``FILE.partial`` and says so.
    """

    def __init__(self, args: argparse.Namespace, *, stream: bool = False) -> None:
        self.path = args.output if args.output not in (None, "-") else None
        self.force = args.force
        self.stream = stream
        self.parts: list[str] = []
        self.file = None

    def __enter__(self) -> _open_output:
        from newslab.files import StreamedFile, check_output

        if self.path and self.stream:
            self.file = StreamedFile(self.path, overwrite=self.force).open()
        elif self.path:
            check_output(self.path, overwrite=self.force)
        return self

    def write(self, text: str) -> None:
        if self.file is not None:
            self.file.write(text)
        elif self.path:
            self.parts.append(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.file is not None:
            if exc_type is None:
                self.file.finish()
                return
            kept = self.file.stop()
            if kept is not None:
                print(
                    f"newslab: the run did not finish: its {self.file.lines:,} finished records are in "
                    f"`{kept}` (`{self.path}` was not written).",
                    file=sys.stderr,
                )
        elif exc_type is None and self.path:
            from newslab.files import write_atomic

            write_atomic(self.path, "".join(self.parts), overwrite=self.force)


def _write_lines(results: Iterable[object], out: _open_output, bad_type: type) -> int:
    from newslab.batch import record_json

    bad = 0
    for result in results:
        if isinstance(result, bad_type):
            bad += 1
            print(f"newslab: error: line {result.number}: {result.message}", file=sys.stderr)
        else:
            out.write(record_json(result) + "\n")
    return bad
