"""The who-said-what record: one attributed statement with its kind, speaker, cue and channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class Quote:
    """One attributed statement: what was said, its kind, who said it, how and where.

    Attributes:
        start, end, text: where the statement is (``article.text[start:end] == text``); for direct
            and partial quotes the quotation marks are included.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        speaker: the speaker's canonical name (from the cast), else the words that name them.
            ``find_quotes`` leaves out quotations whose speaker the article never gives, so only
            records made by hand have ``None`` here.
        speaker_mention, speaker_start, speaker_end: the words that name the speaker in the text
            (a name, a description or a pronoun) and their offsets.
        cue, cue_start, cue_end: the verb or phrase that introduces the statement ("told", "had said",
            "according to"), ``None`` for a floating quote.
        channel: where it was said when the text names it ("tweet", "NBC’s Meet the Press", "statement").
        paragraph, sentence: numbers (from 0) of the paragraph and body sentence it starts in.
        floating: ``True`` when the speaker was carried over from an earlier attribution.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    channel: str | None
    paragraph: int
    sentence: int
    floating: bool = False

    def to_json(self) -> dict[str, Any]:
        """The quote as a JSON-safe dict (the ``quotes`` records of ``newslab annotate``)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "channel": self.channel,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "floating": self.floating,
        }
