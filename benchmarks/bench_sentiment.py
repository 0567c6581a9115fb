"""Measure the sentiment layer: macro-F1 per source on the development set, time per sentence,
and the labels the kit gives the seed article's hard examples.

Usage:
    .venv/bin/python benchmarks/bench_sentiment.py [--sources newsmtsc-rw,newsmtsc-mt,persent-par]

Reads ../shared/eval/sentiment-dev.jsonl (relative to the repository) and scores with
../shared/eval/score_sentiment.py; without that folder it says so and only runs the seed examples.
Rows with a target are judged with the target model (``score_target``); PerSenT rows without
target offsets are judged with VADER on the whole paragraph. Plain VADER on the whole text is
printed beside it as the baseline.

The target model's settings were chosen by cross-validation on NewsMTSC's train split alone
(``bench_sentiment_cv.py``); the development rows were not looked at to choose them, so the
figures here are on data the model was neither trained nor tuned on.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED_EXAMPLES = [
    ("Graham: negation and 'pretty'", "not the dumbest idea I have ever heard"),
    ("Schiff: sarcasm", "we might as well just mail our ballot boxes to Moscow"),
    ("'Intelligence Committee' counted positive", "House Intelligence Committee"),
    ("curly apostrophe in 'can’t'", "We can’t trust Russia"),
    ("Haley: negation too far from 'trust'", "doesn’t mean we ever trust Russia"),
]


def _score_module():
    spec = importlib.util.spec_from_file_location("score_sentiment", EVAL / "score_sentiment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _print_scores(title: str, predictions: list[dict], gold_path: Path) -> dict:
    scorer = _score_module()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as stream:
        for p in predictions:
            stream.write(json.dumps(p) + "\n")
    results = scorer.score(stream.name, str(gold_path))
    Path(stream.name).unlink()
    print(f"\n{title}")
    print(f"{'subset':<14}{'n':>6}{'acc':>7}{'F1m':>7}{'F1neg':>7}{'F1neu':>7}{'F1pos':>7}")
    for key in sorted(results, key=lambda k: (k == "ALL", k)):
        m = results[key]
        f = m["f1"]
        print(
            f"{key:<14}{m['n']:>6}{m['accuracy'] * 100:>7.1f}{m['macro_f1'] * 100:>7.1f}"
            f"{f['negative'] * 100:>7.1f}{f['neutral'] * 100:>7.1f}{f['positive'] * 100:>7.1f}"
        )
    return results


def dev_set(sources: set[str], predictions_path: Path | None = None) -> None:
    from newslab.layers.sentiment.target import predict
    from newslab.layers.sentiment.vader import score_text
    from newslab.nlp import load_model

    gold_path = EVAL / "sentiment-dev.jsonl"
    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["source"] in sources]
    gold = Path(tempfile.mkdtemp()) / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"development set: {len(rows)} rows from {', '.join(sorted(sources))}")

    nlp = load_model()
    texts = sorted({r["text"] for r in rows if r["target_start"] is not None})
    began = time.perf_counter()
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=64), strict=True))
    parse_seconds = time.perf_counter() - began

    kit, vader_only = [], []
    predict_seconds = vader_seconds = 0.0
    for row in rows:
        t0 = time.perf_counter()
        vader = score_text(row["text"])
        vader_seconds += time.perf_counter() - t0
        vader_only.append({"id": row["id"], "label": vader.label})
        if row["target_start"] is None:
            kit.append({"id": row["id"], "label": vader.label})
            continue
        t0 = time.perf_counter()
        result = predict(docs[row["text"]][:], row["target_start"], row["target_end"])
        predict_seconds += time.perf_counter() - t0
        kit.append({"id": row["id"], "label": result.label})

    if predictions_path:
        predictions_path.write_text("".join(json.dumps(p) + "\n" for p in kit), encoding="utf-8")
        print(f"kit predictions written to {predictions_path}")
    _print_scores("plain VADER on the whole text (baseline)", vader_only, gold)
    _print_scores("the kit: target model where a target is given, else VADER", kit, gold)
    targeted = sum(1 for r in rows if r["target_start"] is not None)
    print("\ntime per sentence (this machine, shared):")
    print(f"  VADER with evidence      {1000 * vader_seconds / len(rows):7.2f} ms  ({len(rows)} texts)")
    if targeted:
        print(f"  spaCy parse (batched)    {1000 * parse_seconds / len(texts):7.2f} ms  ({len(texts)} texts)")
        print(f"  target model + evidence  {1000 * predict_seconds / targeted:7.2f} ms  ({targeted} targets)")


def seed_examples() -> None:
    from newslab import load_article
    from newslab.annotations import load_annotations
    from newslab.layers.sentiment.vader import score_text
    from newslab.sentiment import agreement, curly_apostrophe_demo

    article = load_article("trump-russia-cyber")
    gold = {
        (a.start, a.end): a.attrs["value"]
        for a in load_annotations(ROOT / "data" / "gold" / "trump-russia-cyber.json", article.text).labelled(
            "SENTIMENT"
        )
    }
    print("\nseed article: the hard examples (sentence label from VADER vs the hand-checked gold)")
    for title, needle in SEED_EXAMPLES:
        at = article.text.index(needle)
        sentence = next(s for s in article.sentences if s.start <= at < s.end)
        result = score_text(article.text, sentence.start, sentence.end)
        print(
            f"- {title}: kit {result.label} ({result.score:+.3f}), gold {gold.get((sentence.start, sentence.end))}"
        )
        print(f"    evidence: {result.explain()}")
    demo = curly_apostrophe_demo("We can’t trust Russia.")
    print(
        f"- 'We can’t trust Russia.' VADER as written {demo['as written']:+.4f}, "
        f"with plain quotes {demo['plain quotes']:+.4f}"
    )
    from newslab.sentiment import target_sentiment_table

    moscow = target_sentiment_table(article, "Moscow")
    for needle, title in (
        ("Moscow could not be trusted", "senators' distrust"),
        ("Moscow,”", "Schiff's sarcasm"),
    ):
        at = article.text.index(needle)
        row = moscow[moscow["start"] == at]
        if len(row):
            row = row.iloc[0]
            print(f"- toward Moscow, {title}: target model {row.label} ({row.score:+.2f}); {row.evidence}")
    machine = [score_text(article.text, s.start, s.end).label for s in article.sentences]
    hand = [gold.get((s.start, s.end)) for s in article.sentences]
    print(
        f"- sentence labels agreeing with the gold file: {agreement(machine, hand):.2f} "
        f"({sum(m == h for m, h in zip(machine, hand, strict=True))} of {len(hand)})"
    )
    durations = []
    for _ in range(5):
        t0 = time.perf_counter()
        for s in article.sentences:
            score_text(article.text, s.start, s.end)
        durations.append((time.perf_counter() - t0) / len(article.sentences))
    print(
        f"- VADER with evidence on the seed's sentences: {1000 * statistics.median(durations):.2f} ms per sentence"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default="newsmtsc-rw,newsmtsc-mt,persent-par")
    parser.add_argument("--predictions", type=Path, help="also write the kit's predictions here (JSON lines)")
    args = parser.parse_args(argv)
    if (EVAL / "sentiment-dev.jsonl").exists() and (EVAL / "score_sentiment.py").exists():
        dev_set(set(args.sources.split(",")), args.predictions)
    else:
        print(f"No evaluation data at {EVAL}: skipping the development-set figures (seed examples only).")
    seed_examples()
    return 0


if __name__ == "__main__":
    sys.exit(main())
