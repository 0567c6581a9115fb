"""The story's timeline in the notebooks: tables, highlights and plots of its time expressions and events.

A news story rarely tells events in the order they happened. The engine in
``newslab/layers/time/`` finds the time expressions (normalised to the publication date) and the
events, each with its story position and chronological rank; this module shows them.

Example:
    >>> from newslab import load_article
    >>> from newslab.timeline import timexes_table, timeline_table
    >>> article = load_article("trump-russia-cyber")
    >>> timexes_table(article)[["text", "type", "value"]].head(2)
    >>> timeline_table(article)[["rank", "sentence", "when", "label"]]
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newslab.layers.time import NOT_STATED, Event, Timex, find_events, find_timexes, tag_timexes, value_range

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from newslab.analysis import Analysis
    from newslab.annotations import Annotation
    from newslab.article import Article

__all__ = [
    "EVENT_COLUMNS",
    "NOT_STATED",
    "TIMEX_COLUMNS",
    "Event",
    "Timex",
    "find_events",
    "find_timexes",
    "plot_story_vs_time",
    "plot_timeline",
    "tag_timexes",
    "timeline_table",
    "timexes_html",
    "timexes_table",
    "to_annotations",
    "value_range",
]

TIMEX_COLUMNS = ["start", "end", "text", "type", "value", "sentence", "explanation"]
EVENT_COLUMNS = [
    "rank", "sentence", "when", "label", "text", "kind", "placed_by", "order_note",
    "earliest", "latest", "start", "end",
]  # fmt: skip

# ------------------------------------------------------------------------------ tables, records


def _analysis(article: Article):
    from newslab.analysis import analyze

    return analyze(article)


def _sentence_number(article: Article, offset: int) -> int | None:
    for number, span in enumerate(article.sentences):
        if span.start <= offset < span.end:
            return number
    return None


def timexes_table(article: Article | Analysis) -> pd.DataFrame:
    """The article's time expressions as a table, one row each, in text order.

    Columns: ``start``, ``end``, ``text``, ``type`` (DATE / TIME / DURATION / SET), ``value``
    (TIMEX3, normalised to the publication date), ``sentence`` (from 0; empty outside the body) and
    ``explanation`` (how the value was worked out).

    Example:
        >>> timexes_table(load_article("trump-russia-cyber"))[["text", "value"]].iloc[0].tolist()
        ['Sunday morning', '2017-07-09TMO']
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    rows = [
        {**t.to_json(), "sentence": _sentence_number(article, t.start), "explanation": t.note}
        for t in analysis.timexes
    ]
    table = pd.DataFrame(rows, columns=[*TIMEX_COLUMNS, "note"])[TIMEX_COLUMNS]
    table["sentence"] = table["sentence"].astype("Int64")
    return table.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def timeline_table(article: Article | Analysis) -> pd.DataFrame:
    """The article's events as a table, in chronological order.

    Columns: ``rank`` (1 = earliest; equal ranks: the text does not order them), ``sentence``
    (story position, 0 = the lede; empty for the publication), ``when``, ``label``, ``text``, ``kind``,
    ``placed_by`` (what in the text put it there), ``order_note``, ``earliest``, ``latest``,
    ``start``, ``end``. Rows are sorted by rank, then sentence.

    Example:
        >>> timeline_table(load_article("trump-russia-cyber"))[["rank", "sentence", "label"]].tail(1)
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    rows = [e.to_json() for e in analysis.events]
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS)[EVENT_COLUMNS]
    table["sentence"] = table["sentence"].astype("Int64")
    return table.reset_index(drop=True)


def to_annotations(article: Article, timexes: list[Timex] | None = None, events: list[Event] | None = None
                   ) -> list[Annotation]:  # fmt: skip
    """The time expressions and events as the kit's annotation records (labels TIMEX and EVENT).

    ``TIMEX`` records carry ``type`` and ``value``; ``EVENT`` records carry ``when``, ``rank`` and
    ``sentence``. The publication (which has no words in the text) is left out.

    Args:
        article: the article.
        timexes, events: what to convert (default: the article's own, via ``analyze``).
    """
    from newslab.annotations import make_annotation

    analysis = None
    if timexes is None or events is None:
        analysis = _analysis(article)
    timexes = analysis.timexes if timexes is None else timexes
    events = analysis.events if events is None else events
    records = [
        make_annotation(article.text, t.start, t.end, "TIMEX", type=t.type, value=t.value) for t in timexes
    ]
    records += [
        make_annotation(article.text, e.start, e.end, "EVENT", when=e.when, rank=e.rank, sentence=e.sentence)
        for e in events
        if e.end > e.start
    ]
    return records


def timexes_html(article: Article | Analysis) -> str:
    """The article's text as HTML with its time expressions highlighted; each shows its value.

    Example:
        >>> from IPython.display import HTML
        >>> HTML(timexes_html(article))
    """
    from newslab.analysis import analyze
    from newslab.render import highlight_html

    analysis = analyze(article)
    article = analysis.article
    spans = [
        {"start": t.start, "end": t.end, "label": "TIMEX", "tag": f"{t.type} {t.value}", "title": t.note}
        for t in analysis.timexes
    ]
    return highlight_html(article.text, spans, start=article.body.start, end=article.body.end)


# ------------------------------------------------------------------------------ plots


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _wrap(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plot_timeline(table: pd.DataFrame, *, ax: Axes | None = None, title: str = "What happened when",
                  pad_days: int = 2, story_days: int = 31) -> Axes:  # fmt: skip
    """Draw the events on a date axis, one row per event, earliest at the top.

    Events known to the day are dots; events the text only places in a year or "before" some
    time are drawn as ranges (a bar over the days they can fall on).

    A story that reaches back years (an election in 2016) but tells of a few days (one Sunday)
    cannot show both on one scale: the days would pile up in one spot. So when the events span
    more than ``story_days`` days, the axis is broken in two — a narrow panel on the left for the
    older past, a wide one on the right for the story's own days — and a bar that runs across the
    break is drawn in both.

    Args:
        table: ``timeline_table(article)``.
        ax: axes to draw on (default: a new figure); with a broken axis, its place in the figure
            is split into the two panels.
        title: the figure's title.
        pad_days: how far before the first known day an open range ("before …") starts.
        story_days: how many days before the last date count as the story's own days.

    Returns:
        The matplotlib Axes of the story's days (the right panel when the axis is broken), with an
        alt-text description attached.
    """
    import matplotlib.dates as mdates

    from newslab.figures import new_axes, set_alt_text
    from newslab.render import PALETTE

    rows = table.reset_index(drop=True)
    if ax is None:
        ax = new_axes(width=9.0, height=max(3.0, 0.42 * len(rows) + 1.2))
    days = [
        dt.date.fromisoformat(v) for v in list(rows["earliest"]) + list(rows["latest"]) if isinstance(v, str)
    ]
    if not days:
        ax.set_title(title)
        ax.set_xlabel("Date")
        ax.set_ylabel("Event (chronological rank)")
        ax.text(0.5, 0.5, "No event has a date: the article has no publication date or time expressions.",
                ha="center", va="center", transform=ax.transAxes)  # fmt: skip
        return set_alt_text(ax, f"Empty timeline: none of the {len(rows)} events can be placed on a date.")
    first, last = min(days), max(days)
    window = _story_window(rows, days, story_days, pad_days)
    sides = [(first, window[0]) if (window[0] - first).days > 0 else None, window,
             (window[1], last) if (last - window[1]).days > 0 else None]  # fmt: skip
    broken = sides[0] is not None or sides[2] is not None
    if broken:
        ranges_shown = [r for r in sides if r is not None]
        ratios = [1 if r is not window else 3 for r in ranges_shown]
        grid = ax.get_subplotspec().subgridspec(1, len(ranges_shown), width_ratios=ratios, wspace=0.03)
        figure = ax.figure
        ax.remove()
        panels = []
        for number, _ in enumerate(ranges_shown):
            panels.append(figure.add_subplot(grid[number], sharey=panels[0] if panels else None))
        ax = panels[ranges_shown.index(window)]
    else:
        ranges_shown, panels = [(first, last)], [ax]
    roles = [
        "story" if panel is ax else "earlier" if number == 0 else "later"
        for number, panel in enumerate(panels)
    ]

    def panel_of(day: dt.date):
        if not broken or window[0] <= day <= window[1]:
            return ax
        return panels[0] if day < window[0] else panels[-1]

    labels, ranges, points = [], 0, 0
    for y, row in rows.iterrows():
        lo = dt.date.fromisoformat(row["earliest"]) if isinstance(row["earliest"], str) else None
        hi = dt.date.fromisoformat(row["latest"]) if isinstance(row["latest"], str) else None
        labels.append(f"{row['rank']}. {_wrap(str(row['label']))}")
        if lo is not None and hi is not None and lo == hi:
            panel_of(lo).plot([mdates.date2num(lo)], [y], "o", color=PALETTE["blue"], markersize=7)
            points += 1
            continue
        start = lo or (hi - dt.timedelta(days=pad_days) if hi else first)
        end = hi or last
        for panel in panels:  # a bar is clipped to each panel, so one across a break shows in both
            panel.plot([mdates.date2num(start), mdates.date2num(end) + 0.6], [y, y], "-",
                       color=PALETTE["orange"], linewidth=6, alpha=0.8, solid_capstyle="butt")  # fmt: skip
        if lo is None:
            panel_of(start).annotate("", xy=(mdates.date2num(start), y), xytext=(mdates.date2num(start) + 0.8, y),
                                     arrowprops={"arrowstyle": "->", "color": PALETTE["vermillion"]})  # fmt: skip
        ranges += 1
    panels[0].set_yticks(range(len(rows)), labels)
    panels[0].invert_yaxis()
    panels[0].set_ylabel("Event (chronological rank)")
    for panel, role, (lo, hi) in zip(panels, roles, ranges_shown, strict=True):
        daily = role == "story" and (hi - lo).days <= 14
        most = 6 if role == "story" else 3
        locator = mdates.DayLocator() if daily else mdates.AutoDateLocator(minticks=1, maxticks=most)
        panel.xaxis.set_major_locator(locator)
        panel.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        panel.grid(axis="x", alpha=0.3)
        if broken:  # a panel's edges, in days beyond its first and last date; an outer edge gets a margin
            margin = max(3.0, 0.03 * (hi - lo).days)
            left, right = {"earlier": (-margin, -0.5), "story": (-0.5, 1.5), "later": (1.5, margin)}[role]
            panel.set_xlim(mdates.date2num(lo) + left, mdates.date2num(hi) + right)
    legend = "Date (blue dot: known day; orange bar: only a range is known)"
    if broken:
        for number, panel in enumerate(panels):
            if number > 0:
                panel.spines["left"].set_visible(False)
                panel.tick_params(axis="y", left=False, labelleft=False)
            if number < len(panels) - 1:
                panel.spines["right"].set_visible(False)
            for x in [0] * (number > 0) + [1] * (number < len(panels) - 1):  # the break marks
                for y in (0, 1):
                    panel.plot([x - 0.02, x + 0.02], [y - 0.015, y + 0.015], transform=panel.transAxes,
                               color="black", linewidth=1, clip_on=False)  # fmt: skip
            panel.set_title("the story's days" if roles[number] == "story" else roles[number], fontsize=9)
        ax.figure.suptitle(title)
        ax.figure.supxlabel(legend, fontsize=10)
    else:
        ax.set_title(title)
        ax.set_xlabel(legend)
    description = (
        f"Timeline of {_count(len(rows), 'event')} from {first.isoformat()} to {last.isoformat()}: "
        f"{points} known to the day (dots) and {ranges} known only as a range (bars), "
        f"listed from the earliest (top) to the publication (bottom)."
    )
    if broken:
        description += (
            f" The date axis is broken so that the story's days, {window[0].isoformat()} to "
            f"{window[1].isoformat()}, get a wide panel of their own"
            + (", with the earlier past in a narrow panel on the left" if sides[0] else "")
            + (", and what lies after them in a narrow panel on the right" if sides[2] else "")
            + "."
        )
    return set_alt_text(ax, description)


def _story_window(rows: pd.DataFrame, days: list[dt.date], story_days: int, pad_days: int) -> tuple:
    """The days the story itself tells of: the known days within ``story_days`` of its publication."""
    published = [
        dt.date.fromisoformat(row["latest"])
        for _, row in rows.iterrows()
        if row["kind"] == "publication" and isinstance(row["latest"], str)
    ]
    centre = published[0] if published else max(days)
    near = [d for d in days if abs((d - centre).days) <= story_days] or [centre]
    return min(near) - dt.timedelta(days=pad_days), max(near)


def plot_story_vs_time(table: pd.DataFrame, *, ax: Axes | None = None,
                       title: str = "Story order vs. time order") -> Axes:  # fmt: skip
    """A slope chart: each event's sentence number (left) joined to its chronological rank (right).

    Crossing lines show where the story leaves time order; a news story written as an inverted
    pyramid starts with its latest event, so its first line slopes steeply down.

    Args:
        table: ``timeline_table(article)``; the publication row (no sentence) is left out.
        ax: axes to draw on (default: a new figure).
        title: the figure's title.

    Returns:
        The matplotlib Axes, with an alt-text description attached.
    """
    from newslab.figures import new_axes, set_alt_text
    from newslab.render import PALETTE

    rows = table[table["sentence"].notna()].sort_values(["sentence", "start"]).reset_index(drop=True)
    if ax is None:
        ax = new_axes(width=9.0, height=max(3.5, 0.4 * len(rows) + 1.5))
    ranks = sorted(set(rows["rank"]))
    time = {rank: i * (max(len(rows) - 1, 1) / max(len(ranks) - 1, 1)) for i, rank in enumerate(ranks)}
    colours = [PALETTE[name] for name in ("blue", "orange", "green", "vermillion", "purple", "sky_blue")]
    crossings = 0
    labelled: set = set()
    for i, row in rows.iterrows():
        y1 = time[row["rank"]]
        colour = colours[i % len(colours)]
        ax.plot([0, 1], [i, y1], "-o", color=colour, linewidth=1.6)
        ax.text(
            -0.03,
            i,
            f"s{row['sentence']}: {_wrap(str(row['label']), 30)}",
            ha="right",
            va="center",
            fontsize=8,
        )
        if row["rank"] not in labelled:
            labelled.add(row["rank"])
            ax.text(
                1.03, y1, f"#{row['rank']} {_wrap(str(row['when']), 30)}", ha="left", va="center", fontsize=8
            )
    for i, a in rows.iterrows():
        for j, b in rows.iterrows():
            if i < j and (a["sentence"] - b["sentence"]) * (a["rank"] - b["rank"]) < 0:
                crossings += 1
    ax.set_xlim(-1.1, 2.0)
    ax.set_xticks([0, 1], ["Story order\n(sentence)", "Time order\n(rank)"])
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_ylabel("Top: first in the story / earliest in time")
    ax.set_title(title)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    first = rows.iloc[0] if len(rows) else None
    lede = (
        f" The lede (sentence {first['sentence']}) has time rank {first['rank']} of {max(ranks)}."
        if first is not None
        else ""
    )
    description = (
        f"Slope chart joining the sentence numbers of {_count(len(rows), 'event')} (left) to their chronological ranks "
        f"(right); {crossings} pairs of lines cross, i.e. are told out of time order.{lede}"
    )
    return set_alt_text(ax, description)
