"""Text with highlighted spans, as escaped HTML: colour *and* a text label, never colour alone.

Rendering goes Doc → list of span dicts → HTML string, so the same spans can feed a notebook,
the HTML report and the annotation widget. Every piece of article text is HTML-escaped.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from html import escape

# Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
LABEL_COLOURS = {
    "PERSON": PALETTE["sky_blue"],
    "ORG": PALETTE["orange"],
    "PLACE": PALETTE["green"],
    "QUOTE": PALETTE["yellow"],
    "TIMEX": PALETTE["purple"],
    "EVENT": PALETTE["grey"],
    "SENTIMENT": PALETTE["grey"],
    "negative": PALETTE["vermillion"],
    "neutral": PALETTE["grey"],
    "positive": PALETTE["blue"],
}


def colour_for(label: str) -> str:
    """The palette colour for a label (grey when the label has none)."""
    return LABEL_COLOURS.get(label, PALETTE["grey"])


def highlight_html(
    text: str,
    spans: Iterable[Mapping],
    *,
    start: int = 0,
    end: int | None = None,
) -> str:
    """Render ``text[start:end]`` as HTML with spans highlighted and labelled.

    Args:
        text: the article's text.
        spans: dicts with ``start``, ``end``, ``label`` and optionally ``tag`` (the text shown
            after the span, default the label), ``title`` (a tooltip) and ``colour``.
            Spans may nest (a name inside a quote); partly overlapping spans are cut at the
            outer span's end.
        start, end: the part of the text to show (default: all of it).

    Returns:
        A ``<div>`` of escaped HTML; paragraphs (blank lines) become ``<p>`` elements.
    """
    end = len(text) if end is None else end
    chosen = sorted(
        (dict(s) for s in spans if s["start"] < end and s["end"] > start and s["start"] < s["end"]),
        key=lambda s: (s["start"], -s["end"]),
    )
    boundaries = {start, end}
    for span in chosen:
        boundaries.update((max(span["start"], start), min(span["end"], end)))
    points = sorted(boundaries)
    out = ['<div class="newslab-text" style="line-height:2.1">', "<p>"]
    open_spans: list[dict] = []
    for left, right in itertools.pairwise(points):
        # close spans that end here, open spans that start here (outer first)
        while open_spans and open_spans[-1]["end"] <= left:
            out.append(_close(open_spans.pop()))
        for span in chosen:
            if max(span["start"], start) == left and span not in open_spans:
                span["end"] = min(span["end"], open_spans[-1]["end"] if open_spans else span["end"], end)
                out.append(_open(span))
                open_spans.append(span)
        out.append(_escape_paragraphs(text[left:right]))
    while open_spans:
        out.append(_close(open_spans.pop()))
    out.append("</p></div>")
    return "".join(out)


def _open(span: Mapping) -> str:
    colour = span.get("colour") or colour_for(span["label"])
    title = escape(str(span.get("title", span.get("tag", span["label"]))), quote=True)
    anchor = f' id="{escape(str(span["id"]), quote=True)}"' if span.get("id") else ""
    return (
        f'<mark{anchor} title="{title}" style="background:{colour}33;border-bottom:3px solid {colour};'
        f'padding:0 2px;border-radius:3px">'
    )


def _close(span: Mapping) -> str:
    tag = escape(str(span.get("tag", span["label"])))
    if span.get("href"):
        tag = f'<a href="{escape(str(span["href"]), quote=True)}">{tag}</a>'
    return f'<sub style="font-size:0.7em;font-weight:bold;margin-left:2px">[{tag}]</sub></mark>'


def _escape_paragraphs(chunk: str) -> str:
    import re

    parts = re.split(r"\r?\n[ \t]*\r?\n\s*", chunk)
    return "</p><p>".join(escape(part).replace("\n", "<br>") for part in parts)
