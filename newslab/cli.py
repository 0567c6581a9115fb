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
import json
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

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
        with warnings.catch_warnings(record=True) as caught:
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


# ------------------------------------------------------------------ commands


def _annotate(args: argparse.Namespace) -> int:
    if args.jsonl and args.source:
        raise errors.InvalidInput("Give either an article or --jsonl SOURCE, not both.")
    if args.jsonl:
        return _annotate_jsonl(args)
    if not args.source:
        raise errors.InvalidInput("Name an article to annotate: a bundled name, a .txt path, or - for stdin.")
    from newslab.export import annotate

    article = read_source(args.source, published=args.published, id=args.id, plain=args.plain)
    _emit(json.dumps(annotate(article), ensure_ascii=False, indent=1) + "\n", args)
    return EXIT_OK


def _annotate_jsonl(args: argparse.Namespace) -> int:
    from newslab.batch import BadLine, annotate_jsonl

    if args.workers < 1:
        raise errors.InvalidInput("--workers must be 1 or more.")
    bad = 0
    with _open_input(args.jsonl) as lines, _open_output(args) as out:
        results = annotate_jsonl(lines, workers=args.workers, progress=not args.no_progress)
        bad = _write_lines(results, out, BadLine)
    return EXIT_ERROR if bad else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from newslab.report import write_report

    article = read_source(args.source, published=args.published, plain=args.plain)
    path = Path(args.output) if args.output else Path("reports") / f"{article.id}.html"
    write_report(article, path, overwrite=args.force)
    print(f"newslab: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _sentiment(args: argparse.Namespace) -> int:
    from newslab.sentiment_lines import BadLine, sentiment_jsonl

    with _open_input(args.jsonl) as lines, _open_output(args) as out:
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


# ------------------------------------------------------------------ input and output


def read_source(source: str, *, published: str | None = None, id: str | None = None, plain: bool = False):
    """The article named on the command line: a bundled name, a path, or ``-`` for standard input."""
    from newslab.article import Article, decode_text, load_article, parse_date

    date = parse_date(published)  # check the date before reading anything
    if source == "-":
        text = decode_text(sys.stdin.buffer.read(), where="Standard input")
        return Article.from_text(text, id=id or "stdin", published=date, layout=not plain)
    if plain:
        from newslab.article import read_text_file

        path = Path(source)
        text = read_text_file(path)
        return Article.from_text(text, id=id or path.stem, published=date)
    return load_article(source, published=date, id=id)


class _open_input:
    """Lines of a file or of standard input (``-``), as text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.stream: TextIO | None = None

    def __enter__(self) -> Iterator[str]:
        if self.source == "-":
            return iter(sys.stdin)
        path = Path(self.source)
        if not path.exists():
            raise errors.missing_path(path)
        if path.is_dir():
            raise errors.is_directory(path)
        self.stream = path.open(encoding="utf-8-sig", errors="strict", newline="")
        return iter(self.stream)

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()


class _open_output:
    """Standard output, or a file written atomically when the run ends."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.parts: list[str] = []

    def __enter__(self) -> _open_output:
        if self.args.output and Path(self.args.output).exists() and not self.args.force:
            raise errors.file_exists(self.args.output)
        return self

    def write(self, text: str) -> None:
        if self.args.output:
            self.parts.append(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None and self.args.output:
            from newslab.files import write_atomic

            write_atomic(self.args.output, "".join(self.parts), overwrite=self.args.force)


def _emit(text: str, args: argparse.Namespace) -> None:
    with _open_output(args) as out:
        out.write(text)


def _write_lines(results: Iterable[object], out: _open_output, bad_type: type) -> int:
    bad = 0
    for result in results:
        if isinstance(result, bad_type):
            bad += 1
            print(f"newslab: error: line {result.number}: {result.message}", file=sys.stderr)
        else:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return bad
