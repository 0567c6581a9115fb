"""The attribution's working records: a statement being attributed (``_Draft``) and the finished :class:`Attribution`."""

from __future__ import annotations

from dataclasses import dataclass

from newslab.layers.quotemarks import QuotedSpan


@dataclass(frozen=True)
class Attribution:
    """One statement found in the text, with offsets for everything and the speaker's name.

    Attributes:
        start, end: where the statement is (quotation marks included for quoted statements).
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        speaker: the speaker's canonical name (from the cast), else the words of the mention.
        mention: offsets of the words that name the speaker (statements without one are left out).
        cue: offsets of the verb or phrase that introduces the statement, or ``None``.
        channel: where it was said, when the text names it.
        paragraph, sentence: numbers (from 0) of the paragraph and body sentence it starts in.
        floating: ``True`` when the speaker was carried over from an earlier attribution.
    """

    start: int
    end: int
    kind: str
    speaker: str | None
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    channel: str | None
    paragraph: int
    sentence: int
    floating: bool = False


@dataclass
class _Draft:
    """A statement while it is being attributed (offsets only; names come last)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    channel: str | None = None
    floating: bool = False
    span: QuotedSpan | None = None
    group: int = -1
    stance: bool = False  # reported by a verb of stance or intention ("plans to"), a noun or an adjective
