"""Train the speaker-choice model (newslab/layers/quotes/speaker_weights.json) and the fragment model
(newslab/layers/quotes/fragment_weights.json).

For every direct or partial quote the rules attribute, ``newslab.layers.quotes.attribution.speaker_candidates``
lists the people who may have said it (the subject of each verb of saying near it, the previous
quote's speaker, the rules' pick), each with readable features. A candidate is right when its words
overlap the gold speaker's or name the same person (same last word). The model is a conditional
logistic regression (plain numpy): a softmax over each quote's candidates, fitted so the right one
scores highest, with an L2 penalty.

The fragment model then looks at every quotation the rules leave without a speaker: the speaker
model proposes one among the same candidates (plus the subject of the verb the quotation hangs
from), and a binary logistic regression estimates the chance that the quotation is a gold quote
whose speaker is the proposed one. Its threshold is the break-even chance F1 / 2 (keeping a fragment
raises end-to-end F1 only above it); how that threshold does on the last fifth of the articles, with
the model fitted on the first four, is printed as a check. Its speakers come from the package's speaker weights, so run the script with the
default ``--out`` to rebuild both files as shipped.

Both learn from PolNeAR train in the JSON-lines format of ``quotes-train.jsonl`` (one record per
paragraph, gold speakers as offsets) and leave out every article listed in the file given with
``--untouched`` (those are kept for an honest score). Nothing is downloaded.

Usage:
    python scripts/train_speaker_model.py [../shared/eval/quotes-train.jsonl]
        [--untouched ../shared/eval/quotes-train-untouched.txt]
        [--out newslab/layers/quotes/speaker_weights.json] [--l2 1.0] [--min-count 5] [--cache DIR]
        [--fragment-out newslab/layers/quotes/fragment_weights.json] [--fragment-min-count 15] [--f1 0.89]
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np

from newslab.layers.quotes.attribution import fragment_decisions, speaker_candidates
from newslab.layers.quotes.fragment_model import FRAGMENT_SCHEMA, FRAGMENT_WEIGHTS_PATH, keep_chance
from newslab.layers.quotes.speaker_model import SCHEMA, WEIGHTS_PATH, Candidate, choose, load_weights

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "quotes-train.jsonl"
SEPARATOR = "\n\n"


def read_articles(path: Path, leave_out: set[str]) -> dict[str, list[dict]]:
    """Paragraph records grouped by article, in paragraph order, without the articles left out."""
    articles: dict[str, list[dict]] = collections.defaultdict(list)
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                if record["source"]["article"] not in leave_out:
                    articles[record["source"]["article"]].append(record)
    for records in articles.values():
        records.sort(key=lambda r: int(r["id"].rsplit("#", 1)[1]))
    return dict(sorted(articles.items()))


def last_word(text: str) -> str:
    """The last word of a name, lower case, for a lenient "same person" test ("Mrs. Clinton" ~ "Clinton")."""
    core = re.split(r"[,(;—–]", text, maxsplit=1)[0].lower().replace("’", "'")
    core = re.sub(r"'s\b", "", core)
    words = re.findall(r"[a-z0-9]+", core)
    return words[-1] if words else ""


def article_text(records: list[dict]) -> tuple[str, list[int]]:
    bases, position = [], 0
    for record in records:
        bases.append(position)
        position += len(record["text"]) + len(SEPARATOR)
    return SEPARATOR.join(r["text"] for r in records), bases


def gold_quotes(records: list[dict], bases: list[int]) -> list[dict]:
    """The direct and partial gold quotes with article offsets."""
    out = []
    for record, base in zip(records, bases, strict=True):
        for quote in record["quotes"]:
            if quote.get("kind", "direct") == "indirect" or not quote.get("speaker"):
                continue
            speaker = None
            if quote.get("speaker_start") is not None:
                speaker = (base + quote["speaker_start"], base + quote["speaker_end"])
            out.append(
                {
                    "span": (base + quote["start"], base + quote["end"]),
                    "speaker": quote["speaker"],
                    "at": speaker,
                }
            )
    return out


def is_right(text: str, mention: tuple[int, int], gold: dict) -> bool:
    at = gold["at"]
    if at is not None and min(at[1], mention[1]) > max(at[0], mention[0]):
        return True
    said = last_word(text[mention[0] : mention[1]])
    return bool(said) and said == last_word(gold["speaker"]) and said not in ("he", "she", "they", "it")


def matching_gold(span: tuple[int, int], golds: list[dict]) -> dict | None:
    best, best_share = None, 0.5
    for gold in golds:
        g0, g1 = gold["span"]
        shared = min(g1, span[1]) - max(g0, span[0])
        share = shared / max(g1 - g0, span[1] - span[0], 1)
        if share >= best_share:
            best, best_share = gold, share
    return best


def parsed(name: str, text: str, cache: Path | None):
    from newslab.article import Article
    from newslab.nlp import parse, remember

    date = name.split("_")[1] if len(name.split("_")) > 2 else None
    article = Article.from_text(text, id=name, published=date if date and len(date) == 10 else None)
    if cache is not None:
        from spacy.tokens import DocBin

        from newslab.nlp import load_model

        path = cache / f"{name}.spacy"
        if path.exists():
            remember(article, next(DocBin().from_disk(path).get_docs(load_model().vocab)))
        else:
            bin_ = DocBin(store_user_data=False)
            bin_.add(parse(article))
            bin_.to_disk(path)
    return article, parse(article)


def examples(articles: dict[str, list[dict]], cache: Path | None) -> list[tuple[list[dict], list[bool]]]:
    """For each quote that matches a gold one: its candidates' features and which are right.

    The model learns from the quotes with two or more candidates and a right one (see ``choosable``);
    the others still count when the share of right speakers is reported.
    """
    out = []
    for name, records in articles.items():
        text, bases = article_text(records)
        article, doc = parsed(name, text, cache)
        golds = gold_quotes(records, bases)
        for start, end, _kind, candidates in speaker_candidates(article, doc):
            gold = matching_gold((start, end), golds)
            if gold is not None and candidates:
                out.append(
                    ([c.features for c in candidates], [is_right(text, c.mention, gold) for c in candidates])
                )
    return out


def choosable(data: list[tuple[list[dict], list[bool]]]) -> list[tuple[list[dict], list[bool]]]:
    """The quotes a choice can get right or wrong: two or more candidates, one of them right."""
    return [(features, labels) for features, labels in data if len(labels) > 1 and any(labels)]


def fit(data, *, l2: float, min_count: int, steps: int = 400) -> dict[str, float]:
    """Conditional logistic regression by full-batch Adam: maximise log P(right candidates)."""
    counts = collections.Counter(name for features, _ in data for f in features for name in f)
    names = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: k for k, n in enumerate(names)}
    rows, groups, positive = [], [], []
    for g, (features, labels) in enumerate(data):
        for f, label in zip(features, labels, strict=True):
            row = np.zeros(len(names))
            for name, value in f.items():
                if name in index:
                    row[index[name]] = value
            rows.append(row)
            groups.append(g)
            positive.append(label)
    x = np.array(rows)
    group = np.array(groups)
    right = np.array(positive, dtype=float)
    n_groups = len(data)
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        s = x @ w
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        all_sum = np.bincount(group, e, n_groups)
        right_sum = np.bincount(group, e * right, n_groups)
        p_all = e / all_sum[group]
        p_right = e * right / right_sum[group]
        grad = x.T @ (p_all - p_right) / n_groups + l2 * w / n_groups
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {n: float(round(value, 4)) for n, value in zip(names, w, strict=True) if abs(value) >= 1e-4}


def fragment_examples(
    articles: dict[str, list[dict]], cache: Path | None
) -> list[tuple[int, dict[str, float], bool]]:
    """For each quotation the rules leave without a speaker: its article's number, features, and
    whether it is a gold quote whose speaker the speaker model picks."""
    out = []
    for number, (name, records) in enumerate(articles.items()):
        text, bases = article_text(records)
        article, doc = parsed(name, text, cache)
        golds = gold_quotes(records, bases)
        for decision in fragment_decisions(article, doc):
            gold = matching_gold((decision.draft.start, decision.draft.end), golds)
            right = gold is not None and is_right(text, decision.choice.chosen.mention, gold)
            out.append((number, decision.features, right))
    return out


def fit_binary(data, *, l2: float, min_count: int, steps: int = 600) -> dict[str, float]:
    """Logistic regression by full-batch Adam: the chance that a fragment is kept rightly."""
    counts = collections.Counter(name for _, features, _ in data for name in features)
    names = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for row, (_, features, _) in enumerate(data):
        for name, value in features.items():
            if name in index:
                x[row, index[name]] = value
    y = np.array([right for _, _, right in data], dtype=float)
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(data) + l2 * w / len(data)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {n: float(round(value, 4)) for n, value in zip(names, w, strict=True) if abs(value) >= 1e-4}


def break_even(f1: float) -> float:
    """The chance of being right above which keeping a fragment raises end-to-end F1: about F1 / 2.

    Keeping a fragment adds a right quote (F1 up) or a wrong one (F1 down); to first order F1 rises
    by the sum over kept fragments of (right − F1 / 2). Rounded up to the 0.05 grid.
    """
    return math.ceil(f1 / 2 * 20 - 1e-9) / 20


def threshold_table(data, weights: dict[str, float], f1: float) -> list[str]:
    """A line per threshold: how many fragments of ``data`` it keeps, how many rightly, and the gain.

    Printed as a check on the break-even threshold; the last fifth holds too few fragments (a few
    dozen) to choose a threshold on without chasing noise.
    """
    chances = [(keep_chance(features, weights), right) for _, features, right in data]
    lines = []
    for step in range(10, 96, 5):
        threshold = step / 100
        kept = [right for chance, right in chances if chance >= threshold]
        gain = sum(kept) - f1 / 2 * len(kept)
        lines.append(f"threshold {threshold:.2f}: keeps {len(kept)}, {sum(kept)} right, gain {gain:+.1f}")
    return lines


def write_json(path: Path, payload: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def train_fragment_model(
    articles, cache: Path | None, out: Path, *, l2: float, min_count: int, f1: float
) -> None:
    """Fit the fragment model on four fifths of the articles, choose its threshold on the last fifth,
    then refit on all and write the weights with that threshold."""
    load_weights.cache_clear()  # the speaker weights just written propose each fragment's speaker
    data = fragment_examples(articles, cache)
    cut = len(articles) * 4 // 5
    fitted = fit_binary([d for d in data if d[0] < cut], l2=l2, min_count=min_count)
    threshold = break_even(f1)
    lines = threshold_table([d for d in data if d[0] >= cut], fitted, f1)
    print("fragment model, last fifth of the articles (fitted on the first four fifths):")
    print("\n".join("  " + line for line in lines))
    weights = fit_binary(data, l2=l2, min_count=min_count)
    payload = {
        "schema": FRAGMENT_SCHEMA,
        "meta": {
            "trained_on": "PolNeAR v1.0 train without its untouched fifth",
            "articles": len(articles),
            "fragments": len(data),
            "right": sum(right for _, _, right in data),
            "l2": l2,
            "min_count": min_count,
            "threshold_chosen_on": (
                f"the break-even chance F1 / 2 for an end-to-end F1 of {f1}; the last fifth of the articles "
                "(fitted on the first four fifths) is printed as a check, too small to choose on"
            ),
            "script": "scripts/train_speaker_model.py",
        },
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    write_json(out, payload)
    print(f"{len(data)} fragments, threshold {threshold:.2f}; {len(weights)} weights written to {out}")


def accuracy(data, weights: dict[str, float] | None, margin: float = 0.0) -> float:
    """Share of quotes whose chosen candidate is right (``None``: the rules' pick, listed first)."""
    hits = 0
    for features, labels in data:
        if weights is None or len(features) == 1:
            best = 0
        else:
            candidates = [Candidate((k, k + 1), None, "cue", f) for k, f in enumerate(features)]
            best = choose(candidates, weights, margin=margin).index
        hits += labels[best]
    return hits / max(len(data), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train", type=Path, nargs="?", default=DEFAULT_TRAIN)
    parser.add_argument(
        "--untouched", type=Path, default=None, help="articles never to learn from, one a line"
    )
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--fragment-out", type=Path, default=FRAGMENT_WEIGHTS_PATH)
    parser.add_argument(
        "--f1", type=float, default=0.89, help="the end-to-end F1 the threshold is chosen for"
    )
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--fragment-min-count", type=int, default=15, help="fragments a feature needs to get a weight"
    )
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep parses in between runs")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument(
        "--validate",
        action="store_true",
        help="also fit on four fifths and report on the last fifth: on the quotes with a choice, then on every quote",
    )
    args = parser.parse_args(argv)
    if not args.train.exists():
        print(f"{args.train} is not there; give the path of quotes-train.jsonl.")
        return 2
    untouched_path = args.untouched or args.train.with_name("quotes-train-untouched.txt")
    if not untouched_path.exists():
        print(f"{untouched_path} is not there: the articles kept for an honest score must be left out.")
        return 2
    leave_out = {
        line.strip() for line in untouched_path.read_text(encoding="utf-8").splitlines() if line.strip()
    }
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    articles = read_articles(args.train, leave_out)
    if args.limit:
        articles = dict(list(articles.items())[: args.limit])
    every = examples(articles, args.cache)
    data = choosable(every)
    if args.validate:
        cut = len(every) * 4 // 5
        held = fit(choosable(every[:cut]), l2=args.l2, min_count=args.min_count)
        last = every[cut:]
        for margin in (0.0, 0.5, 1.0, 1.5, 2.0):
            print(
                f"last fifth, {len(choosable(last))} quotes with a choice: rules' pick right "
                f"{accuracy(choosable(last), None):.3f}, model's {accuracy(choosable(last), held, margin):.3f} "
                f"(margin {margin})"
            )
        print(
            f"last fifth, all {len(last)} quotes matching a gold one: speaker right "
            f"{accuracy(last, None):.3f} by the rules, {accuracy(last, held):.3f} with the model"
        )
    weights = fit(data, l2=args.l2, min_count=args.min_count)
    print(
        f"{len(articles)} articles, {len(data)} quotes with 2+ candidates and a right one; "
        f"rules' pick right {accuracy(data, None):.3f}, model's {accuracy(data, weights):.3f} (training data)"
    )
    payload = {
        "schema": SCHEMA,
        "meta": {
            "trained_on": "PolNeAR v1.0 train without its untouched fifth",
            "articles": len(articles),
            "quotes": len(data),
            "l2": args.l2,
            "min_count": args.min_count,
            "script": "scripts/train_speaker_model.py",
        },
        "weights": dict(sorted(weights.items())),
    }
    write_json(args.out, payload)
    print(f"{len(weights)} weights written to {args.out} in {time.perf_counter() - started:.0f} s")
    train_fragment_model(
        articles, args.cache, args.fragment_out, l2=args.l2, min_count=args.fragment_min_count, f1=args.f1
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
