"""Reading the development sets of ``../shared/eval/`` for the benchmark scripts (never copied into the repo)."""

from __future__ import annotations

import json
from collections import defaultdict
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
