"""The one annotation record type shared by the machine, students and the gold files.

An annotation is a span of the article's text with a label and attributes::

    Annotation(start=10, end=22, label="PERSON", text="Donald Trump", attrs={"entity": "Donald Trump"})

Labels used by the kit:

- ``PERSON``, ``ORG``, ``PLACE``: a mention of a person, organisation or place;
  ``attrs["entity"]`` is the canonical name of the entity it refers to.
- ``QUOTE``: an attributed statement; ``attrs`` holds ``kind`` (direct / partial / indirect),
  ``speaker`` (canonical name) and, where known, ``speaker_start``/``speaker_end``, ``cue``, ``channel``.
- ``TIMEX``: a time expression; ``attrs`` holds ``type`` and ``value`` (TIMEX3).
- ``EVENT``: an event of the timeline; ``attrs`` holds ``when`` and ``rank``.
- ``SENTIMENT``: a sentence's sentiment; ``attrs["value"]`` is negative / neutral / positive.

A file of annotations (an :class:`AnnotationSet`) is JSON with a schema version, the article's
id and a fingerprint of its text, so annotations are never applied to the wrong text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslab import errors
from newslab.files import write_atomic
from newslab.jsontext import parse_json

SCHEMA = "newslab.records/1"
LABELS = ("PERSON", "ORG", "PLACE", "QUOTE", "TIMEX", "EVENT", "SENTIMENT")
SENTIMENT_VALUES = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Annotation:
    """A labelled span of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "attrs": dict(self.attrs),
        }


def text_fingerprint(text: str) -> str:
    """A short SHA-256 fingerprint of a text, to check annotations belong to it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class AnnotationSet:
    """The annotations one annotator (machine, student or gold) made on one article."""

    article_id: str
    text: str
    annotations: list[Annotation] = field(default_factory=list)
    annotator: str = "student"

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "article": self.article_id,
            "text_sha256": text_fingerprint(self.text),
            "annotator": self.annotator,
            "annotations": [a.to_dict() for a in sorted(self.annotations, key=_order)],
        }

    def labelled(self, *labels: str) -> list[Annotation]:
        """The annotations with any of these labels, in text order."""
        return sorted((a for a in self.annotations if a.label in labels), key=_order)


def _order(annotation: Annotation) -> tuple:
    return (
        annotation.start,
        annotation.end,
        annotation.label,
        json.dumps(dict(annotation.attrs), sort_keys=True),
    )


def make_annotation(text: str, start: int, end: int, label: str, **attrs: Any) -> Annotation:
    """Make an annotation for ``text[start:end]``, checking offsets and label."""
    annotation = Annotation(
        start, end, label, text[start:end] if 0 <= start <= end <= len(text) else "", attrs
    )
    validate_annotation(annotation, text)
    return annotation


def validate_annotation(annotation: Annotation, text: str, *, where: str = "The annotation") -> None:
    """Check an annotation against its text; raise ``InvalidAnnotations`` saying what is wrong."""
    if annotation.label not in LABELS:
        raise errors.InvalidAnnotations(
            f"{where} has the label `{annotation.label}`, which is not one of {', '.join(LABELS)}."
        )
    if not (isinstance(annotation.start, int) and isinstance(annotation.end, int)):
        raise errors.InvalidAnnotations(f"{where} needs whole-number start and end offsets.")
    if not 0 <= annotation.start < annotation.end <= len(text):
        raise errors.InvalidAnnotations(
            f"{where} spans {annotation.start}–{annotation.end}, outside the article's {len(text)} characters."
        )
    if text[annotation.start : annotation.end] != annotation.text:
        raise errors.InvalidAnnotations(
            f"{where} says its text is {annotation.text!r} but the article has "
            f"{text[annotation.start : annotation.end]!r} there: were these annotations made on another text?"
        )
    if annotation.label == "SENTIMENT" and annotation.attrs.get("value") not in SENTIMENT_VALUES:
        raise errors.InvalidAnnotations(
            f"{where} needs a sentiment value: one of {', '.join(SENTIMENT_VALUES)}."
        )


def annotation_from_dict(record: Any, text: str, *, where: str = "The annotation") -> Annotation:
    """Read one annotation from its JSON form, validating it against the text."""
    if not isinstance(record, dict):
        raise errors.InvalidAnnotations(f"{where} must be a JSON object with start, end, label and text.")
    missing = [key for key in ("start", "end", "label", "text") if key not in record]
    if missing:
        raise errors.InvalidAnnotations(f"{where} lacks {', '.join(missing)}.")
    attrs = record.get("attrs", {})
    if not isinstance(attrs, dict):
        raise errors.InvalidAnnotations(f"{where} has `attrs` that is not a JSON object.")
    annotation = Annotation(record["start"], record["end"], record["label"], record["text"], attrs)
    validate_annotation(annotation, text, where=where)
    return annotation


def annotation_set_from_dict(data: Any, text: str, *, where: str = "The annotation file") -> AnnotationSet:
    """Read and validate a whole annotation file's JSON against the article text."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise errors.InvalidAnnotations(
            f'{where} is not a newslab annotation file (it needs "schema": "{SCHEMA}").'
        )
    if data.get("text_sha256") != text_fingerprint(text):
        raise errors.InvalidAnnotations(
            f"{where} was made for a different text than this article's: open it with the article it belongs to."
        )
    records = data.get("annotations")
    if not isinstance(records, list):
        raise errors.InvalidAnnotations(f'{where} needs a list of annotations under "annotations".')
    annotations = [
        annotation_from_dict(record, text, where=f"Annotation {number} of {where}")
        for number, record in enumerate(records, start=1)
    ]
    return AnnotationSet(
        article_id=str(data.get("article", "")),
        text=text,
        annotations=annotations,
        annotator=str(data.get("annotator", "")),
    )


def load_annotations(path: str | Path, text: str) -> AnnotationSet:
    """Load an annotation file made for this text; the file is validated, never executed.

    Raises:
        SourceNotFound: no such file.
        InvalidAnnotations: the file is not valid JSON, not in the kit's format, or for another text.
    """
    from newslab.article import BIG_FILE_CHARS, read_text_file

    path = Path(path)
    raw = read_text_file(path, max_chars=BIG_FILE_CHARS)
    data = parse_json(raw, where=f"`{path}`", fix="it was left untouched", error=errors.InvalidAnnotations)
    return annotation_set_from_dict(data, text, where=f"`{path}`")


def save_annotations(annotations: AnnotationSet, path: str | Path, *, overwrite: bool = False) -> Path:
    """Save an annotation set as JSON, atomically; an existing file is replaced only with ``overwrite``."""
    for number, annotation in enumerate(annotations.annotations, start=1):
        validate_annotation(annotation, annotations.text, where=f"Annotation {number}")
    content = json.dumps(annotations.to_dict(), ensure_ascii=False, indent=1) + "\n"
    return write_atomic(path, content, overwrite=overwrite)


def replace_labels(
    annotations: AnnotationSet, labels: Iterable[str], new: Iterable[Annotation]
) -> AnnotationSet:
    """A copy of the set in which the annotations with these labels are replaced by ``new``."""
    labels = set(labels)
    kept = [a for a in annotations.annotations if a.label not in labels]
    return AnnotationSet(annotations.article_id, annotations.text, kept + list(new), annotations.annotator)


def gold_path(article_id: str) -> Path:
    """Where the hand-checked gold annotations of a bundled article live (``data/gold/<id>.json``)."""
    from newslab.article import articles_dir

    return articles_dir().parent / "gold" / f"{article_id}.json"


def load_gold(article: Any) -> AnnotationSet:
    """The gold annotations of a bundled article: hand-checked people, quotes, time expressions…

    Example:
        >>> gold = load_gold(load_article("trump-russia-cyber"))  # doctest: +SKIP

    Raises:
        SourceNotFound: the article has no gold file.
    """
    path = gold_path(article.id)
    if not path.exists():
        raise errors.SourceNotFound(
            f"There is no gold file for `{article.id}` (looked for `data/gold/{path.name}`): "
            "gold annotations exist only for some bundled articles."
        )
    return load_annotations(path, article.text)


def load_example(article: Any, name: str = "student") -> AnnotationSet:
    """A bundled example of hand-made annotations (``data/examples/<name>-<article id>.json``).

    Example:
        >>> student = load_example(load_article("trump-russia-cyber"))  # doctest: +SKIP
    """
    path = gold_path(article.id).parent.parent / "examples" / f"{name}-{article.id}.json"
    if not path.exists():
        raise errors.SourceNotFound(
            f"There is no example `{name}` for `{article.id}` (looked for `data/examples/{path.name}`)."
        )
    return load_annotations(path, article.text)
