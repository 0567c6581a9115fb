"""Benchmark: who said what on the PolNeAR development set (``../shared/eval/quotes-dev.jsonl``).

Each article's paragraphs are joined with a blank line and annotated as a whole (so floating quotes
and pronouns have their context), then the quotes are mapped back to their paragraphs and scored
with ``score_quotes.py`` from the same folder:

- end-to-end F1 for direct + partial quotes (span found with ≥ 50 % overlap and speaker right);
  the prediction file for this score holds the quotes the kit classifies as direct or partial;
- overlap F1 with ``--kinds all`` (indirect speech too), from a file holding every quote;
- milliseconds per article for ``find_quotes`` on top of the spaCy parse (and the parse itself).

Run:  .venv/bin/python benchmarks/bench_quotes.py [--set dev|learn|untouched] [--limit N] [--out DIR] [--errors]

``--set dev`` (the default) is the development set, which the rules were tuned on, commit by commit.
``--set learn`` is the PolNeAR train split without its untouched fifth (671 articles): cue lists and
learned components are drawn from it, so its figure is a tuned one too.
``--set untouched`` is the fifth of the PolNeAR train split listed in ``quotes-train-untouched.txt``
(169 articles): no rule or model is ever tuned on it, so its figure is the honest one.
The evaluation data is not part of the repository; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devsets import group_by_article, listed, write_subset

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV = EVAL_DIR / "quotes-dev.jsonl"
TRAIN = EVAL_DIR / "quotes-train.jsonl"
UNTOUCHED = "quotes-train-untouched.txt"
SCORER = EVAL_DIR / "score_quotes.py"
SEPARATOR = "\n\n"


load_articles = group_by_article


def article_date(name: str) -> str | None:
    parts = name.split("_")
    return parts[1] if len(parts) > 2 and len(parts[1]) == 10 else None


def annotate(name: str, records: list[dict]) -> tuple[list[dict], float, float, bool]:
    """Predictions per paragraph record, parse seconds, quote seconds, whether a cast was used."""
    from newslab.article import Article
    from newslab.nlp import parse
    from newslab.quotes import find_quotes

    text = SEPARATOR.join(r["text"] for r in records)
    bases, position = [], 0
    for record in records:
        bases.append(position)
        position += len(record["text"]) + len(SEPARATOR)
    article = Article.from_text(text, id=name, published=article_date(name))
    started = time.perf_counter()
    doc = parse(article)
    _ = article.sentences
    parsed = time.perf_counter()
    cast, has_cast = cast_of(article)
    cast_done = time.perf_counter()
    quotes = find_quotes(article, doc, cast)
    done = time.perf_counter()
    predictions = [{"id": r["id"], "quotes": []} for r in records]
    for quote in quotes:
        index = max(i for i, base in enumerate(bases) if base <= quote.start)
        base, length = bases[index], len(records[index]["text"])
        record_quote = {
            "start": quote.start - base,
            "end": min(quote.end, base + length) - base,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "speaker_mention": quote.speaker_mention,
            "cue": quote.cue,
            "speaker_start": None,
            "speaker_end": None,
        }
        if quote.speaker_start is not None and base <= quote.speaker_start < base + length:
            record_quote["speaker_start"] = quote.speaker_start - base
            record_quote["speaker_end"] = min(quote.speaker_end, base + length) - base
        predictions[index]["quotes"].append(record_quote)
    return predictions, parsed - started, (done - cast_done), has_cast


def cast_of(article) -> tuple[list, bool]:
    try:
        from newslab.people import find_cast
    except ImportError:
        return [], False
    from newslab.nlp import parse

    return find_cast(article, parse(article)), True


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def score(predictions: Path, kinds: str, gold: Path = DEV) -> str:
    command = [sys.executable, str(SCORER), str(predictions), str(gold), "--kinds", kinds]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set",
        choices=("dev", "learn", "untouched"),
        default="dev",
        help="development set, the train split's learning part, or its untouched fifth",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--out", type=Path, default=None, help="folder for the prediction files")
    parser.add_argument(
        "--errors", action="store_true", help="list missed and spurious direct/partial quotes"
    )
    args = parser.parse_args(argv)
    data = DEV if args.set == "dev" else TRAIN
    if not data.exists() or not SCORER.exists():
        print(f"The evaluation data is not here ({data.parent}); nothing to measure.")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_quotes."))
    out.mkdir(parents=True, exist_ok=True)
    gold = DEV
    if args.set != "dev":
        untouched = listed(UNTOUCHED)
        keep = untouched if args.set == "untouched" else set(load_articles(TRAIN)) - untouched
        gold = write_subset(TRAIN, keep, lambda r: r["source"]["article"], out / f"gold-{args.set}.jsonl")
        data = gold
    articles = load_articles(data)
    names = sorted(articles)[: args.limit or None]
    everything, direct_partial = [], []
    parse_seconds = quote_seconds = 0.0
    has_cast = False
    for name in names:
        predictions, parse_s, quote_s, has_cast = annotate(name, articles[name])
        parse_seconds += parse_s
        quote_seconds += quote_s
        everything += predictions
        direct_partial += [
            {"id": p["id"], "quotes": [q for q in p["quotes"] if q["kind"] != "indirect"]}
            for p in predictions
        ]
    write_jsonl(out / "pred-direct-partial.jsonl", direct_partial)
    write_jsonl(out / "pred-all.jsonl", everything)
    if args.limit:
        print(f"(first {len(names)} articles only: missing ids count as no quotes)")
    tuned = "never tuned on" if args.set == "untouched" else "tuned on"
    print(f"data: {data.name} ({args.set}, {tuned})")
    print(
        f"articles: {len(names)}   cast from newslab.people: {'yes' if has_cast else 'no (module missing)'}"
    )
    print("== direct + partial (predictions the kit calls direct or partial) ==")
    print(score(out / "pred-direct-partial.jsonl", "direct,partial", gold), end="")
    print("== all kinds (every prediction) ==")
    print(score(out / "pred-all.jsonl", "all", gold), end="")
    n = max(len(names), 1)
    print(f"spaCy parse: {1000 * parse_seconds / n:.1f} ms per article")
    print(f"find_quotes on top of the parse: {1000 * quote_seconds / n:.1f} ms per article")
    print(f"prediction files: {out}")
    if args.errors:
        show_errors(everything, articles, names)
    return 0


def show_errors(predictions: list[dict], articles: dict[str, list[dict]], names: list[str]) -> None:
    """Print gold direct/partial quotes that no prediction overlaps, and the other way round."""
    by_id = {p["id"]: p for p in predictions}
    for name in names:
        for record in articles[name]:
            text = record["text"]
            gold = [q for q in record["quotes"] if q["kind"] != "indirect"]
            pred = [q for q in by_id[record["id"]]["quotes"] if q["kind"] != "indirect"]
            for g in gold:
                hits = [p for p in pred if min(p["end"], g["end"]) - max(p["start"], g["start"]) > 0]
                if not hits:
                    print(
                        f"MISS {record['id']} {g['kind']} {g['text'][:90]!r} <- {g['speaker']!r} [{g['cue']}]"
                    )
                else:
                    p = hits[0]
                    print(
                        f"HIT  {record['id']} {g['kind']}/{p['kind']} {g['text'][:50]!r} gold={g['speaker']!r} "
                        f"pred={p['speaker']!r}/{p['speaker_mention']!r}"
                    )
            for p in pred:
                if not any(
                    min(p["end"], g["end"]) - max(p["start"], g["start"]) > 0 for g in record["quotes"]
                ):
                    print(
                        f"FP   {record['id']} {p['kind']} {text[p['start'] : p['end']][:90]!r} <- {p['speaker']!r}"
                    )


if __name__ == "__main__":
    sys.exit(main())
