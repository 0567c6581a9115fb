"""Naming speakers (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslab.layers.quotes.cues import (
    PRONOUNS,
)
from newslab.layers.quotes.drafts import Attribution, _Draft
from newslab.layers.quotes.tokens import _entity_at


class _Naming:
    """Naming: the finished attribution, with the speaker named from the cast (pronouns resolved first)."""

    # ------------------------------------------------------------ naming

    def finish(self, draft: _Draft, cast: Sequence[Any]) -> Attribution:
        speaker = None
        if draft.mention is not None:
            speaker = self.name_speaker(*draft.mention, cast)
        return Attribution(
            start=draft.start,
            end=draft.end,
            kind=draft.kind,
            speaker=speaker,
            mention=draft.mention,
            cue=draft.cue,
            channel=draft.channel,
            paragraph=self.paragraph_of(draft.start),
            sentence=self.sentence_of(draft.start),
            floating=draft.floating,
        )

    def name_speaker(self, start: int, end: int, cast: Sequence[Any]) -> str:
        entity = _entity_at(cast, start, end)
        if entity is not None:
            return entity.name
        mention = self.text[start:end]
        relative = self.token_at(start)
        if relative is not None and relative.tag_ in ("WP", "WDT") and relative.head.dep_ == "relcl":
            noun = self.author_of(relative.head.head)  # "Stevie Wonder, who joked": Stevie Wonder
            entity = _entity_at(cast, *self.mention_span(noun))
            return entity.name if entity is not None else self.text[slice(*self.mention_span(noun))]
        if mention.lower() in PRONOUNS or mention.lower() in ("who", "which"):
            antecedent = self.antecedent(start, mention.lower())
            if antecedent is not None:
                entity = _entity_at(cast, *antecedent)
                return entity.name if entity is not None else self.text[antecedent[0] : antecedent[1]]
        return mention

    def antecedent(self, offset: int, pronoun: str) -> tuple[int, int] | None:
        """The nearest earlier name a pronoun can refer to.

        Inside a quotation, a name earlier in the same quotation; outside, the nearest earlier speaker
        or person named outside quotations (subjects first), within two paragraphs.
        """
        own_quote = self.quote_around(offset)
        paragraph = self.paragraph_of(offset)
        wanted = ("ORG", "GPE", "NORP") if pronoun in ("it", "they", "which") else ("PERSON",)
        inside, outside = [], []
        for ent in self.doc.ents:
            if ent.start_char >= offset or ent.label_ not in wanted:
                continue
            if self.paragraph_of(ent.start_char) < paragraph - 2:
                continue
            around = self.quote_around(ent.start_char)
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if own_quote is not None and around == own_quote:
                inside.append((subject, ent.start_char, ent.end_char))
            elif around is None:
                outside.append((subject, ent.start_char, ent.end_char))
        for start, end in self.named:
            if start < offset and self.paragraph_of(start) >= paragraph - 2 and not self.quote_around(start):
                outside.append((True, start, end))
        if inside:
            best = max(inside, key=lambda c: c[1])
            return best[1], best[2]
        if not outside:
            return None
        subjects = [c for c in outside if c[0]]
        best = max(subjects or outside, key=lambda c: c[1])
        return best[1], best[2]
