"""The annotation session: a student's work on one article and the rules that change it.

:class:`AnnotationSession` holds the annotations, marks a span, labels it, links a quote to its
speaker (proposing the nearest person marked before or after it), edits, deletes and undoes — and
**saves every change at once** to an annotation file, written atomically, without losing what
another session saved to the same file. It has no widgets, so it can be used and tested anywhere;
the view on top of it is :mod:`newslab.widget_view`, and :mod:`newslab.widgets` is the public face
of both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab import errors
from newslab.annotations import (
    SENTIMENT_VALUES,
    Annotation,
    AnnotationSet,
    load_annotations,
    make_annotation,
    save_annotations,
)
from newslab.render import PALETTE, highlight_html

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

    # ------------------------------------------------------------ finding a quote's speaker

    def number_of(self, start: int, end: int, label: str) -> int:
        """The number of the annotation with this span and label (the numbers change as you edit).

        Raises:
            InvalidInput: no annotation has that span and label (it was changed or deleted meanwhile).
        """
        for number, annotation in enumerate(self.annotations):
            if (annotation.start, annotation.end, annotation.label) == (start, end, label):
                return number
        raise errors.InvalidInput(
            "That annotation is no longer there (it was changed or deleted): choose another one."
        )

    def speaker_candidates(self, quote: int, *, limit: int = 5) -> list[int]:
        """Who may have said quote number ``quote``: person and organisation mentions, nearest first.

        A mention counts when it is before or after the quote (a name inside the quote is who is
        talked about, not who talks). Mentions in the quote's own paragraph come first, then by
        distance in characters; each entity is offered once, at its nearest mention.

        Returns:
            Up to ``limit`` annotation numbers, the likeliest speaker first (empty when no person or
            organisation is marked yet).

        Example:
            >>> session.speaker_candidates(session.number_of(25, 47, "QUOTE"))  # doctest: +SKIP
            [3, 0]
        """
        said = self._get(quote)
        paragraph = self.article.paragraph_of(said.start)
        ranked = []
        for number, who in enumerate(self.annotations):
            if who.label not in SPEAKER_LABELS:
                continue
            if who.end <= said.start:
                distance = said.start - who.end
            elif who.start >= said.end:
                distance = who.start - said.end
            else:
                continue
            elsewhere = self.article.paragraph_of(who.start) != paragraph
            ranked.append((elsewhere, distance, number))
        chosen: list[int] = []
        entities: set[str] = set()
        for _, _, number in sorted(ranked):
            who = self.annotations[number]
            entity = str(who.attrs.get("entity") or who.text).casefold()
            if entity not in entities:
                entities.add(entity)
                chosen.append(number)
        return chosen[:limit]

    def propose_speaker(self, quote: int) -> int | None:
        """The likeliest speaker of quote number ``quote`` (see :meth:`speaker_candidates`), or ``None``."""
        candidates = self.speaker_candidates(quote, limit=1)
        return candidates[0] if candidates else None

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
