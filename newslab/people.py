"""Who's who in the notebooks: tables, highlights and plots of an article's cast.

The cast itself (one :class:`Entity` per person, organisation or place, with every
:class:`Mention`) is found by the engine in ``newslab/layers/cast/``; its records and
:func:`find_cast` can be imported from here too. Each view takes an article (or its
:class:`~newslab.analysis.Analysis`) and returns a DataFrame, an HTML string or a plot.

Example:
    >>> from newslab import load_article
    >>> people_table(load_article("trump-russia-cyber"))[["name", "label"]].head(3)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newslab.layers.cast import (
    LABELS,
    MENTION_KINDS,
    Entity,
    Mention,
    cast_json,
    entity_at,
    find_cast,
    quote_regions,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from newslab.analysis import Analysis
    from newslab.annotations import Annotation
    from newslab.article import Article

__all__ = [
    "LABELS",
    "MENTION_COLUMNS",
    "MENTION_KINDS",
    "PEOPLE_COLUMNS",
    "Entity",
    "Mention",
    "cast_html",
    "cast_json",
    "comention_table",
    "corrections_table",
    "entity_at",
    "find_cast",
    "mentions_table",
    "people_table",
    "plot_comention_network",
    "plot_mention_strip",
    "quote_regions",
    "to_annotations",
]

# ---------------------------------------------------------------- tables, records, figures


def to_annotations(cast: Sequence[Entity]) -> list[Annotation]:
    """The cast as annotation records (label PERSON / ORG / PLACE, ``attrs["entity"]`` = canonical name).

    Example:
        >>> to_annotations(cast)[0].attrs
        {'entity': 'Donald Trump', 'kind': 'name'}
    """
    from newslab.annotations import Annotation

    records = [
        Annotation(m.start, m.end, e.label, m.text, {"entity": e.name, "kind": m.kind})
        for e in cast
        for m in e.mentions
    ]
    return sorted(records, key=lambda a: (a.start, a.end, a.label))


PEOPLE_COLUMNS = ["id", "name", "label", "role", "mentions", "first_mention", "gender", "aliases"]
MENTION_COLUMNS = ["start", "end", "text", "entity_id", "entity", "label", "kind", "model_label", "reason"]


def people_table(article: Article) -> pd.DataFrame:
    """One row per person, organisation and place of the article, in order of first mention.

    Columns: ``id``, ``name`` (canonical), ``label`` (PERSON / ORG / PLACE), ``role`` (``""`` if none),
    ``mentions`` (how many), ``first_mention`` (character offset), ``gender`` (from the text's
    titles and pronouns, ``""`` if unknown), ``aliases`` (the other forms used, ``"; "``-joined).

    Example:
        >>> people_table(article).head(3)
    """
    import pandas as pd

    from newslab.analysis import analyze

    rows = []
    for entity in analyze(article).cast:
        forms = dict.fromkeys(m.text for m in entity.mentions if m.kind not in ("pronoun", "description"))
        forms.pop(entity.name, None)
        rows.append(
            {
                "id": entity.id,
                "name": entity.name,
                "label": entity.label,
                "role": entity.role or "",
                "mentions": entity.mention_count,
                "first_mention": entity.first_mention,
                "gender": entity.gender,
                "aliases": "; ".join(forms),
            }
        )
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS)


def mentions_table(article: Article) -> pd.DataFrame:
    """One row per mention, in text order: which entity it refers to, what kind it is, and why.

    Columns: ``start``, ``end``, ``text``, ``entity_id``, ``entity`` (canonical name), ``label``,
    ``kind`` (name / title / surname / first name / acronym / description / pronoun),
    ``model_label`` (what the spaCy model said, ``""`` if it did not tag it), ``reason``.

    Example:
        >>> mentions_table(article).query("kind == 'pronoun'")
    """
    import pandas as pd

    from newslab.analysis import analyze

    rows = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "entity_id": e.id,
            "entity": e.name,
            "label": e.label,
            "kind": m.kind,
            "model_label": m.model_label,
            "reason": m.reason,
        }
        for e in analyze(article).cast
        for m in e.mentions
    ]
    rows.sort(key=lambda r: (r["start"], r["end"], r["entity_id"]))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def corrections_table(article: Article) -> pd.DataFrame:
    """The mentions where the kit disagrees with the model's type, or found a name the model missed.

    Columns: ``start``, ``end``, ``text``, ``model_label`` (``""``: not tagged), ``label``, ``reason``.
    """
    table = mentions_table(article)
    names = table[table["kind"].isin(["name", "title", "surname", "first name", "acronym"])]
    changed = names[names["model_label"] != names["label"]]
    return changed[["start", "end", "text", "model_label", "label", "reason"]].reset_index(drop=True)


def cast_html(article: Article | Analysis, *, labels: Iterable[str] = LABELS) -> str:
    """The article's body as escaped HTML with every mention highlighted: colour plus a tag naming the entity.

    Args:
        article: the article.
        labels: which types to show (default all three: PERSON, ORG, PLACE).

    Example:
        >>> from IPython.display import HTML
        >>> HTML(cast_html(article, labels=["PERSON"]))
    """
    from newslab.analysis import analyze
    from newslab.render import highlight_html

    analysis = analyze(article)
    article = analysis.article
    wanted = set(labels)
    spans = [
        {
            "start": m.start,
            "end": m.end,
            "label": e.label,
            "tag": f"{e.label} {e.name}",
            "title": f"{e.id} {e.name} ({m.kind}): {m.reason}",
        }
        for e in analysis.cast
        if e.label in wanted
        for m in e.mentions
    ]
    return highlight_html(article.text, spans, start=article.body.start, end=article.body.end)


def plot_mention_strip(
    mentions: pd.DataFrame,
    *,
    labels: Iterable[str] = ("PERSON",),
    text_length: int | None = None,
    ax: Axes | None = None,
    title: str = "Where each person is mentioned along the story",
) -> Axes:
    """A strip plot: one row per entity, one mark per mention at its position in the text.

    Args:
        mentions: a table from :func:`mentions_table`.
        labels: which types to draw (default people only).
        text_length: the x-axis end (default: the last mention's end).
        ax: axes to draw on (default a new figure).
        title: the figure's title.

    Returns:
        The matplotlib Axes, with an alt-text description attached.

    Example:
        >>> ax = plot_mention_strip(mentions_table(article), text_length=len(article.text))
    """
    from newslab.figures import new_axes, set_alt_text
    from newslab.render import PALETTE

    table = mentions[mentions["label"].isin(list(labels))]
    order = table.groupby("entity")["start"].min().sort_values(kind="stable").index.tolist()
    ax = ax or new_axes(height=max(2.0, 0.45 * len(order) + 1.2))
    markers = {
        "name": "o",
        "title": "p",
        "surname": "s",
        "first name": "s",
        "acronym": "s",
        "description": "D",
        "pronoun": "^",
    }
    colours = {
        "name": PALETTE["blue"],
        "title": PALETTE["blue"],
        "surname": PALETTE["sky_blue"],
        "first name": PALETTE["sky_blue"],
        "acronym": PALETTE["sky_blue"],
        "description": PALETTE["orange"],
        "pronoun": PALETTE["vermillion"],
    }
    for kind in ("name", "title", "surname", "first name", "acronym", "description", "pronoun"):
        rows = table[table["kind"] == kind]
        if rows.empty:
            continue
        ys = [len(order) - 1 - order.index(e) for e in rows["entity"]]
        ax.scatter(rows["start"], ys, marker=markers[kind], color=colours[kind], s=40, label=kind, zorder=3)
    ax.set_yticks(range(len(order)), list(reversed(order)))
    ax.set_ylim(-0.7, max(len(order) - 0.3, 0.7))
    end = text_length or (int(table["end"].max()) if not table.empty else 1)
    ax.set_xlim(0, end)
    ax.set_xlabel("position in the text (character offset)")
    ax.set_ylabel("entity")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    if not table.empty:
        ax.legend(title="mention kind", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    counts = table.groupby("entity").size()
    described = ", ".join(f"{name} ({counts[name]})" for name in order)
    set_alt_text(
        ax,
        f"Strip plot of where each entity is mentioned along the text, one row per entity "
        f"in order of first mention, with the number of mentions: {described or 'none'}.",
    )
    return ax


def comention_table(article: Article | Analysis, *, labels: Iterable[str] = ("PERSON",)) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence, with how many sentences they share.

    Columns: ``a``, ``b`` (canonical names, ``a < b``), ``sentences``; sorted by count, then names.
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    wanted = set(labels)
    cast = [e for e in analysis.cast if e.label in wanted]
    pairs: dict[tuple[str, str], int] = {}
    for sent in article.sentences:
        present = sorted({e.name for e in cast for m in e.mentions if sent.start <= m.start < sent.end})
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [{"a": a, "b": b, "sentences": n} for (a, b), n in pairs.items()]
    rows.sort(key=lambda r: (-r["sentences"], r["a"], r["b"]))
    return pd.DataFrame(rows, columns=["a", "b", "sentences"])


def plot_comention_network(
    pairs: pd.DataFrame,
    *,
    people: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str = "Who is mentioned in the same sentences",
) -> Axes:
    """A small network: people on a circle, a line between two who share a sentence (thicker = more).

    The layout is fixed (names in alphabetical order round a circle), so the figure is the same every run.

    Args:
        pairs: a table from :func:`comention_table`.
        people: every name to place (default: the names in ``pairs``); lonely people are drawn too.
        ax: axes to draw on (default a new figure).
        title: the figure's title.

    Returns:
        The matplotlib Axes, with an alt-text description attached.
    """
    import math

    from newslab.figures import new_axes, set_alt_text
    from newslab.render import PALETTE

    names = sorted(set(people or []) | set(pairs["a"]) | set(pairs["b"]))
    ax = ax or new_axes(width=6.5, height=5.0)
    position = {
        name: (
            math.cos(math.pi / 2 - 2 * math.pi * k / max(len(names), 1)),
            math.sin(math.pi / 2 - 2 * math.pi * k / max(len(names), 1)),
        )
        for k, name in enumerate(names)
    }
    most = int(pairs["sentences"].max()) if not pairs.empty else 1
    for row in pairs.itertuples(index=False):
        (x1, y1), (x2, y2) = position[row.a], position[row.b]
        ax.plot([x1, x2], [y1, y2], color=PALETTE["grey"], linewidth=1 + 3 * row.sentences / most, zorder=1)
    for name, (x, y) in position.items():
        ax.scatter([x], [y], s=160, color=PALETTE["sky_blue"], edgecolor=PALETTE["blue"], zorder=2)
        # labels sit outside the circle, away from the lines
        ha = "center" if abs(x) < 0.2 else ("left" if x > 0 else "right")
        ax.text(1.13 * x, 1.13 * y, name, ha=ha, va="center", fontsize="small", zorder=3)
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("line width: number of sentences shared")
    ax.set_ylabel("")
    ax.set_title(title)
    links = "; ".join(f"{r.a} and {r.b} ({r.sentences})" for r in pairs.itertuples(index=False))
    set_alt_text(
        ax,
        f"Network of {len(names)} people placed round a circle; a line joins two people "
        f"mentioned in the same sentence, with the number of shared sentences: {links or 'none'}.",
    )
    return ax
