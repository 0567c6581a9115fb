"""Learn the verbs and nouns of reported speech from PolNeAR, shipped as newslab/layers/quotes/learned_cues.json.

A cue is the word that tells a reader someone said, believes or wants something: "accused",
"denied", "hopes", "portrayed him as…", and nouns too: "her opposition to…", "his embrace of…".
PolNeAR marks the cue of every attribution in its articles, with its content and its source. This
script parses each paragraph with the kit's spaCy model and, for every verb lemma (and every noun
lemma of a cue with no verb in it) and every part of the parse its content can sit in (its
*shape*: "ccomp" a clause, "xcomp" a "to" clause, "dobj" an object, "oprd" what is said of the
object, "prep:as" the object of "as", "acl" a clause on a noun…), counts:

- ``offered``: the uses of the word (outside quotation marks) that have that part;
- ``cues``: those that head a marked attribution whose content is that part;
- ``unnamed``: those among ``cues`` whose source is not named (the reporter's hedge: "the vote
  seems to…", "is expected to…").

A (word, shape) pair is kept when it heads a report at least ``--min-cues`` times, in at least
``--min-rate`` of the uses that offer it, and when the source is named in most of them (an object
that is only the topic of a talk, "discussed the budget", is left out as the kit's guidelines say).
The quote finder (``newslab/layers/quotes/reported.py``) then reads a kept verb or noun with that
part as a report.

Only the articles of the train split that are NOT listed in ``quotes-train-untouched.txt`` are
read: the listed ones stay untouched, so that a figure measured on them is an honest one.

Usage:
    python scripts/learn_cues.py [PATH/TO/quotes-train.jsonl] [--untouched PATH/TO/quotes-train-untouched.txt]
        [--out newslab/layers/quotes/learned_cues.json] [--min-cues 3] [--min-rate 0.25]
        [--counts counts.json | --from-counts counts.json]

The paths default to ``../shared/eval/``. Parsing takes a few minutes; ``--counts`` saves every
count so that ``--from-counts`` can try other thresholds in a second. Read the output to see why a
verb is a cue: ``"accuse": {"prep:of": {"cues": 46, "offered": 77, "unnamed": 0}}`` says that in 46
of the 77 uses of "accuse … of …" the "of" phrase was what someone was accused of.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from newslab.layers.quotes.learned import (
    LEARNED_PATH,
    content_shape,
    cue_head,
    cue_noun,
    noun_lemma,
    offered_shapes,
    verb_lemma,
)
from newslab.nlp import load_model

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
MIN_CUES = 3
MIN_RATE = 0.25
MAX_UNNAMED = 0.5
# Parts that are not what was said: the subject names the holder (or is the reporter's hedge: "the
# vote seems…"), an adverbial clause or modifier says when or why ("after the vote").
NOT_CONTENT = frozenset(
    {"nsubj", "nsubjpass", "csubj", "expl", "agent", "advcl", "intj", "advmod", "npadvmod"}
)
# What a noun's content can be besides a phrase ("criticism [of the plan]"): a clause on it ("the
# claim [that…]", "her decision [to appeal]").
NOUN_CONTENT = frozenset({"acl", "ccomp"})
# Verbs whose object is the topic of a talk, not what was said: the kit's annotation guidelines
# (docs/annotation-guidelines.md, 2.4) count an object only when it stands for something said, so
# "Members discussed the budget" is no one's statement there, though PolNeAR marks it.
TOPIC_VERBS = frozenset({"discuss"})


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
    """``{"verbs": {lemma: {shape: [cues, offered, unnamed]}}, "nouns": {…}}`` over the paragraphs
    (see the module docstring)."""
    counts: dict = {
        part: collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
        for part in ("verbs", "nouns")
    }
    nlp = load_model()
    texts = (r["text"] for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        reports = {}
        for quote in record["quotes"]:
            if quote.get("cue_start") is None:
                continue
            head = cue_head(doc, quote["cue_start"], quote["cue_end"])
            if head is None:
                head = cue_noun(doc, quote["cue_start"], quote["cue_end"])
            if head is not None:
                shape = content_shape(head, quote["start"], quote["end"])
                reports[(head.i, shape)] = quote.get("speaker") is None
        quoted = [(q["start"], q["end"]) for q in record["quotes"] if q["kind"] != "indirect"]
        for token in doc:
            lemma, part = verb_lemma(token), "verbs"
            if lemma is None:
                lemma, part = noun_lemma(token), "nouns"
            if lemma is None or any(start <= token.idx < end for start, end in quoted):
                continue  # words inside a quotation are the quoted speaker's, not the reporter's
            for shape in offered_shapes(token):
                entry = counts[part][lemma][shape]
                entry[1] += 1
                if (token.i, shape) in reports:
                    entry[0] += 1
                    entry[2] += reports[(token.i, shape)]
    return {
        part: {lemma: {s: e for s, e in shapes.items() if e[0]} for lemma, shapes in words.items()}
        for part, words in counts.items()
    }


def keep(counts: dict, min_cues: int, min_rate: float, *, nouns: bool = False) -> dict:
    """The (lemma, shape) pairs that headed a report at least ``min_cues`` times, in at least
    ``min_rate`` of the uses that offered the shape, with a named source in most of them; parts
    that are not what was said (the subject, an adverbial clause) are left out, and a noun keeps
    only what hangs on it as a phrase or clause ("opposition [to the plan]", "claim [that…]")."""
    kept: dict = {}
    for lemma, shapes in sorted(counts.items()):
        for shape, (cues, offered, unnamed) in sorted(shapes.items()):
            if shape in NOT_CONTENT or cues < min_cues or cues / offered < min_rate:
                continue
            if nouns and not (shape.startswith("prep:") or shape in NOUN_CONTENT):
                continue
            if unnamed / cues > MAX_UNNAMED:
                continue  # "seems to…", "is expected to…": the reporter's hedge, no one's report
            if lemma in TOPIC_VERBS and shape == "dobj":
                continue
            kept.setdefault(lemma, {})[shape] = {"cues": cues, "offered": offered, "unnamed": unnamed}
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train", type=Path, nargs="?", default=EVAL_DIR / "quotes-train.jsonl")
    parser.add_argument("--untouched", type=Path, default=EVAL_DIR / "quotes-train-untouched.txt")
    parser.add_argument("--out", type=Path, default=LEARNED_PATH)
    parser.add_argument(
        "--min-cues", type=int, default=MIN_CUES, help="fewest reports with a shape to keep it"
    )
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
    kept = {
        part: keep(counts[part], args.min_cues, args.min_rate, nouns=part == "nouns")
        for part in ("verbs", "nouns")
    }
    learned = {
        "about": (
            "Verbs and nouns of reported speech learned by scripts/learn_cues.py from the PolNeAR v1.0 train "
            f"split ({articles} articles, {paragraphs} paragraphs; its untouched fifth left out). For each "
            "verb (and each noun of a cue with no verb) and each part of the parse its content can sit in "
            "(ccomp: a clause, xcomp: a 'to' clause, dobj: an object, oprd: what is said of the object, "
            "prep:X: the object of preposition X, acl: a clause on the noun): "
            "offered = uses with that part, cues = those that headed a marked report whose content was "
            "that part, unnamed = those whose source was not named."
        ),
        "min_cues": args.min_cues,
        "min_rate": args.min_rate,
        "max_unnamed": MAX_UNNAMED,
        "verbs": kept["verbs"],
        "nouns": kept["nouns"],
    }
    text = json.dumps(learned, indent=1, ensure_ascii=False) + "\n"
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.out)
    summary = ", ".join(
        f"{sum(len(shapes) for shapes in kept[part].values())} ({part[:-1]}, shape) pairs of {len(kept[part])} {part}"
        for part in ("verbs", "nouns")
    )
    print(
        f"{articles} articles, {paragraphs} paragraphs: kept {summary} in {args.out} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
