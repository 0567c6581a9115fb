"""Benchmark: the machine against the hand-checked gold files of the bundled articles.

For every article in ``data/articles/`` that has a gold file in ``data/gold/`` (annotated by the
rules in ``docs/annotation-guidelines.md``), the machine's annotations are scored label by label
(precision and recall, exact and overlap), quotes also by kind, and every disagreement is listed —
the list the instructor guide explains row by row. Events are left out of the disagreements: the
gold holds only the events that carry each story's timeline, the machine reports every main clause.

The bundled article was used to write the rules, so its figures flatter them; the practice articles
were written for the kit after the rules and are a fairer test, though small.

Run:  .venv/bin/python benchmarks/bench_gold.py [ARTICLE ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ["PERSON", "ORG", "PLACE", "QUOTE", "TIMEX"]


def quote_kind_scores(machine, gold) -> list[str]:
    """Overlap precision and recall of QUOTE spans per kind (a match needs the same kind)."""
    lines = []
    for kind in ("direct", "partial", "indirect"):
        ours = [a for a in machine.labelled("QUOTE") if a.attrs.get("kind") == kind]
        theirs = [a for a in gold.labelled("QUOTE") if a.attrs.get("kind") == kind]
        hit_ours = sum(any(a.start < b.end and b.start < a.end for b in theirs) for a in ours)
        hit_theirs = sum(any(a.start < b.end and b.start < a.end for a in ours) for b in theirs)
        precision = hit_ours / len(ours) if ours else float("nan")
        recall = hit_theirs / len(theirs) if theirs else float("nan")
        lines.append(
            f"  {kind:9} machine {len(ours):2}  gold {len(theirs):2}  P {precision:.2f}  R {recall:.2f}"
        )
    return lines


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from newslab.annotations import load_gold
    from newslab.article import bundled_articles, load_article
    from newslab.compare import compare, machine_annotations

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles", nargs="*", help="article names (default: every one with a gold file)")
    args = parser.parse_args()
    names = args.articles or [
        n for n in bundled_articles() if (ROOT / "data" / "gold" / f"{n}.json").exists()
    ]

    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 60)
    for name in names:
        article = load_article(name)
        gold = load_gold(article)
        machine = machine_annotations(article)
        result = compare(machine, gold, labels=LABELS)
        print(f"\n=== {name}: machine (a) against gold (b)")
        print(result.scores.to_string(index=False))
        print("quotes by kind (overlap):")
        print("\n".join(quote_kind_scores(machine, gold)))
        sentiment = compare(machine, gold, labels=["SENTIMENT"])
        if sentiment.sentences:
            same = round(sentiment.agreement * sentiment.sentences)
            print(f"sentence sentiment: {same} of {sentiment.sentences} agree, kappa {sentiment.kappa:.2f}")
        rows = result.disagreements
        print(f"disagreements ({len(rows)}):")
        if len(rows):
            shown = rows[["start", "kind", "label_a", "label_b", "text_a", "text_b", "detail_a", "detail_b"]]
            print(shown.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
