"""Benchmark the time-expression tagger on the TempEval-3 development set.

Run from the repository root::

    .venv/bin/python benchmarks/bench_timex.py [--set all|held-back|tuning] [--errors N] [--classes] [--eval-dir ../shared/eval]

``--errors N`` and ``--classes`` work only with ``--set tuning``, so that the held-back documents' errors
are never printed. ``--classes`` counts the errors by kind of expression (weekday, bare month, "this
week", quarter, duration…): a wrong value (VALUE), a gold expression not found (MISS), a found one
that is not in the gold (FALSE). ``--set held-back`` scores only the third of the documents listed in ``timex-dev-untouched.txt``,
held back from tuning since they were listed (the rules had seen them before: a figure "held back
since", not "never tuned on"); ``--set tuning`` scores the other two thirds, the ones rules may be
tuned on; ``--set all`` (the default) every document.

It parses every document with the kit's own pipeline (``Article.from_text(text, published=dct)``
and ``newslab.nlp.parse``), runs ``newslab.layers.time.tagger.find_timexes`` on the parse, scores the result
with the evaluation folder's ``score_timex.py`` and prints strict / relaxed span F1, type and
value accuracy, value F1, and the tagger's milliseconds per document on top of the parse.

The evaluation data is never copied into the repository; when the folder is absent the script
says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
HEIDELTIME_SECONDS_PER_DOC = 6.5


def _load_scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("score_timex", folder / "score_timex.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder with timex-dev.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    parser.add_argument(
        "--set", choices=("all", "held-back", "tuning"), default="all", help="which documents"
    )
    parser.add_argument("--classes", action="store_true", help="count the errors by kind of expression")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="time the tagger this many times per document")
    args = parser.parse_args(argv)
    if (args.errors or args.classes) and args.set != "tuning":
        parser.error(
            "--errors and --classes read only the tuning documents' errors (add --set tuning): the held-back ones stay unread"
        )

    gold_path = args.eval_dir / "timex-dev.jsonl"
    if not gold_path.exists() or not (args.eval_dir / "score_timex.py").exists():
        print(
            f"No evaluation data at {args.eval_dir} (timex-dev.jsonl + score_timex.py): nothing to measure."
        )
        return 0

    from newslab.article import Article
    from newslab.layers.time.tagger import find_timexes
    from newslab.nlp import load_model, parse

    scorer = _load_scorer(args.eval_dir)
    gold = scorer.load(str(gold_path))
    ids = list(gold)
    if args.set != "all":
        listed = args.eval_dir / "timex-dev-untouched.txt"
        held_back = {line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()}
        ids = [i for i in ids if (i in held_back) == (args.set == "held-back")]
    ids = ids[: args.limit] if args.limit else ids
    load_model()

    predictions, parse_seconds, tag_seconds = {}, 0.0, 0.0
    for doc_id in ids:
        record = gold[doc_id]
        article = Article.from_text(record["text"], id=doc_id, published=record["dct"])
        started = time.perf_counter()
        doc = parse(article)
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(args.repeat):
            timexes = find_timexes(article, doc)
        tag_seconds += (time.perf_counter() - started) / args.repeat
        predictions[doc_id] = {"id": doc_id, "timexes": [t.to_json() for t in timexes]}

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "newslab-timex.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in predictions.values()), encoding="utf-8")
        wanted = 10**9 if args.classes else args.errors
        result, errors = scorer.score({i: gold[i] for i in ids}, scorer.load(str(path)), wanted)

    n = len(ids)
    tag_ms = 1000 * tag_seconds / n
    print(f"set: {args.set}; documents: {n}, gold timexes: {result['gold']}, predicted: {result['pred']}")
    for key in ("strict_P", "strict_R", "strict_F1", "relaxed_P", "relaxed_R", "relaxed_F1"):
        print(f"{key:12s} {result[key]:.3f}")
    for key in ("type_acc", "value_acc", "type_F1", "value_F1"):
        print(f"{key:12s} {result[key]:.3f}")
    for kind, figures in result["by_gold_type"].items():
        print(
            f"  {kind:9s} gold {figures['gold']:4d}  relaxed R {figures['relaxed_R']:.3f}  value acc {figures['value_acc']:.3f}"
        )
    print(f"spaCy parse: {1000 * parse_seconds / n:.1f} ms per document (not part of the tagger)")
    print(f"time tagger: {tag_ms:.2f} ms per document on top of the parse")
    print(
        f"speed-up over HeidelTime (~{HEIDELTIME_SECONDS_PER_DOC} s per document): {HEIDELTIME_SECONDS_PER_DOC * 1000 / tag_ms:.0f}x"
    )
    if args.classes:
        _print_classes(errors)
    for error in errors[: args.errors]:
        print("   ", error)
    return 0


# Kinds of time expression, tried in this order on the gold text (or the predicted text of a FALSE row).
ERROR_CLASSES = (
    (
        "weekday + part of day",
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:morning|afternoon|evening|night)",
    ),
    ("weekday", r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"),
    ("today, yesterday, tonight", r"\b(?:today|yesterday|tomorrow|tonight|overnight)\b"),
    ("this / last / next week", r"\bweek(?:end)?\b(?!s)"),
    ("quarter, half, period", r"quarter|half|period"),
    ("a year ago / earlier", r"year[- ](?:ago|earlier)|year (?:ago|earlier|before)"),
    ("… ago", r"\bago\b"),
    ("decade, century", r"\d0s|decade|century|centuries"),
    ("month and day", r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d"),
    (
        "bare month",
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)",
    ),
    ("this / last / next year or month", r"\b(?:this|last|next|that|the)\s+(?:year|month)\b"),
    (
        "now, recent, future…",
        r"^(?:now|current|currently|recent|recently|previously|the past|the future|future|soon|once|already|yet|nowadays|these days|at present)",
    ),
    ("plural or vague durations", r"(?:days|weeks|months|years|decades|quarters|hours|minutes)\b"),
    ("counted durations", r"(?:day|week|month|year|hour|minute)s?\b"),
    ("year", r"\b(?:1[5-9]|20)\d\d\b"),
    ("clock time", r"\d|noon|midnight"),
)


def error_class(text: str) -> str:
    """The kind of time expression a benchmark error is about ("weekday", "bare month"…), or "other"."""
    for name, pattern in ERROR_CLASSES:
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return "other"


def _print_classes(errors: list[tuple]) -> None:
    counts: dict[str, Counter] = {}
    for kind, _doc, gold_text, _gold_value, predicted_text, _value in errors:
        counts.setdefault(error_class(gold_text or predicted_text), Counter())[kind] += 1
    print(f"{'errors by kind of expression':34s} VALUE  MISS FALSE")
    for name, row in sorted(counts.items(), key=lambda item: -sum(item[1].values())):
        print(f"  {name:32s} {row['VALUE']:5d} {row['MISS']:5d} {row['FALSE']:5d}")
    total = sum(counts.values(), Counter())
    print(f"  {'all':32s} {total['VALUE']:5d} {total['MISS']:5d} {total['FALSE']:5d}")


if __name__ == "__main__":
    sys.exit(main())
