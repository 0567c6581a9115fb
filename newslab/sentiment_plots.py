"""Figures of the sentiment tables: the story's arc, the speakers, and the treatment of a target.

Each helper takes a DataFrame from ``newslab.sentiment`` and returns the matplotlib ``Axes`` with
a title, labelled axes, colour-blind-safe colours with a text label too, and an alt-text
description (``newslab.figures.alt_text(ax)``). Show it with ``plt.show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.figures import new_axes, set_alt_text
from newslab.render import colour_for

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

LABELS = ("negative", "neutral", "positive")


def _legend(ax: Axes, labels: tuple[str, ...] = LABELS) -> None:
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=colour_for(lab), label=lab) for lab in labels], loc="best", fontsize="small"
    )


def _integer_ticks(ax: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_sentiment_arc(table: pd.DataFrame, *, ax: Axes | None = None, title: str = "Sentiment arc") -> Axes:
    """A bar per sentence, its VADER score, coloured by label: how the story's mood moves.

    Args:
        table: from ``sentence_sentiment_table(article)``.
        ax: axes to draw on (default: a new figure).
        title: the figure's title.

    Example:
        >>> ax = plot_sentiment_arc(sentence_sentiment_table(article))
    """
    ax = ax or new_axes()
    colours = [colour_for(label) for label in table["label"]]
    ax.bar(table["sentence"], table["score"], color=colours, edgecolor="black", linewidth=0.4)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    _integer_ticks(ax)
    ax.set_xlabel("sentence (in story order, from 0)")
    ax.set_ylabel("VADER compound score")
    ax.set_title(title)
    _legend(ax)
    counts = table["label"].value_counts()
    parts = ", ".join(f"{counts.get(lab, 0)} {lab}" for lab in LABELS)
    low = table.loc[table["score"].idxmin()] if len(table) else None
    high = table.loc[table["score"].idxmax()] if len(table) else None
    description = f"Bar chart of the VADER score of each of {len(table)} sentences: {parts}."
    if low is not None:
        description += (
            f" Lowest: sentence {int(low['sentence'])} ({low['score']:+.2f});"
            f" highest: sentence {int(high['sentence'])} ({high['score']:+.2f})."
        )
    set_alt_text(ax, description)
    return ax


def plot_speaker_sentiment(
    table: pd.DataFrame, *, ax: Axes | None = None, title: str = "Sentiment of each speaker's quotes"
) -> Axes:
    """A horizontal bar per speaker: the mean VADER score of their quotes, with the count beside it.

    Args:
        table: from ``speaker_sentiment_table(article)``.
        ax: axes to draw on (default: a new figure).
        title: the figure's title.
    """
    from newslab.layers.sentiment.vader import label_for

    ax = ax or new_axes(height=max(2.0, 0.5 * len(table) + 1.2))
    ordered = table.iloc[::-1]
    labels = [label_for(score) for score in ordered["mean_score"]]
    positions = range(len(ordered))
    ax.barh(
        list(positions),
        ordered["mean_score"],
        color=[colour_for(lab) for lab in labels],
        edgecolor="black",
        linewidth=0.4,
    )
    ax.set_yticks(list(positions), list(ordered["speaker"]))
    for y, (score, count) in enumerate(zip(ordered["mean_score"], ordered["quotes"], strict=True)):
        ax.text(
            score + (0.03 if score >= 0 else -0.03),
            y,
            f"n={count}",
            va="center",
            ha="left" if score >= 0 else "right",
            fontsize="small",
        )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.15, 1.15)
    ax.set_xlabel("mean VADER score of the speaker's quotes (n = number of quotes)")
    ax.set_ylabel("speaker")
    ax.set_title(title)
    _legend(ax)
    parts = "; ".join(
        f"{row.speaker}: {row.quotes} quote{'s' if row.quotes != 1 else ''}, mean {row.mean_score:+.2f}"
        for row in table.itertuples()
    )
    set_alt_text(ax, f"Horizontal bar chart of the mean sentiment of each speaker's quotes. {parts}.")
    return ax


def plot_target_sentiment(
    tables: dict[str, pd.DataFrame],
    *,
    sentences: int | None = None,
    ax: Axes | None = None,
    title: str = "Sentiment toward each target along the story",
) -> Axes:
    """One row of markers per target: each mention placed at its sentence, coloured by its label.

    Args:
        tables: target name → ``target_sentiment_table(article, name)``.
        sentences: the number of sentences in the story (sets the x axis; default: what the tables show).
        ax: axes to draw on (default: a new figure).
        title: the figure's title.

    Example:
        >>> ax = plot_target_sentiment({t: target_sentiment_table(article, t) for t in ("Russia", "Trump")})
    """
    ax = ax or new_axes(height=max(2.2, 0.8 * len(tables) + 1.4))
    markers = {"negative": "v", "neutral": "o", "positive": "^"}
    names = list(tables)
    parts = []
    for y, name in enumerate(reversed(names)):
        table = tables[name].sort_values(["sentence", "start"] if "start" in tables[name] else ["sentence"])
        ax.axhline(y, color="#dddddd", linewidth=0.8, zorder=0)
        # several mentions in one sentence are spread a little so each stays visible
        xs = table["sentence"] + table.groupby("sentence").cumcount() * 0.25
        for label in LABELS:
            chosen = (table["label"] == label).to_numpy()
            ax.scatter(
                xs[chosen],
                [y] * int(chosen.sum()),
                marker=markers[label],
                s=70,
                color=colour_for(label),
                edgecolor="black",
                linewidth=0.5,
            )
    for name in names:
        counts = tables[name]["label"].value_counts()
        parts.append(f"{name}: " + ", ".join(f"{counts.get(lab, 0)} {lab}" for lab in LABELS))
    ax.set_yticks(range(len(names)), list(reversed(names)))
    if sentences:
        ax.set_xlim(-0.5, sentences - 0.5)
    _integer_ticks(ax)
    ax.set_xlabel("sentence (in story order, from 0)")
    ax.set_ylabel("target")
    ax.set_title(title)
    from matplotlib.lines import Line2D

    ax.legend(
        handles=[
            Line2D(
                [],
                [],
                marker=markers[lab],
                linestyle="",
                color=colour_for(lab),
                markeredgecolor="black",
                label=lab,
            )
            for lab in LABELS
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize="small",
    )
    set_alt_text(
        ax,
        "Markers along the story, one per mention of each target, shaped and coloured by the sentiment "
        f"toward it (down: negative, circle: neutral, up: positive). {'; '.join(parts)}.",
    )
    return ax
