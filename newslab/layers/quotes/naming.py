"""Naming speakers (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslab.layers.cast.coref import rank_antecedents
from newslab.layers.quotes.cues import (
    PRONOUNS,
)
from newslab.layers.quotes.drafts import Attribution, _Draft
from newslab.layers.quotes.tokens import _entity_at

THIRD_PERSON = PRONOUNS - {"i", "we", "you"}


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
        clause = None if relative is None else relative.head.head if relative.tag_ == "WP$" else relative.head
        if relative is not None and relative.tag_ in ("WP", "WDT", "WP$") and clause.dep_ == "relcl":
            noun = self.author_of(clause.head)  # "Stevie Wonder, who joked": Stevie Wonder
            entity = _entity_at(cast, *self.mention_span(noun))
            return entity.name if entity is not None else self.text[slice(*self.mention_span(noun))]
        # "I", "we" and "you" outside a quotation are the writer and the reader, not someone named before
        if mention.lower() in THIRD_PERSON or mention.lower() in ("who", "which"):
            antecedent = self.antecedent(start, mention.lower())
            if antecedent is not None:
                entity = _entity_at(cast, *antecedent)
                return entity.name if entity is not None else self.text[antecedent[0] : antecedent[1]]
        return mention

    def antecedent(self, offset: int, pronoun: str) -> tuple[int, int] | None:
        """The name a pronoun the cast left unlinked refers to, ranked as who's who ranks pronouns.

        The candidates are the model's names of the right kind and the speakers named so far.
        """
        token = self.token_at(offset)
        if token is None:
            return None
        wanted = ("ORG", "GPE", "NORP") if pronoun in ("it", "they", "which") else ("PERSON",)
        spans = [ent for ent in self.doc.ents if ent.label_ in wanted and ent.end_char <= offset]
        for start, end in self.named:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and end <= offset:
                spans.append(span)
        ranked = rank_antecedents(self.doc, spans, token, self.inside)
        return ranked[0] if ranked else None
