"""Annotate an article yourself, in JupyterLab or on Binder.

Two layers:

- :class:`AnnotationSession` holds the work and the rules (mark a span, label it, link a quote to
  its speaker — proposing the nearest person marked before or after it —, edit, delete, undo) and
  **saves every change at once** to an annotation file — the same format as the gold file and the
  machine's output (``newslab.annotations``), written atomically. It has no widgets, so it can be
  used and tested anywhere.
- :class:`~newslab.widget_view.AnnotationWidget` (made by :func:`annotate`, both in
  :mod:`newslab.widget_view` and importable from here) is the view: the words to select by mouse
  or keyboard with the annotations highlighted, a button and a key per label, the speaker question
  after a quote, and the list of annotations to edit.

Opening the same file again resumes where you stopped. A file that is not a valid annotation file
for this article is never overwritten: the widget says what is wrong and where the file is.

Example:
    >>> from newslab import load_article
    >>> from newslab.widgets import annotate
    >>> article = load_article("trump-russia-cyber")
    >>> annotate(article, "my-work/annotations.json", paragraphs=[3, 4])  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from newslab.annotation_session import (
    LABEL_NAMES,
    SPAN_CHOICES,
    SPEAKER_LABELS,
    AnnotationSession,
    Token,
    annotations_html,
    describe,
    label_of,
    short_tag,
)

# AnnotationWidget and annotate come from __getattr__ below, on first use.
__all__ = [
    "LABEL_NAMES",
    "SPAN_CHOICES",
    "SPEAKER_LABELS",
    "AnnotationSession",
    "Token",
    "annotations_html",
    "describe",
    "label_of",
    "short_tag",
]


def __getattr__(name: str) -> Any:
    # The view lives in newslab.widget_view; it is loaded (with anywidget) only when asked for.
    if name in ("AnnotationWidget", "annotate"):
        from newslab import widget_view

        return getattr(widget_view, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
