"""Benchmark: choose the target-sentiment model's settings by cross-validation on its training split.

Every setting of the shipped model (``newslab/layers/sentiment/target_weights.json``) is chosen here,
on NewsMTSC's train split alone: the split is cut into five folds by a hash of each sentence (so one
sentence never sits in two folds, even when it has several targets); for every setting in the grid,
each fold is scored by a model trained on the other four, and the setting with the best macro-F1
over all held-out rows wins. Then the decision thresholds (a prior added to each label's score) are
chosen the same way, on the winner's held-out scores. The figure printed for the pick is therefore
a *tuned* one; the development set (``bench_sentiment.py``) was not looked at and gives the untuned
figure.

Run:  .venv/bin/python benchmarks/bench_sentiment_cv.py [--folds 5] [--cache /tmp/DIR] [--shipped]
                                                      [--by-article] [--cuts N] [--without PREFIX,…]
``--shipped`` scores only the shipped model's settings (no grid). ``--by-article`` cuts the folds by
article instead of by sentence, so that no held-out sentence shares an article (its story, its
people) with the training rows: a harder figure, closer to new articles. ``--cuts N`` (with
``--shipped``) also scores N - 1 other ways of cutting the same rows into folds and prints the spread:
a change to the model that moves the figure by less than that spread is luck, not progress.
``--without w=,tw=`` leaves out every feature whose name starts with one of the prefixes, to see
what a family of features is worth. ``--cache`` keeps the parsed sentences in a folder outside the
repository, so a second run skips the parse.
Reads ``../shared/eval/sentiment-train.jsonl``; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "sentiment-train.jsonl"
GRID = {"l2": (5.0, 10.0, 20.0), "min_count": (2, 3), "balance": (0.5, 1.0)}
PRIOR_STEPS = tuple(round(0.1 * s, 1) for s in range(-4, 5))


def held_out_scores(features, labels, folds, settings, fit, build_matrix):
    """Each row's label scores from the model trained without its fold."""
    import numpy as np

    scores = np.zeros((len(labels), 3))
    for fold in sorted(set(folds.tolist())):
        held = folds == fold
        train_rows = [f for f, h in zip(features, held, strict=True) if not h]
        vocab, w = fit(train_rows, labels[~held], settings)
        scores[held] = build_matrix([f for f, h in zip(features, held, strict=True) if h], vocab).dot(w)
    return scores


def without(features, prefixes):
    """The features of every row, leaving out names that start with one of ``prefixes``."""
    return [{name: value for name, value in row.items() if not name.startswith(prefixes)} for row in features]


def spread(figures):
    """``"mean 0.684 (0.679–0.689 over 3 cuts)"`` for the figures of several fold cuts."""
    mean = sum(figures) / len(figures)
    return f"mean {mean:.3f} ({min(figures):.3f}–{max(figures):.3f} over {len(figures)} cuts)"


def best_prior(scores, labels, macro_f1):
    """The shift of the negative and positive scores (neutral fixed) with the best held-out macro-F1."""
    import numpy as np

    best = ((0.0, 0.0, 0.0), macro_f1(labels, np.argmax(scores, axis=1)))
    for neg, pos in itertools.product(PRIOR_STEPS, PRIOR_STEPS):
        prior = (neg, 0.0, pos)
        f1 = macro_f1(labels, np.argmax(scores + np.array(prior), axis=1))
        if f1 > best[1] + 1e-9:
            best = (prior, f1)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="a folder outside the repository for parsed sentences")
    parser.add_argument("--shipped", action="store_true", help="score the shipped settings only")
    parser.add_argument("--by-article", action="store_true", help="cut the folds by article, not sentence")
    parser.add_argument(
        "--cuts", type=int, default=1, help="with --shipped: score this many different fold cuts (default 1)"
    )
    parser.add_argument(
        "--without", default="", metavar="PREFIX,…", help="leave out features whose names start so"
    )
    args = parser.parse_args(argv)
    if args.cuts < 1 or (args.cuts > 1 and not args.shipped):
        parser.error("--cuts takes a number from 1 up, and more than one cut needs --shipped")
    if not TRAIN.exists():
        print(f"The training data is not here ({TRAIN}); nothing to measure.")
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    import numpy as np
    from train_target_sentiment import (
        SHIPPED,
        article_of,
        build_matrix,
        f1_per_class,
        featurise,
        fit,
        fold_of,
        macro_f1,
        parse_texts,
        read_rows,
    )

    from newslab.layers.sentiment.target import LABELS

    began = time.perf_counter()
    rows = read_rows(TRAIN)
    labels = np.array([LABELS.index(row["label"]) for row in rows])
    features = featurise(rows, parse_texts(sorted({row["text"] for row in rows}), args.cache))
    left_out = tuple(prefix for prefix in args.without.split(",") if prefix)
    if left_out:
        features = without(features, left_out)
    unit = "article" if args.by_article else "sentence"
    keys = [article_of(row) if args.by_article else row["text"] for row in rows]
    folds = np.array([fold_of(key, args.folds) for key in keys])
    print(
        f"data: NewsMTSC train, {len(rows)} rows (duplicates removed), {args.folds} folds by {unit} hash "
        f"(features in {time.perf_counter() - began:.0f} s)"
        + (f"; features left out: {', '.join(left_out)}" if left_out else "")
    )

    if args.shipped:
        pick = SHIPPED
        scores = held_out_scores(
            features, labels, folds, replace(pick, prior=(0.0, 0.0, 0.0)), fit, build_matrix
        )
        scores += np.array(pick.prior)
        if args.cuts > 1:
            figures = [macro_f1(labels, np.argmax(scores, axis=1))]
            for cut in range(1, args.cuts):
                other = np.array([fold_of(key, args.folds, cut=cut) for key in keys])
                held = held_out_scores(
                    features, labels, other, replace(pick, prior=(0.0, 0.0, 0.0)), fit, build_matrix
                )
                figures.append(macro_f1(labels, np.argmax(held + np.array(pick.prior), axis=1)))
                print(f"  cut {cut + 1}: macro-F1 {figures[-1]:.3f}", flush=True)
            print(f"the same settings on {args.cuts} cuts into folds: {spread(figures)}")
    else:
        print(f"{'l2':>6}{'min_count':>10}{'balance':>9}{'macro-F1':>10}")
        tried = []
        for l2, min_count, balance in itertools.product(*GRID.values()):
            settings = replace(SHIPPED, l2=l2, min_count=min_count, balance=balance, prior=(0.0, 0.0, 0.0))
            scores = held_out_scores(features, labels, folds, settings, fit, build_matrix)
            f1 = macro_f1(labels, np.argmax(scores, axis=1))
            tried.append((f1, settings, scores))
            print(f"{l2:>6g}{min_count:>10}{balance:>9g}{f1:>10.3f}", flush=True)
        f1, pick, scores = max(tried, key=lambda t: t[0])
        prior, prior_f1 = best_prior(scores, labels, macro_f1)
        print(
            f"picked: l2={pick.l2:g}, min_count={pick.min_count}, balance={pick.balance:g} (macro-F1 {f1:.3f})"
        )
        print(f"then the prior (negative, neutral, positive) {prior}: macro-F1 {prior_f1:.3f}")
        pick = replace(pick, prior=prior)
        scores = scores + np.array(prior)
        if pick != SHIPPED:
            print(f"the shipped model's settings differ: {SHIPPED}; retrain with these.")

    predicted = np.argmax(scores, axis=1)
    print(f"\nsettings: {pick}")
    for fold in range(args.folds):
        held = folds == fold
        print(f"  fold {fold + 1}: {held.sum()} rows, macro-F1 {macro_f1(labels[held], predicted[held]):.3f}")
    per_class = ", ".join(
        f"{name} {f:.3f}" for name, f in zip(LABELS, f1_per_class(labels, predicted), strict=True)
    )
    print(
        f"macro-F1 on held-out folds, all rows (tuned: settings chosen here): {macro_f1(labels, predicted):.3f}"
    )
    print(f"  per class: {per_class}")
    print(f"({time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
