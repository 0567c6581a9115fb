"""Train the target-sentiment model shipped as newslab/layers/sentiment/target_weights.json.

The model is a multinomial logistic regression (plain numpy, no other learning library) over the
features of ``newslab.layers.sentiment.target.mention_features``. It learns from NewsMTSC (MIT licence):
JSON lines with ``text``, ``target_start``, ``target_end`` and ``label`` (negative / neutral /
positive). The data is read from the path you give; nothing is downloaded.

Usage:
    python scripts/train_target_sentiment.py PATH/TO/sentiment-train.jsonl \
        [--dev PATH/TO/sentiment-dev.jsonl] [--out newslab/layers/sentiment/target_weights.json] [--l2 3.0]

The weights file lists, for every feature name, one weight per label; read it to see what the
model learned (e.g. ``"head+obj=criticize"`` pushes toward negative).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

import numpy as np

from newslab.layers.sentiment.target import LABELS, MODEL_PATH, TargetModel, mention_features


def read_rows(path: Path) -> list[dict]:
    """The rows of a JSON-lines file, without exact duplicates (same text, target and label)."""
    rows, seen = [], set()
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["text"], row["target_start"], row["target_end"], row["label"])
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
    return rows


def featurise(rows: list[dict], docs: dict[str, object] | None = None) -> list[dict[str, float]]:
    """The features of every row as ``{name: value}`` (the row's whole text is its sentence)."""
    from newslab.nlp import load_model

    if docs is None:
        nlp = load_model()
        texts = sorted({row["text"] for row in rows})
        docs = dict(zip(texts, nlp.pipe(texts, batch_size=64), strict=True))
    out = []
    for row in rows:
        doc = docs[row["text"]]
        values: dict[str, float] = collections.defaultdict(float)
        for feature in mention_features(doc[:], row["target_start"], row["target_end"]):
            values[feature.name] += feature.value
        out.append(dict(values))
    return out


def build_matrix(features: list[dict[str, float]], vocab: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(features), len(vocab)), dtype=np.float32)
    for i, values in enumerate(features):
        for name, value in values.items():
            j = vocab.get(name)
            if j is not None:
                matrix[i, j] = value
    return matrix


def train(x: np.ndarray, y: np.ndarray, *, l2: float, epochs: int = 300, rate: float = 0.1) -> np.ndarray:
    """Fit softmax regression weights (features × labels) by full-batch Adam on the class-balanced log loss.

    The bias (column 0) is not penalised.
    """
    n, d = x.shape
    k = len(LABELS)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_weight = (n / (k * counts))[y].astype(np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    w = np.zeros((d, k), dtype=np.float32)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    penalty = np.full((d, 1), l2 / n, dtype=np.float32)
    penalty[0] = 0.0
    for step in range(1, epochs + 1):
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - onehot) * sample_weight[:, None]) / n + penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for k in range(len(LABELS)):
        tp = np.sum((gold == k) & (pred == k))
        fp = np.sum((gold != k) & (pred == k))
        fn = np.sum((gold == k) & (pred != k))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def fit(
    features: list[dict], labels: np.ndarray, *, l2: float, min_count: int
) -> tuple[dict[str, int], np.ndarray]:
    """Choose the features seen at least ``min_count`` times and fit their weights."""
    counts = collections.Counter(name for values in features for name in values)
    names = ["bias", *sorted(name for name, c in counts.items() if c >= min_count and name != "bias")]
    vocab = {name: j for j, name in enumerate(names)}
    x = build_matrix(features, vocab)
    return vocab, train(x, labels, l2=l2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="NewsMTSC training rows (JSON lines)")
    parser.add_argument(
        "--dev", type=Path, help="rows to report macro-F1 on (only newsmtsc-rw rows are used)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.train.exists():
        print(f"There is no file at `{args.train}`: give the path of sentiment-train.jsonl.", file=sys.stderr)
        return 2
    began = time.perf_counter()
    rows = read_rows(args.train)
    labels = np.array([LABELS.index(row["label"]) for row in rows])
    features = featurise(rows)
    vocab, w = fit(features, labels, l2=args.l2, min_count=args.min_count)
    x = build_matrix(features, vocab)
    print(
        f"trained on {len(rows)} rows, {len(vocab)} features, train macro-F1 "
        f"{macro_f1(labels, np.argmax(x @ w, axis=1)):.3f} ({time.perf_counter() - began:.0f} s)"
    )
    if args.dev:
        dev = [row for row in read_rows(args.dev) if row.get("source", "newsmtsc-rw") == "newsmtsc-rw"]
        dev_labels = np.array([LABELS.index(row["label"]) for row in dev])
        x_dev = build_matrix(featurise(dev), vocab)
        print(
            f"dev (newsmtsc-rw, {len(dev)} rows) macro-F1 {macro_f1(dev_labels, np.argmax(x_dev @ w, axis=1)):.3f}"
        )
    weights = {name: tuple(float(v) for v in w[j]) for name, j in vocab.items()}
    meta = {
        "trained_on": "NewsMTSC train (MIT licence), duplicates removed",
        "rows": len(rows),
        "l2": args.l2,
        "min_count": args.min_count,
        "script": "scripts/train_target_sentiment.py",
    }
    model = TargetModel(LABELS, weights, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    from newslab.files import write_atomic

    write_atomic(args.out, model.dumps(), overwrite=True)
    args.out.chmod(0o644)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
