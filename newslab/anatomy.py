"""An article's anatomy: its parts, paragraphs, sentences and words, as tables and a first plot."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from newslab.article import Article

SENTENCE_COLUMNS = ["sentence", "paragraph", "start", "end", "words", "characters", "text"]
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def count_words(text: str) -> int:
    """How many words a text has (letters or digits, with inner apostrophes and hyphens).

    Example:
        >>> count_words("Trump’s well-known tweet, 2017.")
        4
    """
    return len(_WORD.findall(text))


def sentences_table(article: Article) -> pd.DataFrame:
    """One row per sentence of the body, in story order.

    Columns: ``sentence`` (number from 0), ``paragraph`` (number from 0), ``start`` and ``end``
    (character offsets into ``article.text``), ``words``, ``characters`` and ``text``.
    """
    rows = [
        {
            "sentence": number,
            "paragraph": article.paragraph_of(span.start),
            "start": span.start,
            "end": span.end,
            "words": count_words(article.text[span.start : span.end]),
            "characters": span.end - span.start,
            "text": article.text[span.start : span.end],
        }
        for number, span in enumerate(article.sentences)
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def article_summary(article: Article) -> pd.DataFrame:
    """The article at a glance: outlet, title, credit, date and counts of its parts.

    A two-column table: ``part`` names what is counted or shown, ``value`` holds it (an empty
    cell when the article does not say, e.g. no credit line).
    """
    body = article.text[article.body.start : article.body.end]
    parts = {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "credit": article.credit,
        "published": article.published.isoformat() if article.published else None,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
        "words": count_words(body),
        "characters": len(body),
    }
    rows = [{"part": part, "value": "" if value is None else value} for part, value in parts.items()]
    return pd.DataFrame(rows, columns=["part", "value"])


def plot_sentence_lengths(
    sentences: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """A bar per sentence, its height the sentence's length in words, paragraphs told apart by shade.

    Args:
        sentences: a table from :func:`sentences_table`.
        ax: axes to draw on (default: a new figure).
        title: the figure's title.
    """
    from matplotlib.ticker import MaxNLocator

    from newslab.figures import new_axes, set_alt_text
    from newslab.render import PALETTE

    ax = ax or new_axes()
    shades = [PALETTE["blue"], PALETTE["sky_blue"]]
    colours = [shades[p % 2] for p in sentences["paragraph"]]
    ax.bar(sentences["sentence"], sentences["words"], color=colours, edgecolor="black", linewidth=0.4)
    if len(sentences):
        mean = sentences["words"].mean()
        ax.axhline(mean, color=PALETTE["vermillion"], linestyle="--", linewidth=1.2)
        ax.annotate(
            f"mean {mean:.1f} words",
            (sentences["sentence"].max(), mean),
            xytext=(0, 4),
            textcoords="offset points",
            ha="right",
            color=PALETTE["vermillion"],
        )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Sentence number (story order)")
    ax.set_ylabel("Length (words)")
    ax.set_title(title or "Sentence length along the story")
    longest = sentences.loc[sentences["words"].idxmax()] if len(sentences) else None
    description = (
        f"Bar chart of the length in words of each of the {len(sentences)} sentences, in story order; "
        "alternate paragraphs in dark and light blue; a dashed line marks the mean"
        + (
            f" ({sentences['words'].mean():.1f} words); the longest is sentence {longest['sentence']} "
            f"with {longest['words']} words."
            if longest is not None
            else "."
        )
    )
    return set_alt_text(ax, description)
