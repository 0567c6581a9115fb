"""Quoted statements and their cues (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslab.layers.quotemarks import QuotedSpan
from newslab.layers.quotes.cues import (
    CLAUSE_ONLY,
    NAME_GIVING_VERBS,
    NAMING_VERBS,
    SUBJECTS,
    cue_lemma,
    describes_a_speaker,
    held_claim,
    is_according,
    is_cue,
    is_subordinate,
    names_someone,
    reports_words,
)
from newslab.layers.quotes.drafts import _Draft
from newslab.layers.quotes.tokens import (
    _SENTENCE_END,
    _SIGNATURE,
    _TITLE_SMALL_WORDS,
    _TRANSCRIPT,
    _copy_speaker,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class _QuotedStatements:
    """Quoted statements and their cues: which quotations are statements, their kind and the verb that introduces them."""

    # ------------------------------------------------------------ quoted statements

    def quoted(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        group = 0
        transcripts: set[int] = set()
        for span in self.spans:
            if not span.continued:
                group += 1
            draft = _Draft(span.start, span.end, self.kind_of(span), span=span, group=group)
            # a name in quotation marks is a quote only when someone calls something that
            inner = self.text[span.start : span.end].strip("“”\"'‘’`„«» .")
            if inner.startswith("(") and inner.endswith(")"):
                continue  # “(CROSSTALK.)”: a transcript's stage direction, not a statement
            titled = (draft.kind == "partial" or self.woven_in(span)) and self.is_title(span)
            if titled and not self.named_by_someone(span):
                continue
            transcript = self.transcript_speaker(span)
            if transcript is not None or (span.continued and group in transcripts):
                # “PENCE: Well, look…”: a line of an interview transcript reports what was said
                transcripts.add(group)
                draft.kind = "indirect"
                if transcript is not None:
                    draft.start = self.after_space(transcript[0][1])
            signature = self.signature(span) or transcript
            cue = None if signature else self.cue_for_quote(span, draft.kind)
            if cue is None and not signature:
                cue = self.cue_before_colon(span)
            if cue is not None:
                cue = self.outer_cue(cue)
            if signature:
                draft.cue, draft.mention = signature
            elif cue is not None:
                self.attach(draft, cue)
            drafts.append(draft)
        return drafts

    def after_space(self, offset: int) -> int:
        """The first offset from ``offset`` on that is not a space."""
        while offset < len(self.text) and self.text[offset] in " \u00a0":
            offset += 1
        return offset

    def outer_cue(self, cue: Token) -> Token:
        """The reporting verb around a cue whose subject is a thing, not someone.

        "Mr. Obama said, a majority of Americans have come to believe “…”" and "Holm said that the
        advertisement “…” suggests…": the statement is the person's, not the majority's or the ad's.
        """
        speaker = self.speaker_token(cue)
        if speaker is None:
            return cue
        if names_someone(speaker):
            # "The mayor told voters she would consider it a “personal insult”": what she thinks is
            # part of what she told them
            thinking = cue_lemma(cue) in CLAUSE_ONLY and cue.dep_ == "ccomp"
            return (self.reporter_above(cue) or cue) if thinking else cue
        token = cue
        for _ in range(4):
            for child in token.children:
                if child.dep_ == "parataxis" and child.i != cue.i and is_cue(child):
                    outer = self.speaker_token(child)
                    if outer is not None and names_someone(outer):
                        return child
            if token.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or token.head.i == token.i:
                break
            token = token.head
            if is_cue(token) and self.quote_around(token.idx) is None:
                outer = self.speaker_token(token)
                if outer is not None and names_someone(outer):
                    return token
        return cue

    def reporter_above(self, verb: Token) -> Token | None:
        """The speech verb whose report contains ``verb``: "The mayor said she would call it a “farce”"
        — the partial quote is the mayor's, told as part of what she said."""
        token = verb
        for _ in range(3):
            if token.dep_ not in ("ccomp", "xcomp") or token.head.i == token.i:
                return None
            token = token.head
            if is_cue(token) and self.quote_around(token.idx) is None:
                return token if self.speaker_token(token) is not None else None
        return None

    def cue_before_colon(self, span: QuotedSpan) -> Token | None:
        """The cue of a quotation that opens a paragraph after one ending in a colon.

        "The New York Times reports:" then a paragraph in quotation marks: the cue and speaker are in
        the previous paragraph's last sentence.
        """
        p_start = self.paragraphs[span.paragraph][0]
        if span.paragraph == 0 or self.text[p_start : span.start].strip() or span.continued:
            return None
        prev_start, prev_end = self.paragraphs[span.paragraph - 1]
        if not self.text[prev_start:prev_end].rstrip().endswith(":"):
            return None
        tokens = self.tokens_between(prev_start, prev_end)
        sentence: list[Token] = []
        for token in reversed(tokens[:-1]):
            if (token.text in _SENTENCE_END and token.is_punct) or self.quote_around(token.idx):
                break
            sentence.append(token)
        for token in sentence:
            if (is_cue(token) or token.pos_ == "VERB") and self.speaker_token(token) is not None:
                return token
        return None

    def signature(self, span: QuotedSpan) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """A quote signed with a dash and a name (“…” ― Jane Doe): the dash's and the name's offsets."""
        p_end = self.paragraphs[span.paragraph][1]
        match = _SIGNATURE.match(self.text, span.end, p_end)
        if match is None:
            return None
        start, end = match.span("name")
        last = self.text[start:end].split()[-1]
        if last.endswith(".") and len(last) > 3:  # "Carla Sanchez." but "Julie A." and "Jr." keep their dot
            end -= 1
        return match.span("dash"), (start, end)

    def transcript_speaker(self, span: QuotedSpan) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """A transcript line in quotation marks (“PENCE: Well, look…”): the colon's and the name's offsets."""
        match = _TRANSCRIPT.match(self.text, span.start, span.end)
        if match is None:
            return None
        return match.span("colon"), match.span("name")

    def named_by_someone(self, span: QuotedSpan) -> bool:
        """Whether a quoted name is what someone called something: Trump called her “Miss Piggy”."""
        cue = self.cue_for_quote(span, "partial")
        if cue is None:
            return False
        if cue_lemma(cue) in NAMING_VERBS | NAME_GIVING_VERBS:
            return True
        left, _ = self.frame(span, stop_at_quotes=True)
        if self.introducing_cue(left) is not None:
            return True  # "she added the words, “Hillary Clinton.”"
        # "concluded his comments were “Mostly False”": a verdict someone gave, not a title
        words = [t for t in self.tokens_between(span.start, span.end) if not t.is_punct]
        roots = [t for t in words if not span.start <= t.head.idx < span.end]
        return len(roots) == 1 and roots[0].dep_ in ("attr", "acomp") and is_cue(cue)

    def woven_in(self, span: QuotedSpan) -> bool:
        """Whether a quotation sits inside a sentence of the reporter's (not at its start)."""
        if span.continued:
            return False
        p_start = self.paragraphs[span.paragraph][0]
        before = self.text[p_start : span.start].rstrip()
        return bool(before) and before[-1] not in ".!?:…\"”'’"

    def is_title(self, span: QuotedSpan) -> bool:
        """Whether quotation marks hold a name or title (“Face the Nation”, “Lyin’ Ted”), not a quote."""
        inner = self.text[span.start : span.end].strip("“”\"'‘’`„«» ,.;:")
        words = re.findall(r"[^\s—–-]+", inner)
        if not words or len(words) > 6 or inner.endswith(("!", "?")):
            return False
        if words[0] in ("I", "I’m", "I'm", "We", "You", "It", "It’s", "It's", "Yes", "No", "Thank"):
            return False
        return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)

    def kind_of(self, span: QuotedSpan) -> str:
        """direct when the quotation stands as a sentence of its own, partial when it is woven into one."""
        if span.continued:
            return "direct"
        inner = self.text[span.start : span.end].strip("“”\"'‘’`„«» ")
        words = inner.split()
        p_start = self.paragraphs[span.paragraph][0]
        before = self.text[p_start : span.start].rstrip()
        first = inner[:1]
        capital = first.isupper() or first.isdigit() or first in "…."
        if not before or before[-1] in ".!?:…\"”'’":
            return "direct" if capital or len(words) > 4 else "partial"
        if before[-1] in ",—–-" and capital:
            stop = p_start + len(before) - 1
            tokens = self.tokens_between(max(p_start, stop - 80), stop)
            tail = [t for t in tokens if not t.is_punct]
            if tail and (is_cue(tail[-1]) or tail[-1].pos_ in ("PROPN", "PRON", "NOUN")):
                return "direct"
        return "partial"

    def frame(self, span: QuotedSpan, *, stop_at_quotes: bool) -> tuple[list[Token], list[Token]]:
        """The tokens before and after a quote within its sentence (outside every quotation)."""
        p_start, p_end = self.paragraphs[span.paragraph]
        runs = self.frame_runs(stop_at_quotes)
        return runs.before(p_start, span.start), runs.after(span.end, p_end)

    def cue_for_quote(self, span: QuotedSpan, kind: str) -> Token | None:
        # 0. a speech verb right before the quotation: "Trump boasted, “…”", "She said: “…”"
        left, right = self.frame(span, stop_at_quotes=kind == "direct")
        introduced = self.introducing_cue(left) or (self.transcript_label(left) if kind == "direct" else None)
        if introduced is not None and self.speaker_token(introduced) is not None:
            return introduced
        # 1. up the dependency tree from the quotation's words to a speech verb outside it
        tokens = [t for t in self.tokens_between(span.start, span.end) if not t.is_punct]
        seen = set()
        for token in tokens[:12]:
            head = token
            for _ in range(8):
                if head.i in seen:
                    break
                seen.add(head.i)
                if head.head.i == head.i:
                    break
                head = head.head
                if self.quote_around(head.idx) == (span.start, span.end):
                    continue
                if self.quote_around(head.idx):
                    break
                same_paragraph = self.paragraph_of(head.idx) == span.paragraph
                if is_cue(head) and same_paragraph and self.speaker_token(head) is not None:
                    return head
                if kind == "partial" and same_paragraph and held_claim(head):
                    return head  # "his claim that voters would “see nothing”": his words
        # 2. a speech verb next to the quotation in its sentence
        inner = self.text[span.start : span.end].rstrip("“”\"'‘’ ")
        after_first = (bool(inner) and inner[-1] in ",?!—–-…") or (right and right[0].text == ",")
        left_cues = [t for t in reversed(left) if is_cue(t) or is_according(t)]
        right_cues = [t for t in right if (is_cue(t) or is_according(t)) and not is_subordinate(t)]
        order = (right_cues + left_cues) if after_first else (left_cues + right_cues)
        for cue in order:
            if self.speaker_token(cue) is not None:
                return cue
        # 3. any verb with a subject right after the quotation ("…,” Blige sings) or before a colon
        if after_first or kind == "direct":
            for token in right[:6]:
                if token.is_punct and token.text != ",":
                    break
                if token.pos_ == "VERB" and self.speaker_token(token) is not None:
                    return token
        if left and left[-1].text in (":", ",") and kind == "direct":
            for token in reversed(left[:-1]):
                if token.pos_ in ("VERB", "NOUN") and self.speaker_token(token) is not None:
                    return token
        # 4. a partial quote: the verb of saying, naming or judging it hangs from, if someone does it
        # ("called him a “genius”", "referred to a “sex tape”")
        if kind == "partial":
            for token in tokens[:3]:
                head = token
                for _ in range(4):
                    head = head.head
                    if self.quote_around(head.idx) == (span.start, span.end):
                        continue
                    if head.pos_ == "VERB" and not self.quote_around(head.idx):
                        if not reports_words(head):
                            break  # "sent its “national enterprise reporter”": a deed, not words
                        speaker = self.speaker_token(head)
                        if speaker is not None and names_someone(speaker):
                            return self.reporter_above(head) or head
                        break
                    if head.head.i == head.i:
                        break
        return None

    def transcript_label(self, left: list[Token]) -> Token | None:
        """The colon after a name that opens a sentence and a quotation, as in a transcript or a
        debate write-up: "Lee: “We will rebuild the bridge.”" (the name is the speaker)."""
        if len(left) < 2 or len(left) > 5 or left[-1].text != ":":
            return None
        name, first = left[:-1], left[0]
        if first.i > 0 and not first.is_sent_start and first.doc[first.i - 1].text not in _SENTENCE_END:
            return None
        if name[-1].text in ("Q", "A") or not all(t.pos_ == "PROPN" for t in name):
            return None  # an interview's "Q:" and "A:" name no one
        return left[-1]

    def introducing_cue(self, left: list[Token]) -> Token | None:
        """The speech verb that ends the words before a comma or colon and a quotation: "Trump
        boasted, “…”", "Lee said during the debate last week, “…”" (with what it carries along)."""
        if len(left) < 2 or left[-1].text not in (",", ":"):
            return None
        for k in range(len(left) - 2, max(len(left) - 10, -1), -1):
            token = left[k]
            if token.is_punct:
                return None
            if is_cue(token):
                subtree = {t.i for t in token.subtree}
                return token if all(t.i in subtree for t in left[k + 1 : -1]) else None
        return None

    def attach(self, draft: _Draft, cue: Token) -> None:
        speaker = self.speaker_token(cue)
        if speaker is None:
            return
        draft.mention = self.mention_span(speaker)
        draft.cue = self.cue_span(cue)
        draft.channel = self.channel_of(cue)

    def carry(self, drafts: list[_Draft]) -> None:
        """Give floating quotes the speaker of the attribution they continue."""
        groups: dict[int, list[_Draft]] = {}
        for draft in drafts:
            if draft.span is not None:
                groups.setdefault(draft.group, []).append(draft)
        # within a multi-paragraph quotation, segments share the attribution
        for members in groups.values():
            attributed = [d for d in members if d.mention is not None and not d.floating]
            for draft in members:
                if draft.mention is None and attributed:
                    source = min(attributed, key=lambda d: abs(d.start - draft.start))
                    _copy_speaker(draft, source)
        # a direct quote with no cue takes the previous speaker (same or previous paragraph)
        previous: _Draft | None = None
        for draft in drafts:
            floating = draft.mention is None and previous is not None and draft.kind == "direct"
            if floating and self.continues_attribution(previous, draft):
                _copy_speaker(draft, previous)
            if draft.mention is None and draft.kind == "direct" and draft.span is not None:
                subject = self.subject_before(draft)
                if subject is not None:
                    draft.mention, draft.floating = self.mention_span(subject), True
            listed = draft.mention is None and previous is not None and draft.kind == "partial"
            if listed and self.sentence_of(previous.start) == self.sentence_of(draft.start):
                # “…”, “…” and “…”: fragments listed in one sentence share its attribution
                _copy_speaker(draft, previous)
                draft.cue, draft.floating = previous.cue, False
            if draft.mention is not None and not self.is_nested(draft, previous):
                previous = draft

    def is_nested(self, draft: _Draft, previous: _Draft | None) -> bool:
        """Whether a statement is told inside another, so its speaker is not the story's last speaker:
        a report within quotation marks, or within the report before it ("Lee added that the board
        wants…": the next quote is still Lee's, not the board's), or a report in a relative clause
        ("said Hale, whose criticism of the plan has grown": the next quote is Hale's, not "whose"), or
        in a clause that only sets the scene of another report ("Lee assured Hale, after Hale assured
        Lee that…")."""
        if previous is not None and previous.start <= draft.start and draft.end <= previous.end:
            return True
        if draft.span is not None:  # a quotation is the story's own
            return False
        if self.quote_around(draft.start) is not None:
            return True
        holder = self.token_at(draft.mention[0]) if draft.mention else None
        if holder is not None and holder.tag_ in ("WP", "WP$", "WDT"):
            return True
        cue = self.token_at(draft.cue[0]) if draft.cue else None
        return cue is not None and (
            cue.dep_ == "relcl" or (cue.dep_ == "advcl" and is_cue(cue.head)) or self.inside_a_report(cue)
        )

    def subject_before(self, draft: _Draft) -> Token | None:
        """The person a cue-less quote follows on from: the subject of the sentence just before it.

        “Sanders identified young voters as a reason. “They are sick of racism.”” — the quote
        continues what the named person was doing, in the same paragraph.
        """
        first = self.token_at(draft.start)
        if first is None or first.sent.start == 0 or first.sent.start_char < draft.start - 1:
            return None
        before = self.doc[first.sent.start - 1].sent
        if self.paragraph_of(before.start_char) != self.paragraph_of(draft.start):
            return None
        quoted = {self.quote_around(t.idx) for t in before if not t.is_punct} - {None}
        if quoted - self.titles:  # a quotation there has its own speaker; a show's title does not
            return None
        for token in before.root.children:
            if token.dep_ not in SUBJECTS:
                continue
            if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she"):
                return token
        return None

    def continues_attribution(self, previous: _Draft, draft: _Draft) -> bool:
        """Whether the text between an attribution and a quote with no cue leaves the speaker in place.

        In the same paragraph it does unless the reporter starts a new sentence with someone else's
        words; across a paragraph break only when the attribution's sentence simply ends.
        """
        para_prev, para_now = self.paragraph_of(previous.start), self.paragraph_of(draft.start)
        if para_now - para_prev > 1:
            return False
        after = max(previous.end, previous.cue[1] if previous.cue else 0, previous.mention[1])
        if after > draft.start:
            return para_now == para_prev
        tokens = [t for t in self.tokens_between(after, draft.start) if not self.quote_around(t.idx)]
        ends = [i for i, t in enumerate(tokens) if t.is_punct and t.text in _SENTENCE_END]
        if any(is_cue(t) and not describes_a_speaker(t) for t in tokens):
            return False
        if para_now == para_prev:
            return len(ends) <= 2
        tail = tokens[ends[-1] + 1 :] if ends else tokens
        words = [t for t in tail if t.is_alpha]
        return len(ends) <= 1 and len(words) <= 3 and (previous.span is not None or not words)
