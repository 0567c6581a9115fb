"""The report's own plots, drawn from its JSON records when the notebook plots cannot be used, and their small helpers."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes


NOTHING_TO_SHOW = "Nothing to show"

# ---------------------------------------------------------------- plots


def timeline_axes(
    events: Sequence[Mapping] | None,
    timexes: Sequence[Mapping] | None,
    published: dt.date | None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Plot the dates the story talks about: each event (or, without events, each time expression).

    Points are placed at the date they refer to (a month or a year is drawn at its first day) and
    stacked in story order; the publication date is a dashed line. Without any date the axes say
    "Nothing to show".
    """
    from newslab.figures import set_alt_text
    from newslab.render import colour_for

    ax = ax if ax is not None else _new_axes()
    points = []
    for record in events or []:
        when = _calendar_date(record.get("when"))
        if when:
            points.append((when, record.get("text", ""), "EVENT"))
    if not points:
        for record in timexes or []:
            when = _calendar_date(record.get("value"))
            if when:
                points.append((when, record.get("text", ""), "TIMEX"))
    ax.set_title("Timeline: the dates the story refers to")
    ax.set_xlabel("date")
    ax.set_ylabel("order in the story")
    if events is None and timexes is None:
        _nothing_to_show(ax, "the timeline is not available in this version of newslab")
        return set_alt_text(ax, "Timeline: nothing to show, the timeline is not available.")
    if not points:
        _nothing_to_show(ax, "no dates that could be placed on a calendar")
        return set_alt_text(
            ax, "Timeline: nothing to show, the story has no dates that can be placed on a calendar."
        )
    for number, (when, label, kind) in enumerate(points, start=1):
        ax.plot([when], [number], "o", color=colour_for(kind))
        ax.annotate(
            _shorten(label, 40), (when, number), xytext=(6, -3), textcoords="offset points", fontsize=8
        )
    if published:
        ax.axvline(published, color=colour_for("negative"), linestyle="--", linewidth=1, label="published")
        ax.legend(loc="upper left", fontsize=8)
    ax.set_ylim(len(points) + 1, 0)
    ax.figure.autofmt_xdate()
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    what = "events" if points[0][2] == "EVENT" else "time expressions"
    return set_alt_text(
        ax,
        f"Timeline of {len(points)} {what} from {first.isoformat()} to {last.isoformat()}, in story order.",
    )


def sentiment_axes(sentiment: Mapping | None, *, ax: Axes | None = None) -> Axes:
    """Plot each sentence's sentiment score (−1 to +1) along the story, coloured by its label.

    Without sentences the axes say "Nothing to show".
    """
    from newslab.figures import set_alt_text
    from newslab.render import colour_for

    ax = ax if ax is not None else _new_axes()
    sentences = list((sentiment or {}).get("sentences", []))
    ax.set_title("Sentiment sentence by sentence")
    ax.set_xlabel("sentence (story order)")
    ax.set_ylabel("score (−1 negative … +1 positive)")
    if sentiment is None:
        _nothing_to_show(ax, "sentiment is not available in this version of newslab")
        return set_alt_text(ax, "Sentiment: nothing to show, sentiment is not available.")
    if not sentences:
        _nothing_to_show(ax, "no sentence scores")
        return set_alt_text(ax, "Sentiment: nothing to show, no sentence was scored.")
    scores = [float(s.get("score", 0.0)) for s in sentences]
    labels = [str(s.get("label", "neutral")) for s in sentences]
    ax.bar(range(1, len(scores) + 1), scores, color=[colour_for(label) for label in labels])
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    counts = {label: labels.count(label) for label in ("negative", "neutral", "positive")}
    for label in ("negative", "neutral", "positive"):
        ax.bar([0], [0], color=colour_for(label), label=f"{label} ({counts[label]})")
    ax.legend(loc="lower right", fontsize=8)
    return set_alt_text(
        ax,
        f"Bar chart of {len(scores)} sentence scores: {counts['negative']} negative, {counts['neutral']} neutral, "
        f"{counts['positive']} positive.",
    )


def _pyplot_axes() -> Axes:
    from newslab.figures import new_axes

    return new_axes()


def _new_axes(width: float = 8.0, height: float = 3.5) -> Axes:
    """Axes on a figure that is not registered with pyplot (nothing leaks into a notebook)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained").subplots()


def _svg_base64(ax: Axes) -> str:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "newslab", "svg.fonttype": "none"}):
        ax.figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "newslab"})
    svg = _numbered_clip_ids(buffer.getvalue().decode("utf-8"))
    return base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _numbered_clip_ids(svg: str) -> str:
    """Clip-path ids numbered in order of appearance: matplotlib derives some from object addresses."""
    names: dict[str, str] = {}
    for found in re.findall(r'<clipPath id="([^"]+)"', svg):
        names.setdefault(found, f"clip{len(names) + 1}")
    if not names:
        return svg
    svg = re.sub(r'<clipPath id="([^"]+)"', lambda m: f'<clipPath id="{names[m.group(1)]}"', svg)
    pattern = "#(" + "|".join(map(re.escape, names)) + r")\b"
    return re.sub(pattern, lambda m: "#" + names[m.group(1)], svg)


def _nothing_to_show(ax: Axes, why: str) -> None:
    ax.text(
        0.5, 0.5, f"{NOTHING_TO_SHOW}: {why}", ha="center", va="center", transform=ax.transAxes, fontsize=11
    )
    ax.set_xticks([])
    ax.set_yticks([])


_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _calendar_date(value: object) -> dt.date | None:
    """A TIMEX3 value such as ``2017-07-09``, ``2017-07`` or ``2017`` as a date (first day), else ``None``."""
    match = _CALENDAR.match(str(value or "")[:10])
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
