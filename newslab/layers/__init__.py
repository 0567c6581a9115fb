"""The analysis layers: what each one needs, what computes it, and the one ordered list of them.

A layer's *engine* is a pure function ``compute(article, doc, *needs) -> records`` in a module under
``newslab/layers/``; it never imports a table, a plot or :mod:`newslab.analysis`. Its *face* is the
notebook module (``newslab.people``, ``newslab.quotes``…) that turns the records into tables and plots.

:data:`REGISTRY` lists the layers in the order they can be computed: a layer only needs layers
above it. :class:`newslab.analysis.Analysis`, the ``newslab annotate`` record, the HTML report,
the machine annotations and ``newslab``'s public names all loop over it, so a new layer is added
here and nowhere else (see ``docs/architecture.md``).

Engines are named by their import path and imported on first use, so ``import newslab`` stays
free of spaCy, pandas and the rules themselves.

Example:
    >>> [layer.name for layer in REGISTRY]
    ['cast', 'quotes', 'timexes', 'events', 'sentiment']
    >>> layer("events").needs
    ('timexes', 'quotes')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from newslab import errors

__all__ = ["REGISTRY", "Layer", "check_registry", "layer", "layer_names"]


@dataclass(frozen=True)
class Layer:
    """One analysis layer, declared once.

    Attributes:
        name: the layer's name, also the attribute of :class:`~newslab.analysis.Analysis` that holds it.
        needs: the layers whose records ``compute`` takes after ``article`` and ``doc``, in that order.
        compute: the engine, as ``"module:function"``; called ``function(article, doc, *needs)``.
        title: what the layer is called in the report ("who said what").
        key: its key in the ``newslab annotate`` record ("entities").
        face: the notebook module with its tables and plots ("newslab.people").
        views: the face's functions that ``import newslab`` offers by name.
    """

    name: str
    needs: tuple[str, ...]
    compute: str
    title: str
    key: str
    face: str
    views: tuple[str, ...] = ()

    def engine(self) -> Callable[..., Any]:
        """The function that computes the layer (imported now, not when newslab is imported)."""
        module, function = self.compute.split(":")
        return getattr(import_module(module), function)

    def to_json(self, records: Any) -> Any:
        """The layer's records as JSON-safe values: a list of dicts, or one dict for a single result."""
        if isinstance(records, (list, tuple)):
            return [record.to_json() for record in records]
        return records.to_json()


REGISTRY: tuple[Layer, ...] = (
    Layer(
        name="cast",
        needs=(),
        compute="newslab.layers.cast:find_cast",
        title="who's who",
        key="entities",
        face="newslab.people",
        views=("people_table", "mentions_table"),
    ),
    Layer(
        name="quotes",
        needs=("cast",),
        compute="newslab.layers.quotes:find_quotes",
        title="who said what",
        key="quotes",
        face="newslab.quotes",
        views=("quotes_table",),
    ),
    Layer(
        name="timexes",
        needs=(),
        compute="newslab.layers.time:find_timexes",
        title="time expressions",
        key="timexes",
        face="newslab.timeline",
        views=("timexes_table",),
    ),
    Layer(
        name="events",
        needs=("timexes", "quotes"),
        compute="newslab.layers.time:find_events",
        title="timeline",
        key="events",
        face="newslab.timeline",
        views=("timeline_table",),
    ),
    Layer(
        name="sentiment",
        needs=("cast", "quotes"),
        compute="newslab.layers.sentiment:analyse_sentiment",
        title="sentiment",
        key="sentiment",
        face="newslab.sentiment",
        views=(
            "sentence_sentiment_table",
            "speaker_sentiment_table",
            "target_sentiment_table",
            "score_target",
        ),
    ),
)


def check_registry(layers: tuple[Layer, ...]) -> None:
    """Make sure every layer's needs are layers listed above it, and that no name is used twice.

    Raises:
        LayerError: naming the layer and the missing or misplaced need.
    """
    seen: list[str] = []
    for entry in layers:
        if entry.name in seen:
            raise errors.LayerError(f"The layer `{entry.name}` is listed twice: keep one entry for it.")
        for need in entry.needs:
            if need not in seen:
                where = "is listed below it" if any(e.name == need for e in layers) else "is not a layer"
                raise errors.LayerError(
                    f"The layer `{entry.name}` needs `{need}`, which {where}: list `{need}` above "
                    f"`{entry.name}` in newslab.layers.REGISTRY."
                )
        seen.append(entry.name)


def layer_names() -> list[str]:
    """The names of the layers, in registry order."""
    return [entry.name for entry in REGISTRY]


def layer(name: str) -> Layer:
    """The registry entry called ``name``.

    Raises:
        LayerError: when there is no such layer (the message lists the layers there are).
    """
    for entry in REGISTRY:
        if entry.name == name:
            return entry
    names = ", ".join(f"`{entry.name}`" for entry in REGISTRY)
    raise errors.LayerError(f"There is no layer called `{name}`; the layers are {names}.")


check_registry(REGISTRY)
