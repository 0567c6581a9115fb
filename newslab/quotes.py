"""Who said what: every attributed statement in an article, its kind, its speaker, cue and channel.

Three kinds of statement:

- **direct**: whole sentences in quotation marks — ``“There has been no penalty,” McCain told CBS.``
- **partial**: a quoted fragment inside the reporter's own sentence — ``was “not the dumbest idea…”``
- **indirect**: reported speech without quotation marks — ``Moscow has denied any interference``,
  ``X told CNN that…``, ``…, according to officials``.

A quote with no speech verb (cue) in its own sentence is **floating**: its speaker carries over from
the previous attribution, also across a paragraph break. The speaker is first found as a *mention*
in the text (a name, a description such as "the US president", or a pronoun such as "he"); the cast
(``newslab.people``) then names the person it refers to. The rules that find cues, speakers and
channels and the records live in ``newslab/layers/quotes/``; this module gives the tables, highlights and plots.

Example:
    >>> from newslab import load_article
    >>> table = quotes_table(load_article("trump-russia-cyber"))
    >>> table[["speaker", "kind", "text"]].head(3)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslab.layers.quotes import KINDS, Quote, find_quotes
from newslab.render import PALETTE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from newslab.analysis import Analysis
    from newslab.annotations import Annotation
    from newslab.article import Article

QUOTE_COLUMNS = [
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_mention",
    "cue",
    "channel",
    "floating",
    "paragraph",
    "sentence",
    "words",
    "text",
]


# ---------------------------------------------------------------- tables, records, HTML, plots

__all__ = [
    "KINDS",
    "KIND_COLOURS",
    "QUOTE_COLUMNS",
    "Quote",
    "find_quotes",
    "plot_quote_positions",
    "plot_voices",
    "quotes_html",
    "quotes_table",
    "speaker_parties",
    "to_annotations",
    "voices_table",
]

KIND_COLOURS = {"direct": PALETTE["blue"], "partial": PALETTE["sky_blue"], "indirect": PALETTE["orange"]}
_PARTIES = (
    (re.compile(r"\b(Republicans?|GOP)\b"), "Republican"),
    (re.compile(r"\b(Democrats?|Democratic)\b"), "Democratic"),
    (re.compile(r"\b(Independent)\b"), "Independent"),
    (re.compile(r"\b(Libertarian)\b"), "Libertarian"),
    (re.compile(r"\b(Green Party)\b"), "Green"),
    (re.compile(r"\b(Labour)\b"), "Labour"),
    (re.compile(r"\b(Conservatives?|Tory|Tories)\b"), "Conservative"),
    (re.compile(r"\b(Liberal Democrats?)\b"), "Liberal Democrat"),
)


def quotes_table(article: Article | Analysis, *, kinds: Iterable[str] = KINDS) -> pd.DataFrame:
    """The who-said-what table: one row per statement, in text order.

    Columns: ``id`` (Q1, Q2, … in text order), ``start``, ``end``, ``kind``, ``speaker``,
    ``speaker_mention``, ``cue``, ``channel``, ``floating``, ``paragraph``, ``sentence``, ``words``
    (how many words were quoted) and ``text``.

    Args:
        article: the article.
        kinds: which kinds of statement to keep (default all three).

    Example:
        >>> quotes_table(load_article("trump-russia-cyber"), kinds=["direct"])[["speaker", "cue"]].head(2)
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    wanted = _check_kinds(kinds)
    rows = []
    for number, quote in enumerate(analysis.quotes, start=1):
        if quote.kind not in wanted:
            continue
        rows.append(
            {
                "id": f"Q{number}",
                "start": quote.start,
                "end": quote.end,
                "kind": quote.kind,
                "speaker": quote.speaker,
                "speaker_mention": quote.speaker_mention,
                "cue": quote.cue,
                "channel": quote.channel,
                "floating": quote.floating,
                "paragraph": quote.paragraph,
                "sentence": quote.sentence,
                "words": _word_count(quote.text),
                "text": quote.text,
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *QUOTE_COLUMNS])
    for column in ("speaker", "speaker_mention", "cue", "channel"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.reset_index(drop=True)


def _check_kinds(kinds: Iterable[str]) -> set[str]:
    from newslab import errors

    wanted = {kinds} if isinstance(kinds, str) else set(kinds)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise errors.InvalidInput(f"`{unknown[0]}` is not a kind of quote: the kinds are {', '.join(KINDS)}.")
    return wanted


def _word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[’'][^\W_]+)*", text))


def to_annotations(quotes: Iterable[Quote]) -> list[Annotation]:
    """The quotes as ``QUOTE`` annotation records, to compare with a gold file or a student's work.

    Each record's ``attrs`` hold ``kind``, ``speaker``, ``speaker_start``, ``speaker_end``, ``cue``
    and ``channel``.

    Example:
        >>> records = to_annotations(analyze(article).quotes)
        >>> records[0].label, records[0].attrs["kind"]
        ('QUOTE', 'partial')
    """
    from newslab.annotations import Annotation

    return [
        Annotation(
            quote.start,
            quote.end,
            "QUOTE",
            quote.text,
            {
                "kind": quote.kind,
                "speaker": quote.speaker,
                "speaker_start": quote.speaker_start,
                "speaker_end": quote.speaker_end,
                "cue": quote.cue,
                "channel": quote.channel,
            },
        )
        for quote in quotes
    ]


def quotes_html(article: Article | Analysis, *, kinds: Iterable[str] = KINDS) -> str:
    """The article's body as HTML with every statement highlighted and tied to its speaker.

    Each statement is marked ``Q<n> kind · speaker``; the words naming its speaker are marked
    ``speaker of Q<n>`` (hover over a mark to see the cue and channel).

    Example:
        >>> from IPython.display import HTML
        >>> HTML(quotes_html(load_article("trump-russia-cyber")))
    """
    from newslab.analysis import analyze
    from newslab.render import PALETTE, highlight_html

    analysis = analyze(article)
    article = analysis.article
    table = quotes_table(article, kinds=kinds)
    quotes = {q.start: q for q in list(analysis.quotes)}
    spans: list[dict] = []
    speakers: dict[tuple[int, int], list[str]] = {}
    for row in table.itertuples(index=False):
        quote = quotes.get(row.start)
        who = row.speaker or "speaker unknown"
        details = [f"{row.kind} quote", f"speaker: {who}"]
        if row.cue:
            details.append(f"cue: {row.cue}")
        if row.channel:
            details.append(f"channel: {row.channel}")
        if row.floating:
            details.append("floating: speaker carried from the previous attribution")
        spans.append(
            {
                "start": int(row.start),
                "end": int(row.end),
                "label": "QUOTE",
                "tag": f"{row.id} {row.kind} · {who}",
                "title": "; ".join(details),
                "colour": KIND_COLOURS[row.kind],
            }
        )
        if quote is not None and quote.speaker_start is not None:
            speakers.setdefault((quote.speaker_start, quote.speaker_end), []).append(row.id)
    for (start, end), ids in speakers.items():
        spans.append(
            {
                "start": start,
                "end": end,
                "label": "PERSON",
                "tag": f"speaker of {', '.join(ids)}",
                "title": f"the speaker of {', '.join(ids)}",
                "colour": PALETTE["vermillion"],
            }
        )
    return highlight_html(article.text, spans, start=article.body.start, end=article.body.end)


def _analysed(article: Article) -> list[Quote]:
    from newslab.analysis import analyze

    return list(analyze(article).quotes)


def speaker_parties(article: Article | Analysis) -> pd.DataFrame:
    """The party of each person quoted, as the text states it ("not stated" when it does not).

    The party comes from the words the text uses about the speaker: their role in the cast
    ("Republican senator of Arizona", "top Democrat on the House Intelligence Committee") or the
    words that name them ("Three Republican senators").

    Returns:
        Columns ``speaker``, ``party``, ``evidence`` (the words that say so), ``quotes`` and ``words``
        (how many statements and quoted words), sorted by words quoted, then speaker.
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    table = quotes_table(article)
    roles = {e.name: (e.role or "") for e in analysis.cast}
    rows = []
    for speaker, group in table.dropna(subset=["speaker"]).groupby("speaker", sort=True):
        party, evidence = "not stated", ""
        for words in (roles.get(speaker, ""), speaker):
            found = next((name for pattern, name in _PARTIES if pattern.search(words)), None)
            if found:
                party, evidence = found, words
                break
        rows.append(
            {
                "speaker": speaker,
                "party": party,
                "evidence": evidence,
                "quotes": len(group),
                "words": int(group["words"].sum()),
            }
        )
    frame = pd.DataFrame(rows, columns=["speaker", "party", "evidence", "quotes", "words"])
    return frame.sort_values(["words", "speaker"], ascending=[False, True]).reset_index(drop=True)


def voices_table(table: pd.DataFrame) -> pd.DataFrame:
    """Words quoted per speaker and kind (rows: speakers, most words first; columns: kinds)."""
    data = table.assign(speaker=table["speaker"].fillna("(unknown)"))
    pivot = data.pivot_table(index="speaker", columns="kind", values="words", aggfunc="sum", fill_value=0)
    pivot = pivot.reindex(columns=list(KINDS), fill_value=0)
    pivot["total"] = pivot.sum(axis=1)
    pivot = (
        pivot.reset_index().sort_values(["total", "speaker"], ascending=[False, True]).set_index("speaker")
    )
    pivot.columns.name = None
    return pivot.astype(int)


def plot_voices(
    table: pd.DataFrame, *, top: int = 12, title: str = "Who gets a voice", ax: Axes | None = None
) -> Axes:
    """A bar chart of the words quoted per speaker, split by kind (direct, partial, indirect).

    Args:
        table: a who-said-what table (``quotes_table(article)``).
        top: how many speakers to show (those with most words).
        title: the figure's title.
        ax: axes to draw on (default: a new figure).

    Returns:
        The axes, with an alt-text description attached.
    """
    from newslab.figures import new_axes, set_alt_text

    voices = voices_table(table).head(top).iloc[::-1]
    ax = ax or new_axes(height=max(2.5, 0.45 * len(voices) + 1.2))
    left = [0] * len(voices)
    for kind in KINDS:
        values = voices[kind].tolist()
        ax.barh(
            voices.index.tolist(), values, left=left, color=KIND_COLOURS[kind], label=kind, edgecolor="white"
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title(title)
    ax.set_xlabel("words quoted or reported")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", loc="lower right", frameon=False)
    ranked = voices.iloc[::-1]
    parts = [f"{name} {int(row['total'])} words" for name, row in ranked.head(5).iterrows()]
    description = (
        f"Horizontal bar chart of words quoted per speaker, split into direct, partial and indirect. "
        f"{len(ranked)} speakers; most words: {', '.join(parts)}."
        if parts
        else "No quotes were found."
    )
    return set_alt_text(ax, description)


def plot_quote_positions(
    table: pd.DataFrame, *, title: str = "Where the quotes sit in the story", ax: Axes | None = None
) -> Axes:
    """Each statement as a mark along the story (paragraph number), one row per speaker.

    Args:
        table: a who-said-what table (``quotes_table(article)``).
        title: the figure's title.
        ax: axes to draw on (default: a new figure).

    Returns:
        The axes, with an alt-text description attached.
    """
    from newslab.figures import new_axes, set_alt_text

    data = table.assign(speaker=table["speaker"].fillna("(unknown)"))
    order = data.groupby("speaker", sort=True)["start"].min().sort_values().index.tolist()
    rows = {name: i for i, name in enumerate(reversed(order))}
    ax = ax or new_axes(height=max(2.5, 0.4 * len(order) + 1.2))
    markers = {"direct": "o", "partial": "s", "indirect": "^"}
    nudge = {
        "direct": 0.0,
        "partial": 0.18,
        "indirect": -0.18,
    }  # kinds side by side, not on top of each other
    for kind in KINDS:
        part = data[data["kind"] == kind]
        ax.scatter(
            part["paragraph"].tolist(),
            [rows[s] + nudge[kind] for s in part["speaker"]],
            marker=markers[kind],
            s=70,
            color=KIND_COLOURS[kind],
            label=kind,
            edgecolors="black",
            linewidths=0.5,
        )
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_title(title)
    ax.set_xlabel("paragraph of the story (0 = first)")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", loc="best", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    first = order[0] if order else "nobody"
    description = (
        f"Dot chart of {len(data)} statements along the story by paragraph, one row per speaker in order of "
        f"first appearance (first: {first}); circles direct, squares partial, triangles indirect."
    )
    return set_alt_text(ax, description)
