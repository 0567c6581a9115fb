"""CPU cost of the whole ``newslab annotate`` record beside the bare spaCy parse of the same articles.

Run:  .venv/bin/python benchmarks/bench_cpu.py [--limit N] [--repeat R] [--keep DIR]

The articles are the 84 of ``../shared/eval/quotes-dev.jsonl`` (PolNeAR dev; paragraphs joined with a
blank line, in order, the date taken from the article's name). Nothing from it is stored in the
repository; without it the script says so and exits 0.

Both sides run in the same run, each as a fresh process, and are measured as process CPU seconds
(user + system, read from the finished process's resource usage), model load included on both:

- **kit**: ``python -m newslab annotate --jsonl ARTICLES --workers 1`` — parse, cast, every kind of
  quote, timeline and sentiment, the records written to a file;
- **parse**: the same spaCy model with all its components, ``list(nlp.pipe(texts))`` over the same
  texts, nothing else.

The ratio kit / parse is the figure the kit is held to (goal ≤ 1.25×). With ``--repeat R`` the two
sides alternate R times and the smallest CPU time of each side is kept (other work on a shared
machine only ever adds time). ``--keep DIR`` keeps the kit's records (``DIR/records.jsonl``), to
check that a speed-up changes nothing in them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_quotes import DEV, article_date
from devsets import group_by_article

# The bare side: load the kit's model the way spaCy loads any model, and parse every text.
BARE_PARSE = """
import json, sys
import spacy
from newslab.nlp import find_model_package
nlp = spacy.load(find_model_package())
with open(sys.argv[1], encoding="utf-8") as stream:
    texts = [json.loads(line)["text"] for line in stream if line.strip()]
docs = list(nlp.pipe(texts))
print(sum(len(doc) for doc in docs))
"""


def articles_jsonl(destination: Path, limit: int) -> int:
    """Write the development articles as ``{"id", "text", "published"}`` lines; return how many."""
    articles = group_by_article(DEV)
    names = sorted(articles)[: limit or None]
    with destination.open("w", encoding="utf-8") as out:
        for name in names:
            text = "\n\n".join(r["text"] for r in articles[name])
            record = {"id": name, "text": text, "published": article_date(name)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(names)


def cpu_seconds(command: list[str]) -> float:
    """Run a command to its end and return the CPU seconds (user + system) its process used."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… failed ({process.returncode}):\n{error}")
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="alternate the two sides R times")
    parser.add_argument("--keep", type=Path, default=None, help="keep the kit's records in DIR")
    args = parser.parse_args(argv)
    if not DEV.exists():
        print(f"The evaluation data is not here ({DEV.parent}); nothing to measure.")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_cpu.") as work:
        folder = Path(work)
        source = folder / "articles.jsonl"
        count = articles_jsonl(source, args.limit)
        kit_runs, parse_runs = [], []
        for run in range(max(args.repeat, 1)):
            records = folder / f"records-{run}.jsonl"
            kit = [sys.executable, "-m", "newslab", "annotate", "--jsonl", str(source)]
            kit += ["--workers", "1", "--no-progress", "-o", str(records)]
            parse_runs.append(cpu_seconds([sys.executable, "-c", BARE_PARSE, str(source)]))
            kit_runs.append(cpu_seconds(kit))
            print(f"run {run + 1}: parse {parse_runs[-1]:.2f} CPU s   kit {kit_runs[-1]:.2f} CPU s")
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / "records.jsonl").write_bytes(records.read_bytes())
    parse_s, kit_s = min(parse_runs), min(kit_runs)
    print(f"articles: {count} ({DEV.name}), model load included on both sides")
    print(f"bare spaCy parse (nlp.pipe):      {parse_s:7.2f} CPU s  ({parse_s / count:.3f} per article)")
    print(f"newslab annotate --workers 1:     {kit_s:7.2f} CPU s  ({kit_s / count:.3f} per article)")
    print(f"ratio kit / parse: {kit_s / parse_s:.2f}x   (goal <= 1.25x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
