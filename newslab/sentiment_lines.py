"""Scoring JSON lines one by one: the engine of ``newslab sentiment --jsonl SOURCE``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newslab import errors
from newslab.batch import BadLine, is_blank_line, load_json_line
from newslab.layers.sentiment import score_target, score_text

__all__ = ["BadLine", "sentiment_jsonl"]


# ----------------------------------------------------------------------------------- JSON lines


def sentiment_jsonl(lines: Iterable[str]) -> Iterator[dict | BadLine]:
    """Score JSON lines one by one: the engine of ``newslab sentiment --jsonl SOURCE``.

    Each line is ``{"id", "text", "target_start", "target_end"}``; the answer for it is
    ``{"id", "label", "score", "evidence"}``: the sentiment toward the target (``score`` is
    P(positive) − P(negative); ``evidence`` lists the words that decided it with their weights).
    Without ``target_start``/``target_end`` (or with ``null``) the whole text is scored with VADER
    instead (``score`` is the compound score; ``evidence`` lists words, valences and rules).

    A bad line does not stop the rest: it yields a :class:`newslab.batch.BadLine` with its line
    number (from 1) and one sentence saying what is wrong. Blank lines are skipped. Lines are read
    and answered one at a time, so any number of lines can stream through.

    Args:
        lines: an iterable of strings, e.g. an open file.

    Yields:
        A dict per good line, a ``BadLine`` per bad one, in input order.

    Example:
        >>> line = '{"id": "a", "text": "We can’t trust Russia.", "target_start": 15, "target_end": 21}'
        >>> next(sentiment_jsonl([line]))["label"]
        'negative'
    """
    for number, line in enumerate(lines, start=1):
        if is_blank_line(line):
            continue
        record: Any = None
        try:
            record = load_json_line(line, number, where="This line")
            yield _score_record(record)
        except errors.NewslabError as error:
            yield BadLine(number, str(error), record.get("id") if isinstance(record, dict) else None)


def _score_record(record: Any) -> dict:
    if not isinstance(record, dict):
        raise errors.InvalidInput(
            'This is not a JSON object: write {"id": …, "text": …, "target_start": …, "target_end": …}.'
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise errors.InvalidInput('The record has no "text" to score: add the sentence as a string.')
    start, end = record.get("target_start"), record.get("target_end")
    if start is None and end is None:
        vader = score_text(text)
        evidence = [w.to_json() for w in vader.words] + [{"rule": r} for r in vader.rules]
        return {"id": record.get("id"), "label": vader.label, "score": vader.score, "evidence": evidence}
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise errors.InvalidInput(
            'The record needs whole-number "target_start" and "target_end" (or neither, to score the whole text).'
        )
    result = score_target(text, start, end)
    return {
        "id": record.get("id"),
        "label": result.label,
        "score": result.score,
        "evidence": [w.to_json() for w in result.words],
    }
