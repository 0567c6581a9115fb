"""The annotation tool's view: an ``anywidget`` over an :class:`~newslab.widgets.AnnotationSession`.

The browser draws the words, the highlights and the buttons (built with ``textContent``, so no
article text is ever read as HTML) and keeps the selection itself, so selecting words costs no trip
to the kernel. Each change (a label, a link, an edit, undo) is one message to Python, which hands it
to the session — the session checks it and saves the file — and sends back the annotations.

Selecting: drag across words, or click the first and the last word (a one-word span: click it
twice). Keyboard: the word strip is one Tab stop; ←/→ move, Shift+←/→ select, Ctrl+←/→ jump to the
next quotation mark, Home/End to the sentence's ends. One key labels the selection (shown on each
button). After a quote, the nearest marked person or organisation is proposed as its speaker:
Enter (or a click) accepts it, 1–5 (or a click) picks another.

Example:
    >>> from newslab.widget_view import annotate
    >>> annotate(article, "my-work/annotations.json", paragraphs=[3, 4])  # doctest: +SKIP
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets

from newslab import errors
from newslab.annotation_session import LABEL_NAMES, SPAN_CHOICES, AnnotationSession, describe, short_tag
from newslab.annotations import SENTIMENT_VALUES, Annotation
from newslab.render import colour_for
from newslab.widget_js import CSS, ESM

if TYPE_CHECKING:
    from newslab.article import Article

# The key that gives each label (shown on its button).
LABEL_KEYS = {"PERSON": "p", "ORG": "o", "PLACE": "l", "QUOTE": "q", "TIMEX": "t"}
SENTIMENT_KEYS = {"negative": "-", "neutral": "=", "positive": "+"}


class AnnotationWidget(anywidget.AnyWidget):
    """The annotation tool: a view over an :class:`AnnotationSession` (made by :func:`annotate`).

    Attributes:
        session: the session holding the annotations; every change goes through one of its methods.
        status: the status line as shown (the file named by the path you gave).
        position: the number of the sentence shown (among ``session.sentences``).
    """

    _esm = ESM
    _css = CSS
    tokens = traitlets.List().tag(sync=True)
    buttons = traitlets.List().tag(sync=True)
    annotations = traitlets.List().tag(sync=True)
    proposal = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    broken = traitlets.Bool(False).tag(sync=True)
    can_undo = traitlets.Bool(False).tag(sync=True)
    position = traitlets.Int(0).tag(sync=True)
    whole = traitlets.Bool(False).tag(sync=True)

    def __init__(self, session: AnnotationSession, *, sentence: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.buttons = [
            {"value": label, "name": LABEL_NAMES[label].capitalize(), "key": LABEL_KEYS[label],
             "colour": colour_for(label), "kind": "label"}
            for label in SPAN_CHOICES
        ] + [
            {"value": value, "name": value.capitalize(), "key": SENTIMENT_KEYS[value],
             "colour": colour_for(value), "kind": "sentiment"}
            for value in SENTIMENT_VALUES
        ]  # fmt: skip
        if session.error is None:
            self.tokens = _token_rows(session)
            if sentence is None and session.annotations:
                sentence = session.sentence_of(session.annotations[-1].start)
            self.position = max(0, min(sentence or 0, len(session.sentences) - 1))
        self._quote: tuple[int, int] | None = None  # the quote whose speaker is being asked for
        self.on_msg(lambda _widget, content, _buffers: self._receive(content))
        self._show()

    def __repr__(self) -> str:
        # What a notebook shows where widgets cannot be drawn: the same text at every run.
        return (
            f"Annotation tool for `{self.session.article.id}`, saving to `{self.session.path}` "
            "(it draws itself in JupyterLab or Jupyter Notebook)."
        )

    # ------------------------------------------------------------ what the browser asks for

    def _receive(self, content: Any) -> None:
        try:
            self.act(**content)
        except (KeyError, TypeError, ValueError):
            # Only a page out of step with the kernel sends such a message (e.g. after a restart).
            self.session.status = "The tool could not read that request: run its cell again."
            self._show()

    def act(self, action: str, **fields: Any) -> None:
        """Do what a button or key in the browser asked for (tests call this directly).

        Actions: ``label`` (``name``, ``start``, ``end``), ``link`` (``quote``, ``speaker``),
        ``speakers`` (``quote``), ``dismiss``, ``relabel`` (``target``, ``name``), ``resize``
        (``target``, ``start``, ``end``), ``delete`` (``target``), ``undo``. An annotation is named by
        ``[start, end, label]``; a student's mistake becomes the status line, never a traceback.
        """
        session = self.session
        try:
            if action == "label":
                self._label(fields["name"], fields.get("start"), fields.get("end"))
            elif action == "link":
                quote = session.number_of(*fields["quote"])
                session.link(quote, session.number_of(*fields["speaker"]))
                self._quote = tuple(fields["quote"][:2])
            elif action == "speakers":
                session.number_of(*fields["quote"])
                self._quote = tuple(fields["quote"][:2])
            elif action == "dismiss":
                self._quote = None
            elif action == "relabel":
                session.relabel(session.number_of(*fields["target"]), fields["name"])
            elif action == "resize":
                if fields.get("start") is None:
                    session.clear_selection()
                else:
                    session.mark(fields["start"], fields["end"])
                session.resize(session.number_of(*fields["target"]))
            elif action == "delete":
                session.delete(session.number_of(*fields["target"]))
            elif action == "undo":
                session.undo()
            else:
                session.status = f"`{action}` is not something this tool can do."
        except errors.NewslabError as exc:
            session.status = str(exc)
        self._show()

    def _label(self, name: str, start: int | None, end: int | None) -> None:
        session = self.session
        if start is None or end is None:
            session.clear_selection()
        else:
            session.mark(start, end)
        made = session.label(name)
        if made.label == "QUOTE":
            self._quote = (made.start, made.end)
            proposed = session.propose_speaker(session.number_of(made.start, made.end, "QUOTE"))
            if proposed is not None and "speaker" not in made.attrs:
                who = session.annotations[proposed].text
                session.status += f" Who said it? Enter, 1 or a click links {who}."

    # ------------------------------------------------------------ what the browser shows

    def _show(self) -> None:
        session = self.session
        with self.hold_sync():
            self.broken = session.error is not None
            self.status = shown_status(session)
            self.can_undo = session.can_undo
            self.annotations = [] if self.broken else [self._row(a) for a in session.annotations]
            self.proposal = None if self.broken else self._proposal()

    def _row(self, annotation: Annotation) -> dict:
        """An annotation as the browser draws it: its span, colour, tag and first and last token."""
        if not hasattr(self, "_starts"):
            self._starts = [row[0] for row in self.tokens]
            self._ends = [row[1] for row in self.tokens]
        sentiment = annotation.label == "SENTIMENT"
        return {
            "key": [annotation.start, annotation.end, annotation.label],
            "tag": short_tag(annotation),
            "title": describe(annotation),
            "colour": colour_for(str(annotation.attrs.get("value")) if sentiment else annotation.label),
            "first": bisect_right(self._ends, annotation.start),
            "last": bisect_left(self._starts, annotation.end) - 1,
        }

    def _proposal(self) -> dict | None:
        session = self.session
        if self._quote is None:
            return None
        try:
            number = session.number_of(*self._quote, "QUOTE")
        except errors.InvalidInput:
            self._quote = None
            return None
        said = session.annotations[number]
        linked = (said.attrs.get("speaker_start"), said.attrs.get("speaker_end"))
        candidates = []
        for n in session.speaker_candidates(number):
            who = session.annotations[n]
            candidates.append(
                {
                    "key": [who.start, who.end, who.label],
                    "text": " ".join(who.text.split()),
                    "side": "before" if who.end <= said.start else "after",
                    "linked": (who.start, who.end) == linked,
                }
            )
        return {
            "quote": [said.start, said.end, "QUOTE"],
            "text": describe(said),
            "speaker": said.attrs.get("speaker"),
            "candidates": candidates,
        }


def shown_status(session: AnnotationSession) -> str:
    """The session's status line, naming the file by the path the student gave, not its bare name."""
    given = str(session.path)
    if given == session.path.name:
        return session.status
    return session.status.replace(f"`{session.path.name}`", f"`{given}`")


def _token_rows(session: AnnotationSession) -> list[list]:
    """The offered tokens as ``[start, end, text, sentence, starts_paragraph]`` rows for the browser."""
    text = session.article.text
    rows: list[list] = []
    previous_end = None
    for number, (start, end) in enumerate(session.sentences):
        for index in session.tokens_in(start, end):
            token = session.tokens[index]
            gap = text[previous_end : token.start] if previous_end is not None else ""
            rows.append([token.start, token.end, token.text, number, "\n" in gap])
            previous_end = token.end
    return rows


def annotate(
    article: Article,
    path: str | Path,
    *,
    annotator: str = "student",
    paragraphs: Iterable[int] | None = None,
    sentence: int | None = None,
) -> AnnotationWidget:
    """Open the annotation tool on an article; every change is saved to ``path`` at once.

    Select words (drag across them, or click the first and the last), then a label: person,
    organisation, place, quote, time expression; or give the sentence a sentiment. After a quote,
    the nearest person you marked is proposed as its speaker: Enter or a click accepts it. Every
    label has a key (shown on its button). Undo takes back the last change; opening the same file
    again resumes.

    Args:
        article: the article to annotate.
        path: the annotation file (created at your first change; a broken file is never overwritten).
        annotator: your name, written into a new file.
        paragraphs: only these paragraphs' sentences (numbers from 0), e.g. ``[3, 4]``.
        sentence: the sentence to start at (default: where you stopped, or the first).

    Returns:
        The widget; show it by making it the last line of a cell. ``widget.session`` holds the work.

    Example:
        >>> widget = annotate(load_article("trump-russia-cyber"), "my-work/annotations.json")  # doctest: +SKIP
        >>> widget  # doctest: +SKIP
    """
    session = AnnotationSession(article, path, annotator=annotator, paragraphs=paragraphs)
    return AnnotationWidget(session, sentence=sentence)
