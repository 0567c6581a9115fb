"""Reading the development sets of ``../shared/eval/`` for the benchmark scripts (never copied into the repo)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


def group_by_article(path: Path) -> dict[str, list[dict]]:
    """The paragraph records of ``quotes-dev.jsonl`` grouped by article, paragraphs in order."""
    articles: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                articles[record["source"]["article"]].append(record)
    for records in articles.values():
        records.sort(key=lambda r: int(r["id"].rsplit("#", 1)[1]))
    return dict(articles)


def listed(name: str) -> set[str]:
    """The names listed one per line in an evaluation-folder file (e.g. ``quotes-train-untouched.txt``)."""
    path = EVAL_DIR / name
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def write_subset(source: Path, keep: Iterable[str], key, destination: Path) -> Path:
    """Copy the JSON lines of ``source`` whose ``key(record)`` is in ``keep`` to ``destination``.

    Used to score on a part of an evaluation file (the scorers take a gold path); the copy lives in
    a temporary folder, never in the repository.
    """
    keep = set(keep)
    with source.open(encoding="utf-8") as stream, destination.open("w", encoding="utf-8") as out:
        for line in stream:
            if line.strip() and key(json.loads(line)) in keep:
                out.write(line)
    return destination
