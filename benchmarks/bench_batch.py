"""Batch annotation speed: articles per second for 1 and 2 workers, beside textacy's quote extraction.

Run:   .venv/bin/python benchmarks/bench_batch.py [--limit N]   (default: the first 30 articles; 0: all)

The articles are those of ``../shared/eval/quotes-dev.jsonl`` (PolNeAR dev; paragraphs joined with
a blank line, the date taken from the article's name). Nothing from it is stored in the repository.

Both sides parse with the same spaCy model in the same run. newslab's figure covers the whole
``newslab annotate`` record (people, quotes, timeline, sentiment); textacy's covers parsing plus
``textacy.extract.direct_quotations`` (direct quotes only). The ratio is newslab / textacy
(goal ≥ 1.0×). textacy is not a dependency of the kit: install it with ``.venv/bin/pip install textacy``
(or put an install of it on ``PYTHONPATH``) to get its column; without it the column is skipped.

With 2 workers the figure includes starting the worker processes (copies of this process, made
after it has loaded the model, as ``newslab annotate --jsonl --workers 2`` does); that start-up is
also timed on its own. Loading the model is left out of every figure, textacy's included. The load average is printed with every run: on a shared
machine, other work on the cores changes the figures, the 2-worker one most. The CPU seconds
per article (this process and its worker processes) change much less with the load: with
2 workers and 2 free cores, the wall-clock rate approaches twice 1 / (CPU s per article).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval" / "quotes-dev.jsonl"


def load_articles(path: Path, limit: int | None) -> list[dict]:
    """Whole articles from the paragraph records: ``{"id", "text", "published"}``."""
    paragraphs: OrderedDict[str, list[str]] = OrderedDict()
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            paragraphs.setdefault(record["source"]["article"], []).append(record["text"])
    articles = []
    for name, texts in paragraphs.items():
        match = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        articles.append(
            {"id": name, "text": "\n\n".join(texts), "published": match.group(1) if match else None}
        )
    return articles[:limit] if limit else articles


def time_newslab(lines: list[str], workers: int) -> tuple[float, int, int]:
    from newslab.batch import BadLine, annotate_jsonl

    started = time.perf_counter()
    good = bad = 0
    for result in annotate_jsonl(lines, workers=workers, progress=False):
        if isinstance(result, BadLine):
            bad += 1
        else:
            good += 1
    return time.perf_counter() - started, good, bad


def cpu_seconds() -> float:
    """CPU time used so far by this process and by its finished worker processes."""
    try:
        import resource
    except ImportError:  # not on Windows
        return time.process_time()
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load() -> str:
    """The 1-minute load average (how busy the machine's cores were), or '?' where unknown."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def time_textacy(articles: list[dict]) -> tuple[float, int, int] | None:
    """Seconds, quotes found, and articles textacy gave up on (it raises on an odd number of quote marks)."""
    try:
        from textacy import extract
    except ImportError:
        return None
    from newslab.nlp import load_model

    nlp = load_model()
    started = time.perf_counter()
    quotes = failed = 0
    for doc in nlp.pipe((a["text"] for a in articles), batch_size=8):
        try:
            quotes += sum(1 for _ in extract.direct_quotations(doc))
        except ValueError:
            failed += 1
    return time.perf_counter() - started, quotes, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=30, help="use the first N articles (default 30; 0: all 84)"
    )
    args = parser.parse_args(argv)
    if not EVAL.exists():
        print(
            f"bench_batch: {EVAL} is not there (the evaluation data lives outside the repository); nothing to measure."
        )
        return 0
    articles = load_articles(EVAL, args.limit)
    lines = [json.dumps(a) for a in articles]
    characters = sum(len(a["text"]) for a in articles)

    import newslab
    from newslab.nlp import load_model, model_info

    load_model()  # model loading is not part of any figure
    info = model_info()
    print(
        f"newslab {newslab.__version__} · spaCy {info['spacy_version']} · {info['package']} {info['model_version']}"
    )
    print(
        f"{len(articles)} articles, {characters:,} characters (mean {characters // len(articles):,}) from {EVAL.name}"
    )
    time_newslab(lines[:2], 1)  # warm-up: first-use costs (lazy imports, word lists)

    rows = []  # (run, seconds, articles, CPU seconds, load average before, load average after)
    for workers in (1, 2):
        before, cpu = load(), cpu_seconds()
        seconds, _, bad = time_newslab(lines, workers)
        rows.append(
            (
                f"newslab annotate, {workers} worker{'s' if workers > 1 else ''}",
                seconds,
                len(articles),
                cpu_seconds() - cpu,
                before,
                load(),
            )
        )
        if bad:
            print(f"  ({bad} articles were reported as bad lines)")
    before = load()
    startup, _, _ = time_newslab([], 2)
    startup_load = (before, load())
    before, cpu = load(), cpu_seconds()
    textacy = time_textacy(articles)
    if textacy is None:
        print(
            "textacy is not installed, so its column is skipped: `.venv/bin/pip install textacy` to add it."
        )
    else:
        rows.append(
            (
                "textacy parse + direct_quotations",
                textacy[0],
                len(articles),
                cpu_seconds() - cpu,
                before,
                load(),
            )
        )
        if textacy[2]:
            print(
                f"  (textacy raised on {textacy[2]} of {len(articles)} articles: unbalanced quotation marks)"
            )

    print(
        f"\n{'run':<40} {'seconds':>8} {'articles/s':>11} {'CPU s/article':>14}   load average before → after"
    )
    for name, seconds, count, cpu, load_before, load_after in rows:
        print(
            f"{name:<40} {seconds:8.2f} {count / seconds:11.2f} {cpu / count:14.3f}   {load_before} → {load_after}"
        )
    print(
        f"{'(start-up of 2 workers, no articles)':<40} {startup:8.2f} {'':>11} {'':>14}   "
        f"{startup_load[0]} → {startup_load[1]}"
    )
    print(f"(this machine has {os.cpu_count()} cores)")
    speed = {name: count / seconds for name, seconds, count, _, _, _ in rows}
    one, two = speed[rows[0][0]], speed[rows[1][0]]
    print(f"\n2 workers / 1 worker: {two / one:.2f}×")
    if textacy is not None:
        reference = speed[rows[2][0]]
        best = max(one, two) / reference
        print(
            f"newslab (1 worker) / textacy: {one / reference:.2f}×   newslab (2 workers) / textacy: {two / reference:.2f}×"
        )
        print(f"goal ≥ 1.0×: {'met' if best >= 1.0 else 'NOT met'} (best {best:.2f}×)")
        print("  (newslab does people, all quote kinds, timeline and sentiment; textacy direct quotes only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
