"""How far two annotators agree: span scores, Cohen's kappa and a table of every disagreement.

Machine output, a student's annotations and the gold file are all :class:`~newslab.annotations.AnnotationSet`
objects, so one function compares any two of them: student vs machine, student vs gold, student vs
student.

Example:
    >>> from newslab import load_article, load_annotations
    >>> from newslab.compare import compare
    >>> article = load_article("trump-russia-cyber")
    >>> student = load_annotations("data/examples/student-trump-russia-cyber.json", article.text)
    >>> gold = load_annotations("data/gold/trump-russia-cyber.json", article.text)
    >>> result = compare(student, gold, labels=["QUOTE"])
    >>> result.scores[["label", "match", "precision", "recall", "f1"]]  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab import errors
from newslab.annotations import LABELS, Annotation, AnnotationSet
from newslab.layers import REGISTRY

if TYPE_CHECKING:
    import pandas as pd

    from newslab.article import Article, Span

SPAN_LABELS = tuple(label for label in LABELS if label != "SENTIMENT")
SENTENCE_LABELS = ("SENTIMENT",)
SCORE_COLUMNS = ["label", "match", "in_a", "in_b", "matched", "precision", "recall", "f1"]
DISAGREEMENT_COLUMNS = [
    "start",
    "end",
    "kind",
    "label_a",
    "label_b",
    "text_a",
    "text_b",
    "detail_a",
    "detail_b",
]
# The kinds of disagreement, in the order the table lists them at one position.
# The layers whose records machine_annotations collects (named by their notebook module), and the
# registry layer each one's to_annotations takes first; both come from newslab.layers.REGISTRY.
LAYER_INPUT = {
    face: name for face, name in reversed([(e.face.removeprefix("newslab."), e.name) for e in REGISTRY])
}
MACHINE_LAYERS = tuple(dict.fromkeys(e.face.removeprefix("newslab.") for e in REGISTRY))
KINDS = ("only in a", "only in b", "label", "boundary", "speaker", "sentiment")


@dataclass(frozen=True, eq=False)
class Comparison:
    """What :func:`compare` found.

    Attributes:
        a, b: the two annotators' names (``a`` is scored against ``b``).
        scores: one row per label and match type; columns ``label`` (a span label, or ``ALL`` for
            all span labels together), ``match`` (``exact``: same start and end; ``overlap``: the spans
            share at least one character), ``in_a``, ``in_b`` (how many spans each has),
            ``matched`` (pairs found, one to one), ``precision`` (matched / in_a),
            ``recall`` (matched / in_b) and ``f1``. A count of 0 gives a score of 0; when neither side
            has a span, the three scores are undefined (``NaN``): there is nothing to agree on.
        kappa: Cohen's kappa of the sentence labels (SENTIMENT) on the sentences both labelled,
            or ``None`` when they labelled none in common or kappa is undefined (one label only).
        agreement: the share of those sentences given the same label (``None`` if there are none).
        sentences: how many sentences both labelled.
        disagreements: one row per disagreement; see :func:`disagreement_table`.
    """

    a: str
    b: str
    scores: pd.DataFrame
    kappa: float | None
    agreement: float | None
    sentences: int
    disagreements: pd.DataFrame

    def __repr__(self) -> str:
        kappa = "no sentence labels in common" if self.kappa is None else f"kappa {self.kappa:.2f}"
        overall = self.scores[(self.scores["label"] == "ALL") & (self.scores["match"] == "exact")]
        f1 = f"exact F1 {overall['f1'].iloc[0]:.2f}" if len(overall) else "no spans"
        if len(overall) and overall["in_a"].iloc[0] == overall["in_b"].iloc[0] == 0:
            f1 = "exact F1 undefined (no spans on either side)"
        return (
            f"Comparison of {self.a} with {self.b}: {f1}; {kappa} "
            f"({self.sentences} sentences); {len(self.disagreements)} disagreements"
        )


def compare(
    a: AnnotationSet,
    b: AnnotationSet,
    *,
    labels: Iterable[str] | None = None,
    within: tuple[int, int] | Span | None = None,
) -> Comparison:
    """Compare two annotators' work on the same article.

    ``a`` is scored against ``b``: precision is the share of ``a``'s spans that ``b`` has too,
    recall the share of ``b``'s spans that ``a`` found. (Swap them and precision and recall swap;
    F1 and kappa stay the same.)

    Args:
        a: the annotations to score, e.g. a student's.
        b: the annotations to score against, e.g. the gold file or the machine's.
        labels: only these labels (default: all).
        within: only annotations overlapping this stretch of text, a ``(start, end)`` pair or a
            ``Span`` such as ``article.paragraphs[3]`` — useful when one annotator did part of the text.

    Returns:
        A :class:`Comparison` with ``scores``, ``kappa``, ``agreement`` and ``disagreements``.

    Raises:
        InvalidAnnotations: the two sets were made on different texts.

    Example:
        >>> compare(student, gold).scores.query("label == 'QUOTE'")  # doctest: +SKIP
    """
    import pandas as pd

    if a.text != b.text:
        raise errors.InvalidAnnotations(
            "The two sets of annotations were made on different texts: "
            "compare annotations of the same article."
        )
    left, right = _select(a, labels, within), _select(b, labels, within)
    rows = []
    present = [label for label in SPAN_LABELS if any(x.label == label for x in left + right)]
    for label in [*present, "ALL"]:
        wanted = SPAN_LABELS if label == "ALL" else (label,)
        one = [x for x in left if x.label in wanted]
        two = [x for x in right if x.label in wanted]
        for match in ("exact", "overlap"):
            pairs = sum(len(_match(one, two, label=lab, exact=match == "exact")) for lab in wanted)
            rows.append(_score_row(label, match, len(one), len(two), pairs))
    scores = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    kappa, agreement, sentences = sentence_agreement(left, right)
    return Comparison(
        a=a.annotator or "a",
        b=b.annotator or "b",
        scores=scores,
        kappa=kappa,
        agreement=agreement,
        sentences=sentences,
        disagreements=_disagreements(left, right),
    )


def disagreement_table(
    a: AnnotationSet,
    b: AnnotationSet,
    *,
    labels: Iterable[str] | None = None,
    within: tuple[int, int] | Span | None = None,
) -> pd.DataFrame:
    """Every place where two annotators disagree, one row each, in text order.

    Columns: ``start``, ``end`` (of ``a``'s span, else ``b``'s), ``kind``, ``label_a``, ``label_b``,
    ``text_a``, ``text_b``, ``detail_a``, ``detail_b`` (the speaker of a quote, the value of a
    sentiment label, else empty). ``kind`` is one of:

    - ``only in a`` / ``only in b``: a span the other annotator did not mark at all;
    - ``label``: both marked (about) the same words but chose different labels;
    - ``boundary``: same label, overlapping spans, different start or end;
    - ``speaker``: the same quote attributed to different speakers;
    - ``sentiment``: the same sentence given a different sentiment value.

    Example:
        >>> disagreement_table(student, gold, labels=["QUOTE", "PERSON"])  # doctest: +SKIP
    """
    return compare(a, b, labels=labels, within=within).disagreements


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    """Cohen's kappa: how much two annotators agree beyond what chance alone would give.

    ``kappa = (p_o - p_e) / (1 - p_e)`` where ``p_o`` is the share of items given the same label
    and ``p_e`` the share expected by chance from each annotator's label frequencies. 1 is perfect
    agreement, 0 is no better than chance, below 0 is worse than chance.

    Args:
        a, b: the two annotators' labels for the same items, in the same order.

    Returns:
        Kappa, or ``None`` when there are no items or only one label is ever used (kappa is then undefined).

    Example:
        >>> round(cohen_kappa(["pos", "neg", "neg", "neu"], ["pos", "neg", "neu", "neu"]), 3)
        0.636
    """
    if len(a) != len(b):
        raise errors.InvalidInput(
            f"Cohen's kappa needs two lists of the same length, not {len(a)} and {len(b)}: "
            "give one label per item."
        )
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    categories = set(a) | set(b)
    expected = sum((list(a).count(c) / n) * (list(b).count(c) / n) for c in categories)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def sentence_agreement(
    a: Iterable[Annotation], b: Iterable[Annotation]
) -> tuple[float | None, float | None, int]:
    """Kappa, observed agreement and count over the sentences both annotators gave a SENTIMENT label."""
    left = {(x.start, x.end): x.attrs.get("value") for x in a if x.label in SENTENCE_LABELS}
    right = {(x.start, x.end): x.attrs.get("value") for x in b if x.label in SENTENCE_LABELS}
    shared = sorted(set(left) & set(right))
    values_a = [left[key] for key in shared]
    values_b = [right[key] for key in shared]
    if not shared:
        return None, None, 0
    agreement = sum(x == y for x, y in zip(values_a, values_b, strict=True)) / len(shared)
    return cohen_kappa(values_a, values_b), agreement, len(shared)


# ---------------------------------------------------------------- machine annotations


def machine_annotations(article: Article, *, layers: Iterable[str] | None = None) -> AnnotationSet:
    """The machine's annotations of an article, from every layer of the kit, as one set.

    People, organisations and places (``newslab.people``), quotes (``newslab.quotes``), time
    expressions and events (``newslab.timeline``) and sentence sentiment (``newslab.sentiment``),
    each converted with its layer's ``to_annotations``. Loads the spaCy model on first use.

    Args:
        article: the article.
        layers: only these layers, e.g. ``["people", "quotes"]`` (default: all of :data:`MACHINE_LAYERS`).

    Returns:
        An :class:`AnnotationSet` with annotator ``"machine"``.

    Example:
        >>> machine = machine_annotations(load_article("trump-russia-cyber"))  # doctest: +SKIP
    """
    import importlib
    import inspect

    from newslab.analysis import analyze

    analysis = analyze(article)
    # Each layer's to_annotations takes that layer's results; its parameters are filled by name.
    values = {"article": lambda: article, "doc": lambda: analysis.doc}
    for entry in REGISTRY:
        values[entry.name] = values[entry.key] = lambda name=entry.name: analysis.layer(name)
    wanted = list(MACHINE_LAYERS if layers is None else layers)
    unknown = sorted(set(wanted) - set(MACHINE_LAYERS))
    if unknown:
        raise errors.InvalidInput(
            f"`{unknown[0]}` is not a layer; the layers are {', '.join(MACHINE_LAYERS)}."
        )
    records: list[Annotation] = []
    for name in wanted:
        try:
            convert = importlib.import_module(f"newslab.{name}").to_annotations
        except (ImportError, AttributeError):
            continue  # a layer the kit does not have (yet)
        args, kwargs = [], {}
        for parameter in inspect.signature(convert).parameters.values():
            if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD) and (
                parameter.default is parameter.empty
            ):
                args.append(values.get(parameter.name, values[LAYER_INPUT[name]])())
            elif parameter.name in values:  # an optional input: pass what the analysis already has
                kwargs[parameter.name] = values[parameter.name]()
        records += convert(*args, **kwargs)
    return AnnotationSet(article.id, article.text, _unique(records), "machine")


def machine_layers() -> list[str]:
    """The layers :func:`machine_annotations` uses: those of :data:`MACHINE_LAYERS` the kit has."""
    import importlib

    found = []
    for name in MACHINE_LAYERS:
        try:
            if hasattr(importlib.import_module(f"newslab.{name}"), "to_annotations"):
                found.append(name)
        except ImportError:
            continue
    return found


def _unique(records: Iterable[Annotation]) -> list[Annotation]:
    seen, out = set(), []
    for record in records:
        key = (
            record.start,
            record.end,
            record.label,
            json.dumps(dict(record.attrs), sort_keys=True, default=str),
        )
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out


# ---------------------------------------------------------------- matching


def _select(
    annotations: AnnotationSet, labels: Iterable[str] | None, within: tuple[int, int] | Span | None
) -> list[Annotation]:
    wanted = set(LABELS if labels is None else [labels] if isinstance(labels, str) else labels)
    unknown = sorted(wanted - set(LABELS))
    if unknown:
        raise errors.InvalidInput(f"`{unknown[0]}` is not a label; the labels are {', '.join(LABELS)}.")
    if within is None:
        low, high = 0, len(annotations.text)
    elif hasattr(within, "start"):
        low, high = within.start, within.end
    else:
        low, high = within
    return [x for x in annotations.labelled(*wanted) if x.start < high and x.end > low]


def _match(
    a: Sequence[Annotation], b: Sequence[Annotation], *, label: str, exact: bool
) -> list[tuple[Annotation, Annotation]]:
    """Pairs of annotations with this label, one to one: exact offsets, or the largest overlaps first."""
    one = [x for x in a if x.label == label]
    two = [x for x in b if x.label == label]
    candidates = []
    for i, x in enumerate(one):
        for j, y in enumerate(two):
            if exact and (x.start, x.end) != (y.start, y.end):
                continue
            shared = min(x.end, y.end) - max(x.start, y.start)
            if shared > 0:
                candidates.append((-shared, abs(x.start - y.start) + abs(x.end - y.end), i, j))
    candidates.sort()
    used_a, used_b, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((one[i], two[j]))
    return pairs


def _score_row(label: str, match: str, in_a: int, in_b: int, matched: int) -> dict:
    if in_a == in_b == 0:  # two empty sets: agreement is undefined, not zero
        nan = float("nan")
        return dict(zip(SCORE_COLUMNS, [label, match, 0, 0, 0, nan, nan, nan], strict=True))
    precision = matched / in_a if in_a else 0.0
    recall = matched / in_b if in_b else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "label": label,
        "match": match,
        "in_a": in_a,
        "in_b": in_b,
        "matched": matched,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def _detail(annotation: Annotation | None) -> str:
    if annotation is None:
        return ""
    if annotation.label == "QUOTE":
        return str(annotation.attrs.get("speaker") or "")
    if annotation.label == "SENTIMENT":
        return str(annotation.attrs.get("value") or "")
    return ""


def _same_speaker(x: Annotation, y: Annotation) -> bool:
    one = " ".join(str(x.attrs.get("speaker") or "").split()).casefold()
    two = " ".join(str(y.attrs.get("speaker") or "").split()).casefold()
    if one == two:
        return True
    # "McCain" and "John McCain" name the same speaker: accept a surname against a full name.
    short, long = sorted((one, two), key=len)
    return bool(short) and long.split()[-1:] == short.split()[-1:] and set(short.split()) <= set(long.split())


def _row(kind: str, x: Annotation | None, y: Annotation | None) -> dict:
    where = x if x is not None else y
    return {
        "start": where.start,
        "end": where.end,
        "kind": kind,
        "label_a": x.label if x else "",
        "label_b": y.label if y else "",
        "text_a": x.text if x else "",
        "text_b": y.text if y else "",
        "detail_a": _detail(x),
        "detail_b": _detail(y),
    }


def _disagreements(a: list[Annotation], b: list[Annotation]) -> pd.DataFrame:
    import pandas as pd

    rows: list[dict] = []
    left_spans = [x for x in a if x.label in SPAN_LABELS]
    right_spans = [x for x in b if x.label in SPAN_LABELS]
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for label in SPAN_LABELS:
        for x, y in _match(left_spans, right_spans, label=label, exact=False):
            matched_a.add(id(x))
            matched_b.add(id(y))
            if (x.start, x.end) != (y.start, y.end):
                rows.append(_row("boundary", x, y))
            if label == "QUOTE" and not _same_speaker(x, y):
                rows.append(_row("speaker", x, y))
    rest_a = [x for x in left_spans if id(x) not in matched_a]
    rest_b = [y for y in right_spans if id(y) not in matched_b]
    # Spans marked by both with different labels: pair the largest overlaps first.
    candidates = sorted(
        (-(min(x.end, y.end) - max(x.start, y.start)), i, j)
        for i, x in enumerate(rest_a)
        for j, y in enumerate(rest_b)
        if min(x.end, y.end) > max(x.start, y.start)
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            rows.append(_row("label", rest_a[i], rest_b[j]))
    rows += [_row("only in a", x, None) for i, x in enumerate(rest_a) if i not in used_a]
    rows += [_row("only in b", None, y) for j, y in enumerate(rest_b) if j not in used_b]
    left = {(x.start, x.end): x for x in a if x.label in SENTENCE_LABELS}
    right = {(y.start, y.end): y for y in b if y.label in SENTENCE_LABELS}
    for key in sorted(set(left) | set(right)):
        x, y = left.get(key), right.get(key)
        if x is None or y is None:
            rows.append(_row("only in a" if y is None else "only in b", x, y))
        elif x.attrs.get("value") != y.attrs.get("value"):
            rows.append(_row("sentiment", x, y))
    order = {kind: number for number, kind in enumerate(KINDS)}
    rows.sort(key=lambda r: (r["start"], r["end"], order[r["kind"]], r["label_a"], r["label_b"], r["text_b"]))
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
