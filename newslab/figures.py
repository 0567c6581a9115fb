"""Shared figure conventions: colour-blind-safe colours and an alt-text description per figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def set_alt_text(ax: Axes, description: str) -> Axes:
    """Attach a plain-words description of the figure (its alt text) and return the axes.

    The description is kept as the figure's label, where the HTML report and the rendered site
    read it; notebooks also show it in a Markdown cell beside the figure.
    """
    ax.figure.set_label(description)
    return ax


def alt_text(ax: Axes) -> str:
    """The alt-text description attached with :func:`set_alt_text` ("" if none)."""
    return ax.figure.get_label()


def new_axes(*, width: float = 8.0, height: float = 3.5) -> Axes:
    """A fresh figure with one set of axes, sized for a notebook."""
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return ax
