"""Learn the cue words of reported speech from PolNeAR, shipped as newslab/layers/quotes/learned_cues.json.

A cue is the word that tells a reader someone said, believes or wants something: "accused",
"denied", "hopes", "her claim that…". PolNeAR marks every cue of every attribution in its articles.
This script parses each paragraph with the kit's spaCy model and counts, for every lemma of a
verb or a noun, how often it heads a gold cue and how often it occurs at all. A lemma is kept when
it heads a cue often enough (``--min-cues``) and in a large enough share of its uses
(``--min-rate``). For each kept lemma it also counts where the reported content sits relative to
the cue in the parse: a clause ("ccomp"), a "to" clause ("xcomp"), an object ("dobj"), the object
of a preposition ("prep:about"), the verb's subject ("nsubj") and so on. The quote finder reads
these shapes to find the content of a report whose cue it learned here.

Only the articles of the train split that are NOT listed in ``quotes-train-untouched.txt`` are
read: the listed ones stay untouched so that a figure measured on them is an honest one.

Usage:
    python scripts/learn_cues.py [PATH/TO/quotes-train.jsonl] [--untouched PATH/TO/quotes-train-untouched.txt]
        [--out newslab/layers/quotes/learned_cues.json] [--min-cues 8] [--min-rate 0.3]

The output lists every kept lemma with its counts, so a student can read why "accuse" is a cue
(``"accuse": {"cues": 41, "seen": 55, ...}``).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from newslab.layers.quotes.learned import LEARNED_PATH, content_shape, cue_head, offered_shapes, word_class
from newslab.nlp import load_model

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
MIN_CUES = 8
MIN_RATE = 0.3
# Parts that are not what was said: the subject names the holder or is the reporter's hedge ("the
# vote seems…"), an adverbial clause says when or why ("after the vote"), an interjection is a word.
NOT_CONTENT = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent", "advcl", "intj", "advmod", "npadvmod"})


def learning_records(train: Path, untouched: Path) -> list[dict]:
    """The paragraph records of the articles not held out (those not listed in ``untouched``)."""
    held_out = {line.strip() for line in untouched.read_text(encoding="utf-8").splitlines() if line.strip()}
    records = []
    with train.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                if record["source"]["article"] not in held_out:
                    records.append(record)
    return records


def count(records: list[dict]) -> dict:
    """For every (class, lemma, shape): uses that offer the shape, and uses that headed a report with it.

    Returns ``{"verb": {"think": {"ccomp": [cued, offered], …}, …}, "noun": {…}}``.
    """
    counts: dict = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    nlp = load_model()
    texts = (r["text"] for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        cued = set()
        for quote in record["quotes"]:
            if quote.get("cue_start") is None:
                continue
            head = cue_head(doc, quote["cue_start"], quote["cue_end"])
            if head is not None:
                cued.add((head.i, content_shape(head, quote["start"], quote["end"])))
        quoted = [(q["start"], q["end"]) for q in record["quotes"] if q["kind"] != "indirect"]
        for token in doc:
            key = word_class(token)
            if key is None or any(start <= token.idx < end for start, end in quoted):
                continue  # words inside a quotation are the quoted speaker's, not the reporter's
            for shape in offered_shapes(token):
                entry = counts[key][shape]
                entry[1] += 1
                entry[0] += (token.i, shape) in cued
    table: dict = {"verb": {}, "noun": {}}
    for (kind, lemma), shapes in counts.items():
        table[kind][lemma] = {shape: list(entry) for shape, entry in shapes.items() if entry[0]}
    return table


def keep(counts: dict, min_cues: int, min_rate: float) -> dict:
    """The (lemma, shape) pairs that headed a report at least ``min_cues`` times and in at least
    ``min_rate`` of the uses that offered the shape; parts that are not what was said (the
    subject, an adverbial clause) are left out."""
    kept: dict = {"verb": {}, "noun": {}}
    for kind, lemmas in counts.items():
        for lemma, shapes in sorted(lemmas.items()):
            for shape, (cued, offered) in sorted(shapes.items()):
                if shape in NOT_CONTENT or cued < min_cues or cued / offered < min_rate:
                    continue
                kept[kind].setdefault(lemma, {})[shape] = {"cues": cued, "offered": offered}
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train", type=Path, nargs="?", default=EVAL_DIR / "quotes-train.jsonl")
    parser.add_argument("--untouched", type=Path, default=EVAL_DIR / "quotes-train-untouched.txt")
    parser.add_argument("--out", type=Path, default=LEARNED_PATH)
    parser.add_argument("--min-cues", type=int, default=MIN_CUES, help="fewest reports with a shape to keep it")
    parser.add_argument("--min-rate", type=float, default=MIN_RATE, help="smallest share of uses that report")
    parser.add_argument("--counts", type=Path, default=None, help="also save every count here (JSON)")
    parser.add_argument("--from-counts", type=Path, default=None, help="reuse saved counts: no parsing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.from_counts is not None:
        saved = json.loads(args.from_counts.read_text(encoding="utf-8"))
        counts, articles, paragraphs = saved["counts"], saved["articles"], saved["paragraphs"]
    else:
        if not args.train.exists() or not args.untouched.exists():
            print(f"{args.train} or {args.untouched} is not there; give the paths to PolNeAR's train split.")
            return 2
        records = learning_records(args.train, args.untouched)
        articles, paragraphs = len({r["source"]["article"] for r in records}), len(records)
        counts = count(records)
        if args.counts is not None:
            saved = {"articles": articles, "paragraphs": paragraphs, "counts": counts}
            args.counts.write_text(json.dumps(saved), encoding="utf-8")
    kept = keep(counts, args.min_cues, args.min_rate)
    learned = {
        "about": (
            "Cue words learned by scripts/learn_cues.py from the PolNeAR v1.0 train split "
            f"({articles} articles, {paragraphs} paragraphs; its untouched fifth left out). For each lemma "
            "and each place its content can sit (ccomp: a clause, xcomp: a 'to' clause, dobj: an object, "
            "prep:X: the object of preposition X): offered = uses with that part, cues = those that "
            "headed a marked report whose content was that part."
        ),
        "min_cues": args.min_cues,
        "min_rate": args.min_rate,
        **kept,
    }
    text = json.dumps(learned, indent=1, ensure_ascii=False) + "\n"
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.out)
    pairs = sum(len(shapes) for lemmas in kept.values() for shapes in lemmas.values())
    print(
        f"{articles} articles, {paragraphs} paragraphs: kept {pairs} (lemma, shape) pairs of "
        f"{len(kept['verb'])} verbs and {len(kept['noun'])} nouns in {args.out} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
