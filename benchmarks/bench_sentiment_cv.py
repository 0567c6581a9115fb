"""Benchmark: the target-sentiment model cross-validated on its own training split.

The shipped model (``newslab/models/target_sentiment.json``) was trained on all of NewsMTSC's train
split, and its settings (features, ``--l2``, ``--min-count``) were chosen by looking at the
development set, so the development figure printed by ``bench_sentiment.py`` is a *tuned* one.
This script gives a figure on data the model did not see: the train split is cut into five folds
(by a hash of each sentence, so one sentence never sits in two folds); each fold is scored by a
model trained, with the shipped settings, on the other four. No setting is chosen here.

Run:  .venv/bin/python benchmarks/bench_sentiment_cv.py [--folds 5]
Reads ``../shared/eval/sentiment-train.jsonl``; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "sentiment-train.jsonl"


def fold_of(text: str, folds: int) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"The training data is not here ({TRAIN}); nothing to measure.")
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    import numpy as np
    from train_target_sentiment import build_matrix, featurise, fit, macro_f1, read_rows

    from newslab.layers.sentiment.target import LABELS, load_model

    settings = load_model().meta
    l2, min_count = float(settings.get("l2", 3.0)), int(settings.get("min_count", 3))
    rows = read_rows(TRAIN)
    labels = np.array([LABELS.index(row["label"]) for row in rows])
    features = featurise(rows)
    folds = np.array([fold_of(row["text"], args.folds) for row in rows])
    predicted = np.zeros_like(labels)
    for fold in range(args.folds):
        held = folds == fold
        vocab, w = fit([f for f, h in zip(features, held, strict=True) if not h], labels[~held],
                       l2=l2, min_count=min_count)  # fmt: skip
        x = build_matrix([f for f, h in zip(features, held, strict=True) if h], vocab)
        predicted[held] = np.argmax(x @ w, axis=1)
        print(f"fold {fold + 1}: {held.sum()} rows, macro-F1 {macro_f1(labels[held], predicted[held]):.3f}")
    print(
        f"data: NewsMTSC train, {len(rows)} rows, {args.folds}-fold cross-validation (l2={l2}, min_count={min_count})"
    )
    print(f"macro-F1 on held-out folds, all rows: {macro_f1(labels, predicted):.3f}")
    sources = np.array([row.get("source", "") for row in rows])
    for source in sorted(set(sources)):
        mask = sources == source
        print(
            f"  {source or '(no source)'}: {mask.sum()} rows, macro-F1 {macro_f1(labels[mask], predicted[mask]):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
