"""Benchmark: who's who (``newslab.people``).

1. On the bundled article, the cast's PERSON / ORG / PLACE mentions against the hand-checked gold
   file ``data/gold/trump-russia-cyber.json``: precision and recall of mention spans (exact offsets
   and label), the share also linked to the right entity, and how many gold pronoun and
   description mentions are linked to the right person.
2. On the articles of the PolNeAR development set (``../shared/eval/quotes-dev.jsonl``, paragraphs
   joined with a blank line, offsets mapped back), how many gold speaker mentions fall inside a cast
   mention of the right type (PERSON, or ORG for organisations), by kind of speaker mention.
3. Milliseconds per article for ``find_cast`` on top of the spaCy parse.

Run:  .venv/bin/python benchmarks/bench_people.py [--set dev|untouched] [--limit N] [--misses]

Part 2 runs on the development set (``--set dev``, which the rules were tuned on) or on the fifth of
the PolNeAR train split listed in ``quotes-train-untouched.txt`` (``--set untouched``, never tuned on).
The evaluation data is not part of the repository; without it part 2 says so and the script exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from devsets import group_by_article, listed

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
DEV = EVAL_DIR / "quotes-dev.jsonl"
GOLD = ROOT / "data" / "gold" / "trump-russia-cyber.json"
SEPARATOR = "\n\n"
LABELS = ("PERSON", "ORG", "PLACE")
PRONOUNS = {
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "it",
    "its",
}
ORG_HINTS = re.compile(
    r"\b(?:campaign|committee|party|department|agency|office|council|house|senate|congress|news|times|post|"
    r"press|network|administration|government|group|association|union|foundation|institute|university|"
    r"company|inc|corp|bureau|court|police|ministry|commission|organization|organisation|kremlin|pentagon|"
    r"white house|fbi|cia|nbc|cbs|cnn|abc|fox|gop|rnc|dnc)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def pct(part: float, whole: float) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else f"{part}/{whole}"


def bundled() -> None:
    from newslab import load_article
    from newslab.analysis import analyze
    from newslab.annotations import load_annotations
    from newslab.people import to_annotations

    article = load_article("trump-russia-cyber")
    gold = load_annotations(GOLD, article.text).labelled(*LABELS)
    if not gold:
        print("  the gold file has no PERSON / ORG / PLACE records yet")
        return
    started = time.perf_counter()
    cast = analyze(article).cast
    predicted = to_annotations(cast)
    gold_spans = {(a.start, a.end, a.label): a.attrs.get("entity") for a in gold}
    pred_spans = {(a.start, a.end, a.label): a.attrs.get("entity") for a in predicted}
    both = set(gold_spans) & set(pred_spans)
    right_entity = sum(gold_spans[k] == pred_spans[k] for k in both)
    print(f"  mentions: gold {len(gold_spans)}, found {len(pred_spans)}, matching span and label {len(both)}")
    print(f"  precision {pct(len(both), len(pred_spans))}")
    print(f"  recall    {pct(len(both), len(gold_spans))}")
    print(f"  matched mentions linked to the right entity: {pct(right_entity, len(both))}")
    for label in LABELS:
        g = {k for k in gold_spans if k[2] == label}
        p = {k for k in pred_spans if k[2] == label}
        print(f"    {label:<6} precision {pct(len(g & p), len(p))}   recall {pct(len(g & p), len(g))}")
    for kind, test in (
        ("pronoun", lambda a: a.text.lower() in PRONOUNS),
        ("description", lambda a: a.text.lower().startswith(("the ", "a ", "an "))),
    ):
        wanted = [a for a in gold if a.label == "PERSON" and test(a)]
        right = [a for a in wanted if pred_spans.get((a.start, a.end, a.label)) == a.attrs.get("entity")]
        print(f"  gold {kind} mentions linked to the right person: {pct(len(right), len(wanted))}")
    names = {e.name for e in cast}
    gold_names = {a.attrs.get("entity") for a in gold}
    print(
        f"  entities: gold {len(gold_names)}, found {len(names)}, same canonical name {len(names & gold_names)}"
    )
    for key in sorted(set(pred_spans) - set(gold_spans)):
        print(f"    extra:  {key[2]:<6} {article.text[key[0] : key[1]]!r} at {key[0]}")
    for key in sorted(set(gold_spans) - set(pred_spans)):
        print(f"    missed: {key[2]:<6} {article.text[key[0] : key[1]]!r} at {key[0]}")
    print(f"  (parse + cast: {1000 * (time.perf_counter() - started):.0f} ms)")


def load_dev() -> dict[str, list[dict]]:
    return group_by_article(DEV)


def speaker_kind(text: str) -> str:
    words = text.split()
    if text.lower() in PRONOUNS or text.lower() in ("i", "we", "you", "me", "us"):
        return "pronoun"
    if words and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "’s", "'s") for w in words):
        return "name"
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and len(words) <= 4):
        return "name + words"
    return "description"


def expected_type(text: str) -> str:
    return "ORG" if ORG_HINTS.search(text) or ACRONYM.search(text) else "PERSON"


def dev(limit: int | None, misses: bool, subset: str = "dev") -> None:
    from newslab.article import Article
    from newslab.nlp import parse
    from newslab.people import find_cast

    if not DEV.exists():
        print(f"  {DEV} is not here (evaluation data is kept outside the repository): part 2 skipped.")
        return
    if subset == "untouched":
        keep = listed("quotes-train-untouched.txt")
        articles = {k: v for k, v in group_by_article(EVAL_DIR / "quotes-train.jsonl").items() if k in keep}
    else:
        articles = load_dev()
    print(
        f"  data: {subset} ({'tuned on' if subset == 'dev' else 'never tuned on'}), {len(articles)} articles"
    )
    names = sorted(articles)[:limit] if limit else sorted(articles)
    totals: Counter = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    parse_s = cast_s = 0.0
    missed: list[str] = []
    for name in names:
        records = articles[name]
        text = SEPARATOR.join(r["text"] for r in records)
        bases, position = [], 0
        for record in records:
            bases.append(position)
            position += len(record["text"]) + len(SEPARATOR)
        article = Article.from_text(text, id=name)
        t0 = time.perf_counter()
        doc = parse(article)
        t1 = time.perf_counter()
        cast = find_cast(article, doc)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        cast_s += t2 - t1
        mentions = [(m.start, m.end, e.label, e.name) for e in cast for m in e.mentions]
        for base, record in zip(bases, records, strict=True):
            for quote in record["quotes"]:
                if quote.get("speaker_start") is None or quote.get("speaker_end") is None:
                    continue
                start, end = base + quote["speaker_start"], base + quote["speaker_end"]
                surface = text[start:end]
                kind = speaker_kind(surface)
                wanted = expected_type(surface)
                overlapping = [m for m in mentions if m[0] < end and start < m[1]]
                inside = [m for m in overlapping if m[0] <= start and end <= m[1]]
                typed = [m for m in overlapping if m[2] == wanted]
                if any(m[2] in ("PERSON", "ORG") for m in overlapping):
                    totals["overlap PERSON or ORG"] += 1
                totals["speakers"] += 1
                by_kind[kind]["speakers"] += 1
                for key, hit in (
                    ("overlap any", overlapping),
                    ("overlap right type", typed),
                    ("inside, right type", [m for m in inside if m[2] == wanted]),
                ):
                    if hit:
                        totals[key] += 1
                        by_kind[kind][key] += 1
                if not typed and misses:
                    found = ", ".join(f"{m[2]} {m[3]}" for m in overlapping) or "no mention"
                    missed.append(f"    {kind:<12} {wanted:<6} {surface!r:<40} ← {found}")
    n = totals["speakers"]
    print(f"  {len(names)} articles, {n} gold speaker mentions")
    print("  (right type: ORG when the gold mention looks like an organisation's name, else PERSON)")
    for key in ("overlap any", "overlap PERSON or ORG", "overlap right type", "inside, right type"):
        print(f"  gold speaker mention {key:<20}: {pct(totals[key], n)}")
    print("  by kind of gold speaker mention (overlap with a cast mention of the right type):")
    for kind in ("name", "name + words", "pronoun", "description"):
        counts = by_kind[kind]
        print(f"    {kind:<12} {pct(counts['overlap right type'], counts['speakers'])}")
    print(
        f"  find_cast: {1000 * cast_s / max(len(names), 1):.0f} ms per article "
        f"(spaCy parse: {1000 * parse_s / max(len(names), 1):.0f} ms per article)"
    )
    if misses:
        print("  speakers without a cast mention of the right type:")
        print("\n".join(missed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N dev articles")
    parser.add_argument("--misses", action="store_true", help="list the speakers not covered")
    parser.add_argument("--set", choices=("dev", "untouched"), default="dev", help="data for part 2")
    args = parser.parse_args(argv)
    print("1. Bundled article vs data/gold/trump-russia-cyber.json")
    bundled()
    print(f"2. PolNeAR {args.set} speakers inside cast mentions")
    dev(args.limit, args.misses, args.set)
    return 0


if __name__ == "__main__":
    sys.exit(main())
