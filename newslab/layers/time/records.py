"""The TIMEX3 record: one time expression with its type and its value normalised to the publication date."""

from __future__ import annotations

from dataclasses import dataclass

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A time expression: ``article.text[start:end] == text``.

    Attributes:
        start, end: character offsets in the article's text.
        text: the words of the expression, without a leading preposition.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: the TIMEX3 value, such as ``2017-07-09TMO`` or ``P3D``.
        note: in plain words, how the value was worked out.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    note: str = ""

    def to_json(self) -> dict:
        """The timex as a JSON-ready dict: start, end, text, type, value and note."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "note": self.note,
        }
