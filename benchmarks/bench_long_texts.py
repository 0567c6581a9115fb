"""Long texts: the whole ``newslab annotate`` record of texts full of quotations beside the same length without.

Run:  .venv/bin/python benchmarks/bench_long_texts.py [--chars N] [--repeats N] [--profile KIND]

Every text is invented here (nothing is read from disk), so the script runs anywhere:

- ``quotes``: one paragraph of ``--chars`` characters (default 200,000, the kit's length limit) of short
  sentences, each with a quotation (direct, partial, cue-less), about one quotation every 32 characters;
- ``marks``: ``“a” `` repeated ``--repeats`` times (default 5,000: 20,000 characters), quotation marks only;
- and for each, the same sentences with the quotation marks taken out, repeated to the same length.

Each text is annotated in this process (parse, cast, every kind of quote, timeline, sentiment; the
model is loaded once beforehand) and timed in CPU seconds. The ratio with / without quotations is
the figure to keep small (goal ≤ 2×): a rule that walks the paragraph once per quotation makes it
grow with the text. ``--profile quotes`` (or ``marks``) prints the 25 costliest functions of that text.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

# Short sentences with a quotation each: a direct quote, a partial one, one with no cue, a title.
SENTENCES = (
    "“We will build it,” Ann Lee said. ",
    "She called the plan “a good start” today. ",
    "“It is late.” The mayor agreed. ",
    "Tom Ruiz told the Courier “we are ready” on Monday. ",
    "“No,” he said, “not this year.” ",
)
MARKS = "“”"


def quoted_text(chars: int) -> str:
    """One paragraph of about ``chars`` characters, a quotation in every sentence."""
    return _repeat_to("".join(SENTENCES), chars)


def marks_text(repeats: int) -> str:
    """``“a” `` repeated: nothing but one-letter quotations."""
    return ("“a” " * repeats).rstrip()


def without_marks(text: str) -> str:
    """The same sentences with the quotation marks taken out, repeated to the same length."""
    plain = text.translate(str.maketrans("", "", MARKS)).rstrip() + " "
    return _repeat_to(plain, len(text))


def _repeat_to(cycle: str, chars: int) -> str:
    """``cycle`` repeated to ``chars`` characters at most, cut after its last whole word."""
    text = (cycle * (chars // len(cycle) + 1))[: chars + 1]
    return text[: text.rfind(" ")].rstrip()


def annotate_seconds(text: str, name: str, profile: bool = False) -> float:
    """CPU seconds for the whole annotate record of ``text`` (parse included, model load not)."""
    from newslab.article import Article
    from newslab.export import annotate
    from newslab.nlp import forget

    article = Article.from_text(text, id=name)
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    annotate(article)
    if profiler:
        profiler.disable()
    seconds = time.process_time() - started
    forget(article)
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=200_000, help="length of the quotes text")
    parser.add_argument("--repeats", type=int, default=5_000, help="how many “a” in the marks text")
    parser.add_argument("--profile", choices=("quotes", "marks"), default=None)
    args = parser.parse_args(argv)
    from newslab.nlp import load_model

    load_model()
    annotate_seconds("“Warm,” she said. It is.", "warm-up")  # imports every layer once
    texts = {"quotes": quoted_text(args.chars), "marks": marks_text(args.repeats)}
    for kind, text in texts.items():
        plain = without_marks(text)
        quotes = sum(text.count(m) for m in MARKS) // 2
        with_s = annotate_seconds(text, kind, profile=args.profile == kind)
        without_s = annotate_seconds(plain, f"{kind}-plain")
        print(
            f"{kind:6} {len(text):>8,} chars, {quotes:>6,} quotations: {with_s:7.2f} CPU s   "
            f"without quotations ({len(plain):,} chars): {without_s:7.2f} CPU s   "
            f"ratio {with_s / without_s:5.2f}x (goal <= 2x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
