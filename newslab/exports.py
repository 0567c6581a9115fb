"""Save annotations in the formats other annotation and NLP tools read, and read two of them back.

- **JSONL**: one annotation per line (``pandas.read_json(path, lines=True)`` reads it); read back with
  :func:`read_jsonl`.
- **brat standoff**: the article as ``name.txt`` and its annotations as ``name.ann`` beside it, for the
  brat annotation tool; read back with :func:`read_brat`.
- **spaCy DocBin** (``.spacy``): spaCy's training format, with every annotation in ``doc.spans``.
- **Label Studio JSON**: a task with its annotations, to import into Label Studio.
- **W3C Web Annotation** (JSON-LD): each annotation with a ``TextPositionSelector`` and a
  ``TextQuoteSelector``, the web standard for pointing into a text.

Every writer refuses to replace an existing file unless ``overwrite=True`` and writes atomically.

Example:
    >>> from newslab.exports import export_all
    >>> paths = export_all(student, "my-work/exports", overwrite=True)  # doctest: +SKIP
    >>> sorted(paths)  # doctest: +SKIP
    ['brat', 'jsonl', 'label_studio', 'spacy', 'web_annotation']
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newslab import errors
from newslab.annotations import (
    LABELS,
    SCHEMA,
    Annotation,
    AnnotationSet,
    annotation_from_dict,
    text_fingerprint,
)
from newslab.files import safe_file_name, write_atomic
from newslab.jsontext import parse_json

# Labels spaCy's English models use for the kit's entity labels (PLACE is spaCy's GPE or LOC).
SPACY_ENTITY_LABELS = ("PERSON", "ORG", "PLACE")
WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_QUOTE_CONTEXT = 32
_EDGES = "newslab:span"  # in a brat note: a span's exact edges when its fragments leave out a line break
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# ---------------------------------------------------------------- JSONL


def to_jsonl(annotations: AnnotationSet) -> str:
    """One annotation per line, each with its article, annotator, start, end, label, text and attrs.

    The first line is a header with the schema and a fingerprint of the text (``"header": true``),
    so the file cannot be read back against the wrong article.
    """
    header = {
        "header": True,
        "schema": SCHEMA,
        "article": annotations.article_id,
        "annotator": annotations.annotator,
        "text_sha256": text_fingerprint(annotations.text),
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    for record in _ordered(annotations):
        row = {"article": annotations.article_id, "annotator": annotations.annotator, **record.to_dict()}
        lines.append(json.dumps(row, ensure_ascii=False, sort_keys=False))
    return "\n".join(lines) + "\n"


def write_jsonl(annotations: AnnotationSet, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write annotations as JSONL (see :func:`to_jsonl`); returns the path written."""
    return write_atomic(path, to_jsonl(annotations), overwrite=overwrite)


def read_jsonl(path: str | Path, text: str) -> AnnotationSet:
    """Read a JSONL file written by :func:`write_jsonl` back, checking every line against the text.

    Raises:
        SourceNotFound: no such file.
        InvalidAnnotations: a line is not JSON or not a valid annotation of this text (the message
            gives the line number).
    """
    from newslab.article import BIG_FILE_CHARS, read_text_file

    path = Path(path)
    return from_jsonl(read_text_file(path, max_chars=BIG_FILE_CHARS), text, where=f"`{path}`")


def from_jsonl(content: str, text: str, *, where: str = "The JSONL text") -> AnnotationSet:
    """Parse JSONL annotations (the content of a file written by :func:`write_jsonl`)."""
    article, annotator, records = "", "", []
    # Lines end at \n only: U+2028, U+0085… may stand inside a text (str.splitlines() would cut there).
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        row = parse_json(
            line, where=f"Line {number} of {where}", fix="fix or remove it", error=errors.InvalidAnnotations
        )
        if isinstance(row, dict) and row.get("header"):
            if row.get("text_sha256") not in (None, text_fingerprint(text)):
                raise errors.InvalidAnnotations(
                    f"{where} was made for a different text than this article's: "
                    "read it with the article it belongs to."
                )
            article, annotator = str(row.get("article", "")), str(row.get("annotator", ""))
            continue
        if isinstance(row, dict):
            article = article or str(row.get("article", ""))
            annotator = annotator or str(row.get("annotator", ""))
        records.append(annotation_from_dict(row, text, where=f"Line {number} of {where}"))
    return AnnotationSet(article, text, records, annotator)


# ---------------------------------------------------------------- brat standoff


def to_brat(annotations: AnnotationSet) -> str:
    """The annotations in brat standoff format (the content of a ``.ann`` file).

    Each annotation is a text-bound line ``T1<TAB>LABEL start end<TAB>text``; a span across a line
    break is split into fragments (``start end;start end``) as brat requires. A quote's speaker
    becomes a ``Speaker`` relation when the speaker's mention is annotated too, its kind and a
    sentence's sentiment value become brat attributes, and every annotation's full ``attrs`` are kept
    as JSON in an ``AnnotatorNotes`` line so that :func:`read_brat` gets back exactly what was saved.
    """
    lines: list[str] = []
    ids: dict[tuple[int, int, str], str] = {}
    ordered = _ordered(annotations)
    attribute = note = 0
    for number, record in enumerate(ordered, start=1):
        tid = f"T{number}"
        ids.setdefault((record.start, record.end, record.label), tid)
        pieces = _fragments(annotations.text, record.start, record.end)
        fragments = ";".join(f"{s} {e}" for s, e in pieces)
        shown = _one_line(
            " ".join(annotations.text[s:e] for s, e in _fragments(annotations.text, record.start, record.end))
        )
        lines.append(f"{tid}\t{record.label} {fragments}\t{shown}")
        for key in ("kind", "value", "type"):
            value = record.attrs.get(key)
            if isinstance(value, str) and re.fullmatch(r"[\w.:-]+", value):
                attribute += 1
                lines.append(f"A{attribute}\t{key.capitalize()} {tid} {value}")
        kept = dict(record.attrs)
        if (pieces[0][0], pieces[-1][1]) != (record.start, record.end):
            # The span starts or ends with a line break, which brat's fragments leave out: keep its edges.
            kept[_EDGES] = [record.start, record.end]
        if kept:
            note += 1
            attrs = json.dumps(kept, ensure_ascii=False, sort_keys=True)
            lines.append(f"#{note}\tAnnotatorNotes {tid}\t{attrs}")
    relation = 0
    for number, record in enumerate(ordered, start=1):
        if record.label != "QUOTE":
            continue
        start, end = record.attrs.get("speaker_start"), record.attrs.get("speaker_end")
        speaker = next(
            (ids[(start, end, label)] for label in SPACY_ENTITY_LABELS if (start, end, label) in ids), None
        )
        if speaker:
            relation += 1
            lines.append(f"R{relation}\tSpeaker Arg1:T{number} Arg2:{speaker}\t")
    return "\n".join(lines) + ("\n" if lines else "")


BRAT_CONFIG = """[entities]
PERSON
ORG
PLACE
QUOTE
TIMEX
EVENT
SENTIMENT

[relations]
Speaker\tArg1:QUOTE, Arg2:PERSON|ORG|PLACE
<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind\tArg:QUOTE, Value:direct|partial|indirect|floating
Value\tArg:SENTIMENT, Value:negative|neutral|positive
Type\tArg:TIMEX, Value:DATE|TIME|DURATION|SET
"""


def write_brat(
    annotations: AnnotationSet, folder: str | Path, *, name: str | None = None, overwrite: bool = False
) -> Path:
    """Write ``name.txt`` (the article) and ``name.ann`` (the annotations) into a folder, for brat.

    An ``annotation.conf`` describing the kit's labels is written too if the folder has none.

    Args:
        annotations: what to write.
        folder: the brat collection folder (made if missing).
        name: the file name without extension (default: the article's id); characters other than
            letters, digits, ``.``, ``-`` and ``_`` become ``-``, so it never leads out of the folder.
        overwrite: replace existing ``.txt``/``.ann`` files.

    Returns:
        The path of the ``.ann`` file.
    """
    folder = Path(folder)
    # The name comes from data (an article id): as a file name it is made safe, so it stays in the folder.
    name = safe_file_name(name or annotations.article_id or "article")
    txt, ann = folder / f"{name}.txt", folder / f"{name}.ann"
    if not overwrite:
        for path in (txt, ann):
            if path.exists():
                raise errors.file_exists(path)
    # brat reads the .txt as UTF-8 and counts offsets in characters, as the kit does.
    write_atomic(txt, annotations.text, overwrite=overwrite)
    write_atomic(ann, to_brat(annotations), overwrite=overwrite)
    if not (folder / "annotation.conf").exists():
        write_atomic(folder / "annotation.conf", BRAT_CONFIG)
    return ann


def read_brat(ann_path: str | Path, text: str | None = None, *, annotator: str = "brat") -> AnnotationSet:
    """Read a brat ``.ann`` file (and the ``.txt`` beside it) back into an annotation set.

    Args:
        ann_path: the ``.ann`` file.
        text: the article's text; by default the ``.txt`` file beside the ``.ann`` is read.
        annotator: the name to give the annotator.

    Raises:
        InvalidAnnotations: a line is not brat standoff, or a span does not match the text.
    """
    ann_path = Path(ann_path)
    if not ann_path.is_file():
        raise errors.missing_path(ann_path) if not ann_path.exists() else errors.is_directory(ann_path)
    if text is None:
        text = _read_exactly(ann_path.with_suffix(".txt"))
    # An empty .ann file is a valid brat file with no annotations.
    return from_brat(
        _read_exactly(ann_path),
        text,
        where=f"`{ann_path}`",
        annotator=annotator,
        article_id=ann_path.stem,
    )


def from_brat(
    content: str, text: str, *, where: str = "The brat text", annotator: str = "brat", article_id: str = ""
) -> AnnotationSet:
    """Parse brat standoff (the content of an ``.ann`` file) against the article's text."""
    spans: dict[str, tuple[int, int, str]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    notes: dict[str, dict[str, Any]] = {}
    speakers: dict[str, str] = {}
    # brat's lines end at \n; a span's text may hold U+2028, U+0085… (str.splitlines() would cut there).
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        tag = fields[0]
        try:
            if tag.startswith("T"):
                label, *offsets = fields[1].replace(";", " ").split(" ")
                points = [int(x) for x in offsets]
                start, end = min(points[0::2]), max(points[1::2])
                shown = " ".join(text[s:e] for s, e in zip(points[0::2], points[1::2], strict=True))
                if len(fields) > 2 and _one_line("\t".join(fields[2:])) != _one_line(shown):
                    raise errors.InvalidAnnotations(
                        f"Line {number} of {where} says its text is {fields[2]!r} but the article has "
                        f"{shown!r} there: was it made on another text?"
                    )
                spans[tag] = (start, end, label)
            elif tag.startswith("A"):
                key, target, *value = fields[1].split(" ")
                attrs.setdefault(target, {})[key.lower()] = value[0] if value else True
            elif tag.startswith("#") and fields[1].startswith("AnnotatorNotes"):
                target = fields[1].split(" ")[1]
                try:  # a note the kit wrote holds JSON; any other note (even JSON too deep to read) is text
                    note = parse_json(fields[2], where=f"Line {number} of {where}", fix="")
                except errors.InvalidInput:
                    note = {"note": fields[2]}
                notes[target] = note if isinstance(note, dict) else {"note": note}
            elif tag.startswith("R"):
                kind, arg1, arg2 = fields[1].split(" ")[:3]
                if kind == "Speaker":
                    speakers[arg1.split(":", 1)[1]] = arg2.split(":", 1)[1]
        except errors.NewslabError:
            raise
        except (IndexError, ValueError):
            raise errors.InvalidAnnotations(
                f"Line {number} of {where} is not brat standoff "
                "(expected e.g. `T1<TAB>PERSON 0 5<TAB>Trump`)."
            ) from None
    records = []
    for tid, (start, end, label) in spans.items():
        record_attrs = dict(notes.get(tid) or attrs.get(tid, {}))
        edges = record_attrs.pop(_EDGES, None)
        if isinstance(edges, list) and len(edges) == 2 and all(type(x) is int for x in edges):
            start, end = edges
        if tid in speakers and speakers[tid] in spans and "speaker_start" not in record_attrs:
            s, e, _ = spans[speakers[tid]]
            record_attrs.update(speaker=text[s:e], speaker_start=s, speaker_end=e)
        records.append(
            annotation_from_dict(
                {
                    "start": start,
                    "end": end,
                    "label": label,
                    "text": text[start:end] if end <= len(text) else "",
                    "attrs": record_attrs,
                },
                text,
                where=f"Annotation {tid} of {where}",
            )
        )
    return AnnotationSet(article_id, text, records, annotator)


def _one_line(text: str) -> str:
    """A span's text as an .ann line shows it: tabs and line or page breaks become spaces."""
    return _BREAKS.sub(" ", text)


def _read_exactly(path: Path) -> str:
    """A brat file's text exactly as brat counts it: UTF-8, a leading BOM kept as a character."""
    from newslab.article import BIG_FILE_CHARS, read_limited

    with path.open("rb") as stream:
        data = read_limited(stream, where=f"`{path}`", max_chars=BIG_FILE_CHARS)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.not_utf8(f"`{path}`", data[exc.start], exc.start) from None


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a span between line breaks (brat spans may not contain a newline)."""
    pieces = []
    for match in re.finditer(r"[^\r\n]+", text[start:end]):
        pieces.append((start + match.start(), start + match.end()))
    return pieces or [(start, end)]


# ---------------------------------------------------------------- spaCy DocBin


def to_docbin(annotations: AnnotationSet) -> Any:
    """A spaCy ``DocBin`` holding the article as one ``Doc``.

    Every annotation is in ``doc.spans["newslab"]`` (spans may overlap there; a sentence's sentiment
    value is its span's label in ``doc.spans["sentiment"]``); people, organisations and places that
    do not overlap are also ``doc.ents``. Span edges snap outward to whole tokens. The annotations'
    attributes are kept in ``doc.user_data["newslab"]``. Needs spaCy, not a model.
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp.make_doc(annotations.text)
    group, sentiment, ents = [], [], []
    for record in _ordered(annotations):
        span = doc.char_span(record.start, record.end, label=record.label, alignment_mode="expand")
        if span is None:
            continue
        if record.label == "SENTIMENT":
            sentiment.append(
                doc.char_span(
                    record.start,
                    record.end,
                    label=str(record.attrs.get("value", "")),
                    alignment_mode="expand",
                )
            )
        group.append(span)
        if record.label in SPACY_ENTITY_LABELS:
            ents.append(span)
    doc.spans["newslab"] = group
    doc.spans["sentiment"] = [s for s in sentiment if s is not None]
    taken: set[int] = set()
    chosen = []
    for span in sorted(ents, key=lambda s: (s.start, -len(s))):
        if not taken & set(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = chosen
    doc.user_data["newslab"] = {
        "article": annotations.article_id,
        "annotator": annotations.annotator,
        "annotations": [r.to_dict() for r in _ordered(annotations)],
    }
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    return docbin


def write_docbin(annotations: AnnotationSet, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the annotations as a spaCy ``.spacy`` file (see :func:`to_docbin`); returns the path."""
    return write_atomic(path, to_docbin(annotations).to_bytes(), overwrite=overwrite)


# ---------------------------------------------------------------- Label Studio


LABEL_STUDIO_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PERSON"/><Label value="ORG"/><Label value="PLACE"/>
    <Label value="QUOTE"/><Label value="TIMEX"/><Label value="EVENT"/>
  </Labels>
  <Labels name="sentiment" toName="text">
    <Label value="negative"/><Label value="neutral"/><Label value="positive"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="speaker"/></Relations>
</View>
"""


def to_label_studio(annotations: AnnotationSet) -> list[dict]:
    """The annotations as a Label Studio import: a list with one task (the article) and its annotations.

    Spans are ``labels`` results on the text; a sentence's sentiment is a result of the
    ``sentiment`` labels; a quote's speaker is a ``relation`` when the speaker's mention is annotated.
    The matching labelling config is :data:`LABEL_STUDIO_CONFIG`.
    """
    results: list[dict] = []
    ids: dict[tuple[int, int, str], str] = {}
    for number, record in enumerate(_ordered(annotations), start=1):
        rid = f"r{number}"
        ids.setdefault((record.start, record.end, record.label), rid)
        sentiment = record.label == "SENTIMENT"
        value = {
            "start": record.start,
            "end": record.end,
            "text": record.text,
            "labels": [str(record.attrs.get("value", ""))] if sentiment else [record.label],
        }
        results.append(
            {
                "id": rid,
                "from_name": "sentiment" if sentiment else "label",
                "to_name": "text",
                "type": "labels",
                "origin": "manual",
                "value": value,
                "meta": {"attrs": dict(record.attrs)} if record.attrs else {},
            }
        )
    for record in _ordered(annotations):
        if record.label != "QUOTE":
            continue
        start, end = record.attrs.get("speaker_start"), record.attrs.get("speaker_end")
        speaker = next(
            (ids[(start, end, lab)] for lab in SPACY_ENTITY_LABELS if (start, end, lab) in ids), None
        )
        if speaker:
            results.append(
                {
                    "from_id": ids[(record.start, record.end, record.label)],
                    "to_id": speaker,
                    "type": "relation",
                    "direction": "right",
                    "labels": ["speaker"],
                }
            )
    return [
        {
            "data": {"text": annotations.text, "article": annotations.article_id},
            "annotations": [{"result": results, "completed_by": annotations.annotator}],
        }
    ]


def write_label_studio(annotations: AnnotationSet, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write a Label Studio JSON import file (see :func:`to_label_studio`); returns the path."""
    content = json.dumps(to_label_studio(annotations), ensure_ascii=False, indent=1) + "\n"
    return write_atomic(path, content, overwrite=overwrite)


# ---------------------------------------------------------------- W3C Web Annotation


def to_web_annotation(annotations: AnnotationSet, *, source: str | None = None) -> dict:
    """The annotations as a W3C Web Annotation page (JSON-LD).

    Each annotation has a tagging body with its label (plus a describing body with its attributes)
    and a target with a ``TextPositionSelector`` (character offsets) and a ``TextQuoteSelector``
    (the exact words with up to 32 characters before and after, so a reader can find them again
    even in a slightly different copy of the text).

    Args:
        annotations: what to convert.
        source: the IRI of the annotated text (default ``urn:newslab:article:<article id>``).
    """
    source = source or f"urn:newslab:article:{annotations.article_id}"
    text = annotations.text
    items = []
    for number, record in enumerate(_ordered(annotations), start=1):
        body: list[dict] = [{"type": "TextualBody", "purpose": "tagging", "value": record.label}]
        if record.label == "SENTIMENT":
            body.append(
                {"type": "TextualBody", "purpose": "classifying", "value": str(record.attrs.get("value"))}
            )
        if record.attrs:
            body.append(
                {
                    "type": "TextualBody",
                    "purpose": "describing",
                    "format": "application/json",
                    "value": json.dumps(dict(record.attrs), ensure_ascii=False, sort_keys=True),
                }
            )
        items.append(
            {
                "id": f"urn:newslab:annotation:{annotations.article_id}:{number}",
                "type": "Annotation",
                "motivation": "classifying" if record.label == "SENTIMENT" else "tagging",
                "creator": annotations.annotator,
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextPositionSelector", "start": record.start, "end": record.end},
                        {
                            "type": "TextQuoteSelector",
                            "exact": record.text,
                            "prefix": text[max(0, record.start - _QUOTE_CONTEXT) : record.start],
                            "suffix": text[record.end : record.end + _QUOTE_CONTEXT],
                        },
                    ],
                },
            }
        )
    return {
        "@context": WEB_ANNOTATION_CONTEXT,
        "id": f"urn:newslab:annotations:{annotations.article_id}:{annotations.annotator}",
        "type": "AnnotationPage",
        "items": items,
    }


def write_web_annotation(annotations: AnnotationSet, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write a W3C Web Annotation JSON-LD file (see :func:`to_web_annotation`); returns the path."""
    content = json.dumps(to_web_annotation(annotations), ensure_ascii=False, indent=1) + "\n"
    return write_atomic(path, content, overwrite=overwrite)


# ---------------------------------------------------------------- all at once


def export_all(annotations: AnnotationSet, folder: str | Path, *, overwrite: bool = False) -> dict[str, Path]:
    """Write the annotations in every format into one folder.

    Files (``NAME`` is the article id, ``WHO`` the annotator, both made safe as file names by
    :func:`newslab.files.safe_file_name`, so every file stays inside ``folder``): ``NAME-WHO.jsonl``,
    ``brat/NAME.txt`` + ``brat/NAME.ann``, ``NAME-WHO.spacy``, ``NAME-WHO.label-studio.json`` and
    ``NAME-WHO.web-annotation.jsonld``.

    Returns:
        The path written for each format: keys ``jsonl``, ``brat``, ``spacy``, ``label_studio``,
        ``web_annotation``.
    """
    folder = Path(folder)
    stem = f"{safe_file_name(annotations.article_id)}-{safe_file_name(annotations.annotator, default='annotations')}"
    return {
        "jsonl": write_jsonl(annotations, folder / f"{stem}.jsonl", overwrite=overwrite),
        "brat": write_brat(annotations, folder / "brat", overwrite=overwrite),
        "spacy": write_docbin(annotations, folder / f"{stem}.spacy", overwrite=overwrite),
        "label_studio": write_label_studio(
            annotations, folder / f"{stem}.label-studio.json", overwrite=overwrite
        ),
        "web_annotation": write_web_annotation(
            annotations, folder / f"{stem}.web-annotation.jsonld", overwrite=overwrite
        ),
    }


def _ordered(annotations: AnnotationSet) -> list[Annotation]:
    return annotations.labelled(*LABELS)
