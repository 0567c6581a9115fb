"""Annotate an article yourself, in JupyterLab or on Binder, with plain ipywidgets.

Two layers:

- :class:`AnnotationSession` holds the work and the rules (mark a span, label it, link a quote to
  its speaker, edit, delete, undo) and **saves every change at once** to an annotation file — the
  same format as the gold file and the machine's output (``newslab.annotations``), written atomically.
  It has no widgets, so it can be used and tested anywhere.
- :class:`AnnotationWidget` (made by :func:`annotate`) is the view: the sentence with its
  annotations highlighted, one button per word to click, buttons for the labels, and the list of
  annotations to edit.

Opening the same file again resumes where you stopped. A file that is not a valid annotation file
for this article is never overwritten: the widget says what is wrong and where the file is.

Example:
    >>> from newslab import load_article
    >>> from newslab.widgets import annotate
    >>> article = load_article("trump-russia-cyber")
    >>> annotate(article, "my-work/annotations.json", paragraphs=[3, 4])  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from newslab import errors
from newslab.annotations import (
    SENTIMENT_VALUES,
    Annotation,
    AnnotationSet,
    load_annotations,
    make_annotation,
    save_annotations,
)
from newslab.render import PALETTE, colour_for, highlight_html

if TYPE_CHECKING:
    from newslab.article import Article

# What a student sees → the record label.
LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "PLACE": "place",
    "QUOTE": "quote",
    "TIMEX": "time expression",
    "EVENT": "event",
    "SENTIMENT": "sentiment",
}
SPAN_CHOICES = ("PERSON", "ORG", "PLACE", "QUOTE", "TIMEX")
SPEAKER_LABELS = ("PERSON", "ORG")
_ALIASES = {
    **{name: label for label, name in LABEL_NAMES.items()},
    "organization": "ORG",
    "location": "PLACE",
    "timex": "TIMEX",
    "time": "TIMEX",
}


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of the article: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


def _key(annotation: Annotation) -> str:
    """What makes two annotations the same one (their whole record), to merge two sessions' work."""
    return json.dumps(annotation.to_dict(), sort_keys=True, ensure_ascii=False)


def _keys(annotations: Iterable[Annotation]) -> set[str]:
    return {_key(a) for a in annotations}


def label_of(name: str) -> str:
    """The record label for a name a student may use: ``"person"`` → ``"PERSON"``, ``"negative"`` → ``"SENTIMENT"``.

    Raises:
        InvalidInput: for a name that is not a label.
    """
    key = " ".join(str(name).split()).casefold()
    if key.upper() in LABEL_NAMES:
        return key.upper()
    if key in _ALIASES:
        return _ALIASES[key]
    if key in SENTIMENT_VALUES:
        return "SENTIMENT"
    choices = ", ".join([*(LABEL_NAMES[x] for x in SPAN_CHOICES), *SENTIMENT_VALUES])
    raise errors.InvalidInput(f"`{name}` is not a label you can give: choose one of {choices}.")


class AnnotationSession:
    """One student's annotations of one article, saved to a file after every change.

    Args:
        article: the article to annotate.
        path: the annotation file; it is created at the first change and re-opened next time.
        annotator: the name written into a new file (default ``"student"``).
        paragraphs: only offer the sentences of these paragraphs (numbers from 0), e.g. ``[3, 4]``.

    Attributes:
        error: ``None``, or the one sentence saying why the file cannot be used; the session then
            refuses every change and never writes the file.
        status: one line saying what happened last.

    Example:
        >>> session = AnnotationSession(article, "my-work/annotations.json")  # doctest: +SKIP
        >>> session.mark(0, 12)  # doctest: +SKIP
        >>> session.label("person")  # doctest: +SKIP
    """

    def __init__(
        self,
        article: Article,
        path: str | Path,
        *,
        annotator: str = "student",
        paragraphs: Iterable[int] | None = None,
    ) -> None:
        self.article = article
        self.path = Path(path)
        self.annotator = annotator
        self.error: str | None = None
        self.annotations: list[Annotation] = []
        # Each change as (added, removed): undo applies its opposite to the file as it is then.
        self._history: list[tuple[list[Annotation], list[Annotation]]] = []
        self.selection: tuple[int, int] | None = None
        self.anchor: int | None = None
        self._paragraphs = None if paragraphs is None else sorted(set(paragraphs))
        self.status = ""
        if self.path.exists():
            try:
                loaded = load_annotations(self.path, article.text)
            except errors.NewslabError as exc:
                self.error = str(exc)
                self.status = self.error
            else:
                self.annotations = list(loaded.annotations)
                self.annotator = loaded.annotator or annotator
                self.status = f"Resumed {len(self.annotations)} annotations from `{self.path.name}`."
        else:
            self.status = f"New file: every change will be saved to `{self.path.name}`."
        self._sort()

    # ------------------------------------------------------------ what there is to annotate

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The article body's words and punctuation marks, in order (from the spaCy tokenizer)."""
        if not hasattr(self, "_tokens"):
            from newslab.nlp import parse

            body = self.article.body
            self._tokens = tuple(
                Token(t.idx, t.idx + len(t.text), t.text)
                for t in parse(self.article)
                if not t.is_space and body.start <= t.idx < body.end
            )
        return self._tokens

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The sentences offered for annotation, as ``(start, end)`` character offsets."""
        if not hasattr(self, "_sentences"):
            spans = [(s.start, s.end) for s in self.article.sentences]
            if self._paragraphs is not None:
                spans = [s for s in spans if self.article.paragraph_of(s[0]) in self._paragraphs]
            if not spans:
                raise errors.InvalidInput(
                    f"Paragraphs {self._paragraphs} are not in the article, which has "
                    f"{len(self.article.paragraphs)} (numbered from 0): choose others."
                )
            self._sentences = tuple(spans)
        return self._sentences

    def tokens_in(self, start: int, end: int) -> list[int]:
        """The numbers of the tokens inside ``text[start:end]``."""
        return [i for i, t in enumerate(self.tokens) if t.start >= start and t.end <= end]

    @property
    def items(self) -> list[Annotation]:
        """The annotations, in text order (the numbers the other methods take refer to this list)."""
        return list(self.annotations)

    def annotations_in(self, start: int, end: int) -> list[int]:
        """The numbers of the annotations that overlap ``text[start:end]``."""
        return [i for i, a in enumerate(self.annotations) if a.start < end and a.end > start]

    # ------------------------------------------------------------ selecting

    def click_token(self, index: int) -> tuple[int, int] | None:
        """Click a token: the first click marks the start, the second the end (either order).

        Returns:
            The selection as character offsets (one token long after the first click).
        """
        token = self.tokens[index]
        if self.anchor is None:
            self.anchor = index
            self.selection = (token.start, token.end)
        else:
            first, last = sorted((self.anchor, index))
            self.anchor = None
            self.selection = (self.tokens[first].start, self.tokens[last].end)
        return self.selection

    def mark(self, start: int, end: int) -> tuple[int, int]:
        """Select ``text[start:end]`` directly (outer white space is left out)."""
        text = self.article.text
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise errors.InvalidInput(
                f"{start}–{end} is not a stretch of this article's {len(text)} characters: "
                "give a start smaller than the end."
            )
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            raise errors.InvalidInput("That stretch of text is only white space: select some words.")
        self.anchor = None
        self.selection = (start, end)
        return self.selection

    def mark_tokens(self, first: int, last: int) -> tuple[int, int]:
        """Select from token ``first`` to token ``last`` (inclusive)."""
        first, last = sorted((first, last))
        return self.mark(self.tokens[first].start, self.tokens[last].end)

    def mark_sentence(self, number: int) -> tuple[int, int]:
        """Select a whole sentence (numbered from 0 among :attr:`sentences`)."""
        return self.mark(*self.sentences[number])

    def clear_selection(self) -> None:
        """Forget the current selection."""
        self.anchor = None
        self.selection = None

    def sentence_of(self, offset: int) -> int:
        """The number of the offered sentence holding a character offset (the nearest before it)."""
        number = 0
        for i, (start, _) in enumerate(self.sentences):
            if start <= offset:
                number = i
        return number

    # ------------------------------------------------------------ changing

    def label(self, name: str, **attrs: Any) -> Annotation:
        """Give the selection a label and save at once.

        Args:
            name: ``person``, ``organisation``, ``place``, ``quote``, ``time expression`` (or the record
                labels PERSON, ORG…), or a sentiment value (``negative``, ``neutral``, ``positive``),
                which labels the whole sentence the selection starts in.
            attrs: extra attributes to store (e.g. ``kind="partial"`` for a quote).

        Returns:
            The new annotation (or the existing one, if that span already has that label).

        Raises:
            InvalidInput: nothing is selected, or the name is not a label.
            InvalidAnnotations: the file could not be used (see :attr:`error`).
        """
        self._refuse_if_broken()
        label = label_of(name)
        if self.selection is None:
            raise errors.InvalidInput(
                "Nothing is selected: click a first and a last word (or a sentence) first."
            )
        start, end = self.selection
        key = " ".join(str(name).split()).casefold()
        if label == "SENTIMENT":
            value = key if key in SENTIMENT_VALUES else attrs.pop("value", None)
            start, end = self.sentences[self.sentence_of(start)]
            attrs = {**attrs, "value": value}
            kept = [
                a
                for a in self.annotations
                if not (a.label == "SENTIMENT" and (a.start, a.end) == (start, end))
            ]
        else:
            kept = list(self.annotations)
            if label in ("PERSON", "ORG", "PLACE"):
                attrs = {"entity": self.article.text[start:end], **attrs}
            for existing in kept:
                if (existing.start, existing.end, existing.label) == (start, end, label):
                    self.status = f"That {LABEL_NAMES[label]} was already there; nothing changed."
                    return existing
        annotation = make_annotation(self.article.text, start, end, label, **attrs)
        self._commit([*kept, annotation], f"Added {describe(annotation)}")
        self.clear_selection()
        return annotation

    def relabel(self, number: int, name: str) -> Annotation:
        """Change the label of annotation ``number`` (a sentiment value changes a sentence's value)."""
        self._refuse_if_broken()
        old = self._get(number)
        label = label_of(name)
        key = " ".join(str(name).split()).casefold()
        attrs = dict(old.attrs)
        if label == "SENTIMENT":
            if old.label != "SENTIMENT":
                raise errors.InvalidInput(
                    "A sentiment belongs to a whole sentence: select the sentence and click Negative, "
                    "Neutral or Positive instead."
                )
            attrs = {"value": key if key in SENTIMENT_VALUES else attrs.get("value")}
        elif label in ("PERSON", "ORG", "PLACE"):
            attrs = {"entity": attrs.get("entity", old.text)}
        elif label != old.label:
            attrs = {}
        new = make_annotation(self.article.text, old.start, old.end, label, **attrs)
        self._commit([*self._without(number), new], f"Changed {describe(old)} to {describe(new)}")
        return new

    def resize(self, number: int) -> Annotation:
        """Move annotation ``number`` to the current selection (to fix where it starts or ends)."""
        self._refuse_if_broken()
        old = self._get(number)
        if self.selection is None:
            raise errors.InvalidInput(
                "Select the words the annotation should cover first, then click resize."
            )
        attrs = dict(old.attrs)
        if old.label in ("PERSON", "ORG", "PLACE"):
            attrs["entity"] = self.article.text[self.selection[0] : self.selection[1]]
        new = make_annotation(self.article.text, *self.selection, old.label, **attrs)
        self._commit([*self._without(number), new], f"Moved {describe(old)} to {describe(new)}")
        self.clear_selection()
        return new

    def link(self, quote: int, speaker: int) -> Annotation:
        """Link quote number ``quote`` to its speaker, the person (or organisation) annotation ``speaker``."""
        self._refuse_if_broken()
        said, who = self._get(quote), self._get(speaker)
        if said.label != "QUOTE":
            raise errors.InvalidInput(
                f"{describe(said)} is not a quote: choose a quote to link to its speaker."
            )
        if who.label not in SPEAKER_LABELS:
            raise errors.InvalidInput(
                f"{describe(who)} is not a person or organisation: choose one as the speaker."
            )
        attrs = {
            **dict(said.attrs),
            "speaker": who.attrs.get("entity") or who.text,
            "speaker_mention": who.text,
            "speaker_start": who.start,
            "speaker_end": who.end,
        }
        new = make_annotation(self.article.text, said.start, said.end, "QUOTE", **attrs)
        self._commit([*self._without(quote), new], f"Linked {describe(said)} to its speaker {who.text}")
        return new

    def delete(self, number: int) -> Annotation:
        """Delete annotation ``number``; returns it (undo brings it back)."""
        self._refuse_if_broken()
        old = self._get(number)
        self._commit(self._without(number), f"Deleted {describe(old)}")
        return old

    def undo(self) -> bool:
        """Undo the last change (and save); returns ``False`` when there is nothing to undo."""
        self._refuse_if_broken()
        if not self._history:
            self.status = "Nothing to undo."
            return False
        added, removed = self._history.pop()
        merged = self._apply(added=removed, removed=added)
        self.status = f"Undone; saved {len(self.annotations)} annotations to `{self.path.name}`{merged}."
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def to_set(self) -> AnnotationSet:
        """The annotations as an :class:`AnnotationSet` (what the file holds)."""
        return AnnotationSet(self.article.id, self.article.text, list(self.annotations), self.annotator)

    # ------------------------------------------------------------ saving

    def _commit(self, annotations: list[Annotation], message: str) -> None:
        """Save a change: what it adds and removes is applied to the file as it is now."""
        mine, new = _keys(self.annotations), _keys(annotations)
        added = [a for a in annotations if _key(a) not in mine]
        removed = [a for a in self.annotations if _key(a) not in new]
        merged = self._apply(added=added, removed=removed)
        self._history.append((added, removed))
        self.status = f"{message}; saved {len(self.annotations)} annotations to `{self.path.name}`{merged}."

    def _apply(self, *, added: list[Annotation], removed: list[Annotation]) -> str:
        """Apply a change to the file's current annotations and save them; they become this session's.

        Another session (another notebook, or this one re-run while the old widget is live) may have
        saved to the file since this one last read or wrote it: its annotations are kept, so no
        session ever writes its own stale list over another's work.

        Returns:
            ``""``, or a note for the status when another session's annotations were merged in.
        """
        on_disk = self._read_file()
        current = self.annotations if on_disk is None else on_disk
        merged = on_disk is not None and _keys(on_disk) != _keys(self.annotations)
        gone, present = _keys(removed), _keys(current)
        result = [a for a in current if _key(a) not in gone] + [a for a in added if _key(a) not in present]
        self._save(result)
        self.annotations = result
        self._sort()
        return " (with the annotations another session saved to this file meanwhile)" if merged else ""

    def _read_file(self) -> list[Annotation] | None:
        """The annotations the file holds now (``None`` if there is no file yet)."""
        if not self.path.exists():
            return None
        # Someone may have put another file there meanwhile: never overwrite what is not ours.
        try:
            return list(load_annotations(self.path, self.article.text).annotations)
        except errors.NewslabError as exc:
            self.error = str(exc)
            self.status = self.error
            raise errors.InvalidAnnotations(self.error) from None

    def _save(self, annotations: list[Annotation]) -> None:
        result = AnnotationSet(self.article.id, self.article.text, annotations, self.annotator)
        try:
            save_annotations(result, self.path, overwrite=True)
        except (OSError, errors.NewslabError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.status = f"Could not save to `{self.path}` ({reason}): the last change was not kept."
            raise errors.InvalidInput(self.status) from None

    def _refuse_if_broken(self) -> None:
        if self.error is not None:
            raise errors.InvalidAnnotations(self.error)

    def _get(self, number: int) -> Annotation:
        if not isinstance(number, int) or not 0 <= number < len(self.annotations):
            raise errors.InvalidInput(
                f"There is no annotation number {number}: there are {len(self.annotations)}, numbered from 0."
            )
        return self.annotations[number]

    def _without(self, number: int) -> list[Annotation]:
        return [a for i, a in enumerate(self.annotations) if i != number]

    def _sort(self) -> None:
        self.annotations = AnnotationSet("", self.article.text, self.annotations).labelled(*LABEL_NAMES)

    # ------------------------------------------------------------ showing

    def spans(self, *, selection: bool = True) -> list[dict]:
        """The annotations (and the selection) as span dicts for :func:`newslab.render.highlight_html`."""
        out = [_span(annotation) for annotation in self.annotations]
        if selection and self.selection:
            out.append(
                {
                    "start": self.selection[0],
                    "end": self.selection[1],
                    "label": "selection",
                    "tag": "selected",
                    "title": "your selection: now click a label",
                    "colour": PALETTE["blue"],
                }
            )
        return out

    def html(self, start: int | None = None, end: int | None = None) -> str:
        """Escaped HTML of the text (default: the body) with annotations and selection highlighted."""
        start = self.article.body.start if start is None else start
        end = self.article.body.end if end is None else end
        return highlight_html(self.article.text, self.spans(), start=start, end=end)


def _span(annotation: Annotation) -> dict:
    """An annotation as a span dict for highlight_html; a sentence's colour is its sentiment's."""
    sentiment = annotation.label == "SENTIMENT"
    return {
        "start": annotation.start,
        "end": annotation.end,
        "label": str(annotation.attrs.get("value")) if sentiment else annotation.label,
        "tag": short_tag(annotation),
        "title": describe(annotation),
    }


def short_tag(annotation: Annotation) -> str:
    """The label as shown after a highlighted span: ``quote → McCain``, ``negative``, ``person``."""
    if annotation.label == "SENTIMENT":
        return f"sentence: {annotation.attrs.get('value')}"
    tag = LABEL_NAMES.get(annotation.label, annotation.label.lower())
    if annotation.label == "QUOTE" and annotation.attrs.get("speaker"):
        tag += f" → {annotation.attrs['speaker']}"
    return tag


def describe(annotation: Annotation, *, width: int = 48) -> str:
    """One line for an annotation: its label and its words, shortened to ``width`` characters."""
    words = " ".join(annotation.text.split())
    if len(words) > width:
        words = words[: width - 1].rstrip() + "…"
    return f"{short_tag(annotation)}: {words}"


# ---------------------------------------------------------------- the view


_BUTTON = {"width": "auto", "margin": "2px"}


class AnnotationWidget(widgets.VBox):
    """The annotation tool: a thin view over an :class:`AnnotationSession` (see :func:`annotate`).

    Attributes:
        session: the session holding the annotations; every button calls one of its methods.
    """

    def __init__(self, session: AnnotationSession, *, sentence: int | None = None) -> None:
        self.session = session
        self.position = 0
        self.whole = False
        layout = widgets.Layout
        self.status = widgets.HTML(layout=layout(margin="4px 0"))
        self.status.add_class("newslab-status")
        self.preview = widgets.HTML(layout=layout(border=f"1px solid {PALETTE['grey']}", padding="4px 8px"))
        self.preview.add_class("newslab-preview")
        self.previous = self._button("◀ Previous", "Go to the previous sentence", self._go_previous)
        self.next = self._button("Next ▶", "Go to the next sentence", self._go_next)
        self.where = widgets.Dropdown(description="Sentence", layout=layout(width="auto"))
        self.where.observe(self._on_where, names="value")
        self.whole_toggle = widgets.ToggleButton(
            description="Show whole article", tooltip="Show the whole article instead of one sentence"
        )
        self.whole_toggle.observe(self._on_whole, names="value")
        self.tokens_box = widgets.Box(layout=layout(flex_flow="row wrap", margin="4px 0"))
        self.tokens_box.add_class("newslab-tokens")
        self._token_buttons: list[widgets.Button] = []
        self._token_ids: list[int] = []
        self.pick_sentence = self._button(
            "Select whole sentence",
            "Select the whole sentence (for a quote or a sentiment label)",
            self._on_sentence,
        )
        self.clear = self._button("Clear selection", "Forget the selected words", self._on_clear)
        self.label_buttons = {}
        for label in SPAN_CHOICES:
            button = self._button(
                LABEL_NAMES[label].capitalize(),
                f"Label the selected words as a {LABEL_NAMES[label]}",
                lambda _, label=label: self._act(lambda: self.session.label(label)),
            )
            button.style.button_color = colour_for(label)
            button.add_class(f"newslab-label-{label.lower()}")
            self.label_buttons[label] = button
        self.sentiment_buttons = {}
        for value in SENTIMENT_VALUES:
            button = self._button(
                value.capitalize(),
                f"Label the sentence of the selection as {value}",
                lambda _, value=value: self._act(lambda: self.session.label(value)),
            )
            button.add_class(f"newslab-sentiment-{value}")
            self.sentiment_buttons[value] = button
        self.listing = widgets.Select(description="Annotations", rows=6, layout=layout(width="95%"))
        self.listing.add_class("newslab-annotations")
        self.speaker = widgets.Dropdown(description="Speaker", layout=layout(width="auto"))
        self.speaker.add_class("newslab-speaker")
        self.link = self._button(
            "Link quote to speaker", "Link the chosen quote to the chosen speaker", self._on_link
        )
        self.link.add_class("newslab-link")
        self.new_label = widgets.Dropdown(
            description="Change to",
            options=[(LABEL_NAMES[x], x) for x in SPAN_CHOICES] + [(v, v) for v in SENTIMENT_VALUES],
            layout=layout(width="auto"),
        )
        self.relabel = self._button(
            "Change label", "Give the chosen annotation the label on the left", self._on_relabel
        )
        self.resize = self._button(
            "Move to selection",
            "Make the chosen annotation cover the selected words instead",
            self._on_resize,
        )
        self.delete = self._button("Delete", "Delete the chosen annotation", self._on_delete)
        self.delete.button_style = "danger"
        self.undo = self._button("Undo", "Undo the last change", self._on_undo)
        self.undo.add_class("newslab-undo")
        title = widgets.HTML(
            "<b>Annotate it yourself.</b> Click the first and the last word of a span, then a label. "
            "Every change is saved at once."
        )
        row = widgets.HBox
        super().__init__(
            children=[
                title,
                self.status,
                row([self.previous, self.where, self.next, self.whole_toggle]),
                self.preview,
                self.tokens_box,
                row([self.pick_sentence, self.clear]),
                row([widgets.Label("Label:"), *self.label_buttons.values()]),
                row([widgets.Label("Sentence is:"), *self.sentiment_buttons.values()]),
                self.listing,
                row([self.speaker, self.link]),
                row([self.new_label, self.relabel, self.resize, self.delete, self.undo]),
            ],
            layout=layout(max_width="60em"),
        )
        self.add_class("newslab-annotator")
        if session.error is None:
            count = len(session.sentences)
            self.where.options = [(f"{i + 1} of {count}", i) for i in range(count)]
            if sentence is None and session.annotations:
                sentence = session.sentence_of(session.annotations[-1].start)
            self._show_sentence(sentence or 0)
        else:
            self._refresh()

    # ------------------------------------------------------------ building

    def _button(self, text: str, tooltip: str, handler) -> widgets.Button:
        button = widgets.Button(description=text, tooltip=tooltip, layout=widgets.Layout(**_BUTTON))
        button.on_click(handler)
        return button

    def _show_sentence(self, number: int) -> None:
        number = max(0, min(number, len(self.session.sentences) - 1))
        self.position = number
        if self.where.value != number:
            self.where.value = number
        self._token_ids = self.session.tokens_in(*self.session.sentences[number])
        while len(self._token_buttons) < len(self._token_ids):
            slot = len(self._token_buttons)
            button = widgets.Button(layout=widgets.Layout(width="auto", margin="1px", padding="0 6px"))
            button.add_class("newslab-token")
            button.add_class(f"newslab-token-{slot}")
            button.on_click(lambda _, slot=slot: self._on_token(slot))
            self._token_buttons.append(button)
        for slot, button in enumerate(self._token_buttons):
            if slot < len(self._token_ids):
                token = self.session.tokens[self._token_ids[slot]]
                button.description = token.text
                button.tooltip = f"Word {slot + 1}: click it as the first or the last word of a span"
        self.tokens_box.children = self._token_buttons[: len(self._token_ids)]
        self._refresh()

    # ------------------------------------------------------------ events

    def _act(self, change) -> None:
        try:
            change()
        except errors.NewslabError as exc:
            self.session.status = str(exc)
        self._refresh()

    def _on_token(self, slot: int) -> None:
        self._act(lambda: self.session.click_token(self._token_ids[slot]))

    def _on_sentence(self, _=None) -> None:
        self._act(lambda: self.session.mark(*self.session.sentences[self.position]))

    def _on_clear(self, _=None) -> None:
        self._act(self.session.clear_selection)

    def _on_link(self, _=None) -> None:
        if self.listing.value is None or self.speaker.value is None:
            self.session.status = "Choose a quote in the list and a speaker, then click link."
            self._refresh()
            return
        self._act(lambda: self.session.link(self.listing.value, self.speaker.value))

    def _on_relabel(self, _=None) -> None:
        if self.listing.value is None:
            self.session.status = "Choose an annotation in the list first."
            self._refresh()
            return
        self._act(lambda: self.session.relabel(self.listing.value, self.new_label.value))

    def _on_resize(self, _=None) -> None:
        if self.listing.value is None:
            self.session.status = "Choose an annotation in the list first."
            self._refresh()
            return
        self._act(lambda: self.session.resize(self.listing.value))

    def _on_delete(self, _=None) -> None:
        if self.listing.value is None:
            self.session.status = "Choose an annotation in the list first."
            self._refresh()
            return
        self._act(lambda: self.session.delete(self.listing.value))

    def _on_undo(self, _=None) -> None:
        self._act(self.session.undo)

    def _go_previous(self, _=None) -> None:
        self._show_sentence(self.position - 1)

    def _go_next(self, _=None) -> None:
        self._show_sentence(self.position + 1)

    def _on_where(self, change) -> None:
        if change["new"] is not None and change["new"] != self.position:
            self._show_sentence(change["new"])

    def _on_whole(self, change) -> None:
        self.whole = bool(change["new"])
        self._refresh()

    # ------------------------------------------------------------ drawing

    def _refresh(self) -> None:
        session = self.session
        broken = session.error is not None
        colour = PALETTE["vermillion"] if broken else "inherit"
        self.status.value = f'<span role="status" style="color:{colour}">{escape(session.status)}</span>'
        controls = [
            self.previous, self.next, self.where, self.whole_toggle, self.pick_sentence, self.clear,
            *self.label_buttons.values(), *self.sentiment_buttons.values(), self.listing, self.speaker,
            self.link, self.new_label, self.relabel, self.resize, self.delete, self.undo, *self._token_buttons,
        ]  # fmt: skip
        for control in controls:
            control.disabled = broken
        if broken:
            self.preview.value = ""
            self.tokens_box.children = []
            return
        start, end = session.sentences[self.position]
        self.preview.value = session.html() if self.whole else session.html(start, end)
        selected = session.tokens_in(*session.selection) if session.selection else []
        for slot, button in enumerate(self._token_buttons[: len(self._token_ids)]):
            token_id = self._token_ids[slot]
            button.button_style = "info" if token_id in selected else ""
            if token_id == session.anchor:
                button.button_style = "primary"
        nearby = session.annotations_in(start, end)
        previous = self.listing.value
        self.listing.options = [(f"{i + 1}. {describe(session.annotations[i])}", i) for i in nearby]
        if previous in nearby:
            self.listing.value = previous
        speakers = [
            (f"{a.text} ({LABEL_NAMES[a.label]}, {a.start})", i)
            for i, a in enumerate(session.annotations)
            if a.label in SPEAKER_LABELS
        ]
        chosen = self.speaker.value
        self.speaker.options = speakers
        if chosen in [value for _, value in speakers]:
            self.speaker.value = chosen
        self.undo.disabled = not session.can_undo
        self.previous.disabled = self.position == 0
        self.next.disabled = self.position >= len(session.sentences) - 1


def annotate(
    article: Article,
    path: str | Path,
    *,
    annotator: str = "student",
    paragraphs: Iterable[int] | None = None,
    sentence: int | None = None,
) -> AnnotationWidget:
    """Open the annotation tool on an article; every change is saved to ``path`` at once.

    Click the first and the last word of a span, then a label (person, organisation, place, quote,
    time expression); or select a whole sentence and give it a sentiment. Choose a quote in the list
    and a speaker to link them. Undo takes back the last change. Opening the same file again resumes.

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


def annotations_html(
    annotations: AnnotationSet,
    *,
    labels: Iterable[str] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> str:
    """Escaped HTML of an annotation set's text with its annotations highlighted (colour and label).

    Args:
        annotations: anyone's annotations — a student's, the machine's, the gold file's.
        labels: only these labels, e.g. ``["PERSON", "QUOTE"]`` (default: all).
        start, end: the part of the text to show (default: all of it).

    Returns:
        An HTML string; in a notebook show it with ``IPython.display.HTML(...)``.

    Example:
        >>> HTML(annotations_html(student, start=article.paragraphs[3].start))  # doctest: +SKIP
    """
    spans = [_span(a) for a in annotations.labelled(*(LABEL_NAMES if labels is None else labels))]
    return highlight_html(annotations.text, spans, start=start or 0, end=end)
