"""A standalone HTML report of one article: everything the kit found, in one file that opens offline.

The report holds the article with its people, quotes and time expressions highlighted (each quote
tagged with its number and speaker, each mention with its entity's id, so the text and the tables
point at each other), the who's-who and who-said-what tables, the time expressions, the timeline
and sentiment plots (SVG images embedded in the file), a short section on how it was made and
where it fails, and the versions of newslab, spaCy and the model.

Every piece of article text is HTML-escaped: a ``<script>`` in an article stays text. The file
loads nothing from the network: no scripts, fonts or images from elsewhere.

Rendering goes article → :func:`report_data` (a JSON-safe dict) → :func:`report_html` (a string).
A layer of the analysis that is not available is shown as such; the rest of the report is still made.

Example:
    >>> from newslab import load_article
    >>> from newslab.report import write_report
    >>> write_report(load_article("trump-russia-cyber"), "reports/trump.html")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.report_plots import (
    _new_axes,
    _pyplot_axes,
    _svg_base64,
    sentiment_axes,
    timeline_axes,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from newslab.article import Article

WHOS_WHO_COLUMNS = ["id", "name", "label", "role", "mentions"]
WHO_SAID_WHAT_COLUMNS = ["id", "speaker", "kind", "cue", "quote"]
TIMEX_COLUMNS = ["text", "type", "value"]

HOW_MADE = [
    (
        "Sentences, words, names",
        "spaCy's small English model splits the text, tags parts of speech and finds names; it was trained on "
        "other texts and makes mistakes on unusual names, headlines and lists.",
    ),
    (
        "Who's who",
        "names are grouped by rules (a surname joins the full name used before it; he/she/they go to the "
        "nearest fitting person). Two people with the same surname, or a pronoun far from its person, are "
        "often linked wrongly.",
    ),
    (
        "Who said what",
        "quotation marks, reporting verbs (said, told, added…) and the sentence's grammar decide what was said "
        "and by whom; a quote with no speaker in its paragraph goes to the last speaker. Indirect speech "
        "without a reporting verb, and quotes spread over many paragraphs, are often missed.",
    ),
    (
        "Timeline",
        "time expressions are found by patterns and resolved against the publication date, so 'Sunday' means "
        "the Sunday before it. Without a publication date they stay unresolved; vague expressions ('recently', "
        "'in the past') are not placed on the calendar.",
    ),
    (
        "Sentiment",
        "VADER, a word list made for social media, scores each sentence from −1 to +1. It does not understand "
        "irony, quotation (a negative quote in a neutral report), or news wording such as 'attack' in sport.",
    ),
]


# ---------------------------------------------------------------- public functions


def report_html(article: Article) -> str:
    """The whole report as one HTML page (a string), ready to save or to show in a notebook.

    Args:
        article: the article to report on.

    Returns:
        A complete HTML document with no external resources.

    Raises:
        NotArticleText: the text is an HTML page or far longer than a news article.

    Example:
        >>> html = report_html(load_article("millbrook-bridge-closure"))
        >>> html.startswith("<!DOCTYPE html>")
        True
    """
    return render_report(report_data(article))


def write_report(article: Article, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the report of an article to an HTML file, atomically.

    Args:
        article: the article to report on.
        path: the file to write, e.g. ``"reports/my-article.html"``.
        overwrite: replace the file if it exists (``--force`` on the command line).

    Returns:
        The path written.

    Raises:
        FileExists: the file exists and ``overwrite`` is false (nothing is computed in that case).

    Example:
        >>> write_report(article, "my-report.html", overwrite=True)
        PosixPath('my-report.html')
    """
    from newslab import errors
    from newslab.files import write_atomic

    path = Path(path)
    if path.exists() and not overwrite:
        raise errors.file_exists(path)
    return write_atomic(path, report_html(article), overwrite=overwrite)


def report_data(article: Article, *, figures: bool = True) -> dict[str, Any]:
    """Everything the report shows, as a JSON-safe dict (before any HTML is made).

    Keys: ``title``, ``id``, ``outlet``, ``credit``, ``published``, ``text`` (the article text),
    ``body`` (start, end), ``spans`` (highlights), ``whos_who``, ``who_said_what``, ``timexes``
    (each ``{"columns", "rows"}``), ``figures`` (title, alt text, SVG), ``missing`` (layers not
    available, with why), ``notes``, ``versions``.
    """
    from newslab.textcheck import check_text, language_note

    check_text(article.text, warn=False)
    records, missing = layer_records(article)
    cast, quotes = records["entities"], records["quotes"]
    timexes, events = records["timexes"], records["events"]
    entity_ids = {entity["name"]: entity["id"] for entity in cast or []}
    quote_rows = [_quote_row(number, quote, entity_ids) for number, quote in enumerate(quotes or [], start=1)]
    notes = []
    if article.published is None:
        notes.append(
            "No publication date was given: dates such as 'Sunday' could not be put on the calendar."
        )
    language = language_note(article.text)
    if language:
        notes.append(language)
    return {
        "id": article.id,
        "title": article.title or article.id,
        "outlet": article.outlet,
        "credit": article.credit,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "body": {"start": article.body.start, "end": article.body.end},
        "spans": _spans(cast or [], quotes or [], timexes or [], entity_ids),
        "whos_who": {
            "columns": WHOS_WHO_COLUMNS,
            "rows": [
                [e["id"], e["name"], e["label"], e.get("role") or "", len(e.get("mentions", []))]
                for e in cast or []
            ],
            "missing": "who's who" in missing,
        },
        "who_said_what": {
            "columns": WHO_SAID_WHAT_COLUMNS,
            "rows": quote_rows,
            "missing": "who said what" in missing,
        },
        "timexes": {
            "columns": TIMEX_COLUMNS,
            "rows": [[t["text"], t.get("type", ""), t.get("value", "")] for t in timexes or []],
            "missing": "time expressions" in missing,
        },
        "figures": [
            _figure(timeline_plot, article, size=_timeline_size(events)),
            _figure(sentiment_plot, article),
        ]
        if figures
        else [],
        "missing": missing,
        "notes": notes,
        "versions": _versions(),
    }


def layer_records(article: Article) -> tuple[dict[str, Any], dict[str, str]]:
    """The JSON records of every analysis layer, and the layers that are not available (with why).

    Returns:
        ``(records, missing)``: ``records`` has ``entities``, ``quotes``, ``timexes``, ``events``
        (lists, or ``None`` when the layer is missing) and ``sentiment`` (a dict or ``None``).
    """
    from newslab.analysis import analyze
    from newslab.layers import REGISTRY

    analysis = analyze(article)
    missing: dict[str, str] = {}
    records = {
        entry.key: _layer(entry.title, lambda entry=entry: entry.to_json(analysis.layer(entry.name)), missing)
        for entry in REGISTRY
    }
    return records, missing


def who_said_what_table(article: Article) -> pd.DataFrame:
    """The report's who-said-what table: one row per quote, in story order.

    Columns: ``id`` (Q1, Q2… as tagged in the report), ``speaker`` (canonical name and entity id,
    ``"(unknown)"`` when nobody is named), ``kind`` (direct / partial / indirect), ``cue`` (the
    reporting verb, empty for a floating quote) and ``quote`` (the text).

    Example:
        >>> who_said_what_table(article)["speaker"].value_counts()
    """
    import pandas as pd

    return pd.DataFrame(
        report_data(article, figures=False)["who_said_what"]["rows"], columns=WHO_SAID_WHAT_COLUMNS
    )


def timeline_plot(article: Article, *, ax: Axes | None = None) -> Axes:
    """The report's timeline plot for an article; returns the axes.

    It is notebook 04's timeline (``newslab.timeline.plot_timeline``) when some event can be put on
    the calendar, else :func:`timeline_axes` (which then says "Nothing to show").
    """
    records, _ = layer_records(article)
    if ax is None:
        from newslab.figures import new_axes

        width, height = _timeline_size(records["events"])
        ax = new_axes(width=width, height=height)
    if any(e.get("earliest") or e.get("latest") for e in records["events"] or []):
        try:
            from newslab.timeline import plot_timeline, timeline_table
        except ImportError:
            pass
        else:
            return plot_timeline(timeline_table(article), ax=ax)
    return timeline_axes(records["events"], records["timexes"], article.published, ax=ax)


def _timeline_size(events: Sequence[Any] | None) -> tuple[float, float]:
    """Width and height (inches) that fit one row per event."""
    placed = any(e.get("earliest") or e.get("latest") for e in events or [])
    return (9.0, max(3.0, 0.42 * len(events) + 1.2)) if placed else (8.0, 3.5)


def sentiment_plot(article: Article, *, ax: Axes | None = None) -> Axes:
    """The report's sentiment plot for an article; returns the axes.

    It is notebook 05's sentiment arc (``newslab.sentiment_plots.plot_sentiment_arc``) when the
    article has scored sentences, else axes that say "Nothing to show" (see :func:`sentiment_axes`).
    """
    records, _ = layer_records(article)
    ax = ax or _pyplot_axes()
    if records["sentiment"] and records["sentiment"].get("sentences"):
        try:
            from newslab.sentiment import sentence_sentiment_table
            from newslab.sentiment_plots import plot_sentiment_arc
        except ImportError:
            pass
        else:
            return plot_sentiment_arc(
                sentence_sentiment_table(article), ax=ax, title="Sentiment sentence by sentence"
            )
    return sentiment_axes(records["sentiment"], ax=ax)


# ---------------------------------------------------------------- HTML


def render_report(data: Mapping[str, Any]) -> str:
    """Turn :func:`report_data`'s dict into a complete, escaped HTML page."""
    from newslab.render import highlight_html

    title = escape(data["title"])
    meta = " · ".join(
        escape(str(part))
        for part in (
            data.get("outlet"),
            data.get("published") and f"published {data['published']}",
            data.get("credit"),
        )
        if part
    )
    body = data["body"]
    article_html = highlight_html(data["text"], data["spans"], start=body["start"], end=body["end"])
    missing = "".join(
        f"<li><b>{escape(layer)}</b>: {escape(reason)}</li>"
        for layer, reason in sorted(data["missing"].items())
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in data["notes"])
    figures = "".join(_figure_html(figure) for figure in data["figures"])
    how = "".join(f"<li><b>{escape(name)}</b>: {escape(text)}</li>" for name, text in HOW_MADE)
    versions = " · ".join(f"{escape(k)} {escape(str(v))}" for k, v in data["versions"].items())
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} — newslab report</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<header><p class="kicker">newslab report</p><h1>{title}</h1><p class="meta">{meta}</p></header>',
        '<nav><a href="#article">Article</a> · <a href="#whos-who">Who\'s who</a> · '
        '<a href="#who-said-what">Who said what</a> · <a href="#time">Time</a> · '
        '<a href="#plots">Plots</a> · <a href="#how">How this was made</a></nav>',
        f'<section class="notes"><ul>{notes}</ul></section>' if notes else "",
        f'<section class="missing"><p>Not in this report:</p><ul>{missing}</ul></section>' if missing else "",
        '<section id="article"><h2>The article</h2>',
        '<p class="help">Highlights: people, organisations and places are tagged with their id in the '
        "who's-who table (E1, E2…); quotes with their number in the who-said-what table and their speaker; "
        "time expressions with their calendar value. Hover over a highlight for details.</p>",
        article_html,
        "</section>",
        _table_html("whos-who", "Who's who", data["whos_who"]),
        _table_html("who-said-what", "Who said what", data["who_said_what"]),
        _table_html("time", "Time expressions", data["timexes"]),
        f'<section id="plots"><h2>Plots</h2>{figures}</section>',
        f'<section id="how"><h2>How this was made and where it fails</h2><ul>{how}</ul>',
        "<p>Every result is a guess by a program: check it against the text before you rely on it.</p></section>",
        f"<footer><p>Made with {versions}.</p></footer>",
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


_CSS = (
    "body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}"
    "h1{font-size:1.8rem;margin:.2rem 0}h2{border-bottom:1px solid #ccc;margin-top:2.5rem}"
    ".kicker,.meta,nav,.help,footer{font-family:system-ui,sans-serif;font-size:.9rem;color:#555}"
    "table{border-collapse:collapse;width:100%;font-family:system-ui,sans-serif;font-size:.85rem}"
    "th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}"
    ".notes,.missing{background:#fff8e1;border-left:4px solid #E69F00;padding:.2rem 1rem;font-size:.9rem}"
    "figure{margin:1.5rem 0}figure img{max-width:100%;height:auto}"
    "figcaption{font-family:system-ui,sans-serif;font-size:.85rem;color:#444}"
)


def _table_html(anchor: str, heading: str, table: Mapping[str, Any]) -> str:
    head = "".join(f"<th>{escape(column)}</th>" for column in table["columns"])
    if table.get("missing"):
        rows = (
            f'<tr><td colspan="{len(table["columns"])}">Not available in this version of newslab.</td></tr>'
        )
    elif not table["rows"]:
        rows = f'<tr><td colspan="{len(table["columns"])}">None found.</td></tr>'
    else:
        rows = "".join(
            f'<tr id="{escape(anchor)}-{escape(str(row[0]))}">'
            + "".join(f"<td>{escape(str(cell))}</td>" for cell in row)
            + "</tr>"
            for row in table["rows"]
        )
    return (
        f'<section id="{escape(anchor)}"><h2>{escape(heading)}</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _figure_html(figure: Mapping[str, str]) -> str:
    alt = escape(figure["alt"], quote=True)
    return (
        f'<figure><img alt="{alt}" src="data:image/svg+xml;base64,{figure["svg_base64"]}">'
        f"<figcaption>Figure description: {escape(figure['alt'])}</figcaption></figure>"
    )


# ---------------------------------------------------------------- helpers


def _layer(name: str, compute: Callable[[], Any], missing: dict[str, str]) -> Any:
    """A layer's result, or ``None`` (noted in ``missing``) when its module is not part of this newslab."""
    try:
        return compute()
    except ImportError as exc:
        module = getattr(exc, "name", None) or ""
        if not module.startswith("newslab"):
            raise
        missing[name] = f"the module `{module}` is not available in this version of newslab."
        return None


def _quote_row(number: int, quote: Mapping, entity_ids: Mapping[str, str]) -> list[str]:
    speaker = quote.get("speaker") or "(unknown)"
    if quote.get("speaker") in entity_ids:
        speaker = f"{speaker} ({entity_ids[quote['speaker']]})"
    return [f"Q{number}", speaker, quote.get("kind", ""), quote.get("cue") or "", quote.get("text", "")]


def _spans(
    cast: Iterable[Mapping],
    quotes: Sequence[Mapping],
    timexes: Iterable[Mapping],
    entity_ids: Mapping[str, str],
) -> list[dict]:
    speaker_of: dict[tuple[int, int], list[str]] = {}
    spans = []
    for number, quote in enumerate(quotes, start=1):
        speaker = quote.get("speaker") or "unknown speaker"
        who = f"{speaker} ({entity_ids[speaker]})" if speaker in entity_ids else speaker
        spans.append(
            {
                "start": quote["start"],
                "end": quote["end"],
                "label": "QUOTE",
                "tag": f"Q{number} ← {who}",
                "title": f"Quote Q{number} ({quote.get('kind', '')}), said by {who}",
                "href": f"#who-said-what-Q{number}",
                "id": f"Q{number}",
            }
        )
        if quote.get("speaker_start") is not None and quote.get("speaker_end") is not None:
            speaker_of.setdefault((quote["speaker_start"], quote["speaker_end"]), []).append(f"Q{number}")
    for entity in cast:
        for mention in entity.get("mentions", []):
            said = speaker_of.get((mention["start"], mention["end"]))
            tag = entity["id"] + (f" said {', '.join(said)}" if said else "")
            spans.append(
                {
                    "start": mention["start"],
                    "end": mention["end"],
                    "label": entity["label"],
                    "tag": tag,
                    "title": f"{entity['name']} ({entity['label']}, {entity['id']})",
                    "href": f"#whos-who-{entity['id']}",
                }
            )
    for timex in timexes:
        spans.append(
            {
                "start": timex["start"],
                "end": timex["end"],
                "label": "TIMEX",
                "tag": str(timex.get("value") or "TIMEX"),
                "title": f"{timex.get('type', '')} {timex.get('value', '')}",
            }
        )
    return sorted(spans, key=lambda s: (s["start"], -s["end"], s["label"]))


def _figure(plot: Callable[..., Axes], *args: Any, size: tuple[float, float] = (8.0, 3.5)) -> dict[str, str]:
    ax = plot(*args, ax=_new_axes(*size))
    from newslab.figures import alt_text

    return {"title": ax.get_title(), "alt": alt_text(ax), "svg_base64": _svg_base64(ax)}


def _versions() -> dict[str, str]:
    import newslab
    from newslab.nlp import model_info

    info = model_info()
    return {
        "newslab": newslab.__version__,
        "spaCy": info.get("spacy_version", ""),
        "model": f"{info.get('package', '')} {info.get('model_version', '')}".strip(),
    }
