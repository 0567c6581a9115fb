"""The attribution engine behind ``newslab.quotes``: cues, speakers, channels and floating quotes.

``attribute(article, doc, cast)`` finds every statement in an article (quoted with quotation marks or
reported without them), the verb or phrase that introduces it (the *cue*: "said", "told", "according
to"), the words that name who made it (the *speaker mention*: a name, a description or a pronoun)
and, when the text says so, where it was made (the *channel*: a tweet, a statement, "NBC’s Meet the
Press"). A quote with no cue of its own takes the speaker of the attribution it continues.

``newslab.quotes.find_quotes`` turns these records into ``Quote`` objects; use that in notebooks.
The word lists and the one-token tests the rules build on ("is this a verb of saying?") are in
:mod:`newslab.layers.quotes.cues`.

Example:
    >>> from newslab.nlp import parse
    >>> found = attribute(article, parse(article), cast)
    >>> found[0].kind, found[0].speaker
    ('partial', 'Donald Trump')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab.layers.quotemarks import QuotedSpan, quoted_spans
from newslab.layers.quotes.cues import (
    ATTITUDE_PREPS,
    CHANNEL_NOUNS,
    CHANNEL_VERBS,
    CLAUSE_ONLY,
    FIRST_SECOND_PERSON,
    INTENTION_NOUNS,
    NAME_GIVING_VERBS,
    NAMING_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    PRONOUNS,
    REPORT_PREPS,
    SETTING_PREPS,
    SPEECH_VERBS,
    SUBJECTS,
    TIME_WORDS,
    TO_CLAUSE_VERBS,
    VP_REST,
    coordinated_cue,
    cue_lemma,
    held_claim,
    is_according,
    is_attitude,
    is_cue,
    is_finding,
    is_subordinate,
    names_someone,
    naming_parts,
    reports_words,
    wordset,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article


# “WALLACE: Let’s start…”: a transcript line, the speaker's name in capitals and a colon.
_TRANSCRIPT = re.compile(
    r"(?:``|''|[“\"„«])[ \u00a0]*(?P<name>[A-Z][A-Z.’' -]{1,30}[A-Z.])(?P<colon>:)[ \u00a0]"
)
# “…” ― Jane Doe: a quote signed with a dash and a name of up to five capitalised words, ending the paragraph.
_SIGNATURE = re.compile(
    r"[ \u00a0]*(?P<dash>―|—|–|--?)[ \u00a0]*(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,4}?)[.,]?[ \u00a0]*$"
)
# "Pence: Gennifer Flowers Won’t Be at Debate": a headline or line that gives a name, a colon and a claim.
_NAMED_CLAIM = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,3})(?P<colon>:)[ \u00a0]+(?P<claim>[^\n]*\w[^\n]*)"
)
_NOT_SPEAKERS = wordset(
    """update updated analysis opinion editorial exclusive watch breaking video live photos photo note editor
    correction clarification transcript source sources related read listen more q a warning disclaimer full
    background bottom line why what how who when where here there this the"""
)
_TITLE_SMALL_WORDS = wordset("of the a an and in on for to with at by & or from")
_SENTENCE_END = frozenset({".", "!", "?", "…", "....", "....."})
_ASIDE_MARKS = frozenset({",", "—", "–", "--", "―"})
_CONCESSIVE = wordset("although though while whereas even")


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


def attribute(article: Article, doc: Doc, cast: Sequence[Any] = ()) -> list[Attribution]:
    """Find every attributed statement in an article: its span, kind, cue, speaker and channel.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).
        cast: its people and organisations (``newslab.people.find_cast``); used to turn a speaker
            mention such as "he" or "the US president" into a name. May be empty.

    Returns:
        Statements in text order (by start, then end). Unbalanced quotation marks are never an error.

    Example:
        >>> found = attribute(article, parse(article), cast)
        >>> [a.kind for a in found][:2]
        ['partial', 'indirect']
    """
    finder = _Finder(article, doc)
    quoted = finder.quoted()
    drafts = quoted + finder.indirect(quoted) + finder.named_claims()
    drafts.sort(key=lambda d: (d.start, d.end))
    finder.carry(drafts)
    # a quotation whose speaker the article never gives (no cue, no attribution to continue) answers
    # no "who said what": a row with no speaker would only stand for the reporter's scare quotes
    drafts = [d for d in drafts if d.mention is not None]
    finder.named = sorted(
        {d.mention for d in drafts if d.mention and article.text[slice(*d.mention)].lower() not in PRONOUNS}
    )
    return [finder.finish(d, cast) for d in drafts]


class _Finder:
    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        self.paragraphs = [(p.start, p.end) for p in article.paragraphs]
        self.para_starts = [p[0] for p in self.paragraphs]
        self.sent_starts = [s.start for s in article.sentences] if doc is not None else []
        self.spans = [s for s in quoted_spans(self.text, self.paragraphs) if not self.is_nickname(s)]
        self.inside = [(s.start, s.end) for s in self.spans]
        self.inside_starts = [s.start for s in self.spans]
        self.token_starts = [t.idx for t in doc]
        self.titles = {(s.start, s.end) for s in self.spans if self.is_title(s)}
        self.named: list[tuple[int, int]] = []

    def is_nickname(self, span: QuotedSpan) -> bool:
        """A quoted nickname inside a name (Marcia “Cia” Price, Robert C. "Bobby" Scott): no quote."""
        inner = self.text[span.start : span.end].strip("“”\"'‘’`„«» ")
        if not span.closed or not inner or len(inner.split()) > 2 or not inner[0].isupper():
            return False
        before = self.text[max(0, span.start - 30) : span.start].rstrip(" \u00a0")
        after = self.text[span.end : span.end + 30].lstrip(" \u00a0")
        last_before = before.split()[-1] if before.split() else ""
        initial = re.fullmatch(r"[A-Z]\.", last_before) is not None  # Robert C. "Bobby" Scott
        ends_clause = last_before.endswith((".", ",", ":")) and not initial
        return last_before[:1].isupper() and after[:1].isupper() and not ends_clause

    # ------------------------------------------------------------ helpers over tokens

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        i = bisect.bisect_left(self.token_starts, start)
        j = bisect.bisect_left(self.token_starts, end)
        return [t for t in self.doc[i:j] if not t.is_space]

    def quote_around(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.inside_starts, offset) - 1
        if i >= 0 and self.inside[i][0] <= offset < self.inside[i][1]:
            return self.inside[i]
        return None

    def paragraph_of(self, offset: int) -> int:
        i = bisect.bisect_right(self.para_starts, offset) - 1
        return max(i, 0)

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

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
        left = self.tokens_between(p_start, span.start)
        right = self.tokens_between(span.end, p_end)
        left_out: list[Token] = []
        for token in reversed(left):
            inside = self.quote_around(token.idx)
            if inside:
                if stop_at_quotes:
                    break
                continue
            if token.text in _SENTENCE_END and token.is_punct:
                break
            left_out.append(token)
        left_out.reverse()
        right_out: list[Token] = []
        for token in right:
            if self.quote_around(token.idx):
                if stop_at_quotes:
                    break
                continue
            if token.text in _SENTENCE_END and token.is_punct:
                break
            right_out.append(token)
        return left_out, right_out

    def cue_for_quote(self, span: QuotedSpan, kind: str) -> Token | None:
        # 0. a speech verb right before the quotation: "Trump boasted, “…”", "She said: “…”"
        left, right = self.frame(span, stop_at_quotes=kind == "direct")
        introduced = self.introducing_cue(left)
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
            nested = draft.span is None and self.quote_around(draft.start) is not None
            if draft.mention is not None and not nested:
                previous = draft

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
        if any(is_cue(t) for t in tokens):
            return False
        if para_now == para_prev:
            return len(ends) <= 2
        tail = tokens[ends[-1] + 1 :] if ends else tokens
        words = [t for t in tail if t.is_alpha]
        return len(ends) <= 1 and len(words) <= 3 and (previous.span is not None or not words)

    # ------------------------------------------------------------ speakers, cues, channels

    def speaker_token(self, cue: Token) -> Token | None:
        """The word that names who spoke: the subject of the cue (or of the verb it hangs from)."""
        speaker = self._speaker_token(cue)
        if speaker is None:
            return None
        around = self.quote_around(speaker.idx)
        if around is not None and around != self.quote_around(cue.idx):
            return None
        if (
            speaker.is_punct
            or speaker.pos_ in ("X", "SYM", "NUM")
            or speaker.lower_ in ("that", "this", "what")
        ):
            return None
        if speaker.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or speaker.dep_ == "npadvmod":
            return None
        if speaker.tag_ == "NN" and not names_someone(speaker):
            # "…until the election, Jane Roe, an adviser, called…" (misparsed); but a group stays:
            # "Three senators – Ann Lee, …– criticised…"
            for child in speaker.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return child
        return speaker

    def _speaker_token(self, cue: Token) -> Token | None:
        if is_attitude(cue):
            return self.holder_token(cue)
        if is_according(cue):
            for child in cue.children:
                if child.lower_ == "to":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return self.author_of(grandchild)
            following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            if following is not None and following.lower_ == "to":
                for grandchild in following.children:
                    if grandchild.dep_ == "pobj":
                        return self.author_of(grandchild)
            return None
        if any(c.dep_ == "nsubjpass" for c in cue.children):  # "has been called a charlatan by doctors"
            agents = [g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return agents[0]
        before = cue.doc[cue.i - 1] if cue.i > 0 else None
        if (
            cue.tag_ == "VBG"
            and before is not None
            and before.ent_type_ == "PERSON"
            and before.dep_ == "pobj"
            and before.head.lower_ == "of"
        ):
            return before  # "footage of Hillary Clinton asking, “…”": she is the speaker, not the footage
        token = cue.head.head if coordinated_cue(cue) else cue
        for _ in range(4):
            subjects = [
                c
                for c in token.children
                if c.dep_ in SUBJECTS and self.quote_around(c.idx) == self.quote_around(cue.idx)
            ]
            if subjects:
                subject = subjects[0]
                if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    if subject.lower_ in ("who", "which"):
                        return subject  # "…, who said": the mention is "who", the name comes from its noun
                    return self.author_of(token.head)
                if subject.dep_ == "csubj":
                    return None
                return subject
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return agents[0]
            climbs = ("advcl", "xcomp", "conj", "pcomp", "ccomp") + (
                ("dobj",) if token.pos_ == "NOUN" else ()
            )
            if token.dep_ in climbs and token.head.i != token.i:
                if token.dep_ == "ccomp" and token.lower_ not in ("had", "has", "have"):
                    break
                token = token.head
                opening = token.dep_ == "prep" and token.lower_ in SETTING_PREPS and token.i < token.head.i
                if opening and token.head.pos_ in ("VERB", "AUX"):
                    token = token.head  # "After saying…, she was…": she said it
                continue
            if (
                token.dep_ in ("relcl", "acl")
                and token.head.i != token.i
                and token.head.pos_ in ("PROPN", "NOUN")
            ):
                return self.author_of(token.head)  # "footage of Hillary Clinton asking, “…”"
            break
        # "“…,” Flynn, a top Trump surrogate, said": the first name between the quotation and the cue
        if cue.i > 0 and self.quote_around(cue.doc[cue.i - 1].idx) is None:
            segment, after_quote = [], False
            for token in reversed(cue.doc[max(0, cue.i - 15) : cue.i]):
                if self.quote_around(token.idx):
                    after_quote = True
                    break
                if token.text in _SENTENCE_END or token.is_space:
                    break
                segment.append(token)
            for token in reversed(segment if after_quote else []):
                if (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and token.dep_ not in (
                    "pobj",
                    "poss",
                ):
                    return _head_of_name(token)
        # "…,” said Mr. Burman": a name right after the cue
        for neighbour in cue.doc[cue.i + 1 : cue.i + 5]:
            named = neighbour.pos_ in ("PROPN", "PRON") or neighbour.ent_type_ in ("PERSON", "ORG")
            if named and neighbour.dep_ not in ("dobj", "dative", "pobj", "poss"):
                return _head_of_name(neighbour)
            if neighbour.is_punct:
                break
        return None

    def author_of(self, noun: Token) -> Token:
        """Who made a document that speaks: "Rubio criticised it in a series of tweets that compared…".

        A channel noun (tweets, a statement, a letter) is not itself the speaker when the sentence
        says who posted or wrote it: its possessor, or the subject of the verb it hangs from.
        """
        if noun.lemma_.lower() not in CHANNEL_NOUNS and noun.lower_ not in CHANNEL_NOUNS:
            return noun
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:  # "a speech Mrs. Clinton delivered"
            if child.dep_ == "relcl":
                subjects = [g for g in child.children if g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP")]
                if subjects and names_someone(subjects[0]):
                    return subjects[0]
        token = noun
        for _ in range(3):
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
                token = token.head.head
            else:
                break
        if token.dep_ in ("dobj", "pobj", "prep") or token.pos_ in ("VERB", "AUX"):
            verb = token if token.pos_ in ("VERB", "AUX") else token.head
            if verb.pos_ in ("VERB", "AUX"):
                for child in verb.children:
                    if child.dep_ == "nsubj" and child.tag_ not in ("WDT", "WP"):
                        return child
        return noun

    def mention_span(self, token: Token) -> tuple[int, int]:
        """The words of a noun phrase that name someone: its head and what comes before it."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in ("punct", "cc", "conj", "appos", "relcl", "prep", "advmod", "preconj"):
                continue
            start = min(start, child.left_edge.i)
        while start < token.i and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        first = self.doc[start]
        return first.idx, token.idx + len(token.text)

    def cue_span(self, cue: Token) -> tuple[int, int]:
        """The cue with its auxiliaries and particle: "had said", "is telling", "pointed out"."""
        if is_according(cue):
            to = cue.nbor(1) if cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to" else cue
            return cue.idx, to.idx + len(to.text)
        start = cue.i
        while start > 0:
            previous = self.doc[start - 1]
            if (previous.dep_ in ("aux", "auxpass", "neg") and previous.head.i in (cue.i, cue.head.i)) or (
                cue.pos_ == "NOUN" and previous.lower_ in ("had", "has", "have", "was")
            ):
                start -= 1
            else:
                break
        end = cue.i
        if end + 1 < len(self.doc) and self.doc[end + 1].dep_ == "prt" and self.doc[end + 1].head.i == cue.i:
            end += 1
        last = self.doc[end]
        return self.doc[start].idx, last.idx + len(last.text)

    def channel_of(self, cue: Token) -> str | None:
        """Where the statement was made, when the sentence says so."""
        if CHANNEL_VERBS.get(cue.lemma_):
            return CHANNEL_VERBS[cue.lemma_]
        if cue.lower_ in NOUN_CUES:
            return "tweet"
        token = cue
        for candidate in (cue, cue.head if cue.dep_ in ("advcl", "conj") else None):
            if candidate is None:
                continue
            for child in candidate.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "through", "to"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            channel = self.channel_phrase(obj)
                            if channel:
                                return channel
            token = candidate
        if cue.lemma_ == "tell":
            for child in token.children:
                if child.dep_ in ("dobj", "dative", "poss") and (
                    child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "PERSON")
                ):
                    return self.programme(child.left_edge)
            # "told CNN’s State of the Union program …" (the possessive hangs below the object)
            nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            possessive = nxt is not None and nxt.i + 1 < len(cue.doc) and nxt.nbor(1).tag_ == "POS"
            if nxt is not None and nxt.pos_ == "PROPN" and (nxt.ent_type_ == "ORG" or possessive):
                return self.programme(nxt)
        return None

    def channel_phrase(self, obj: Token) -> str | None:
        named = obj.ent_type_ in ("ORG", "WORK_OF_ART") or obj.lower_ in ("twitter", "facebook", "instagram")
        if obj.pos_ == "PROPN" and named:
            return self.programme(obj.left_edge)
        if obj.lemma_.lower() not in CHANNEL_NOUNS and obj.lower_ not in CHANNEL_NOUNS:
            return None
        words = []
        for token in obj.subtree:
            if token.i > obj.i and _under(token, obj, ("relcl", "acl", "punct", "appos", "cc", "conj")):
                break
            if (
                token.i > obj.i
                and token.dep_ == "prep"
                and any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
            ):
                break
            if token.dep_ == "det" or token.ent_type_ in ("DATE", "TIME") or token.lower_ in TIME_WORDS:
                continue
            if token.dep_ in ("poss", "case") and token.head == obj:
                continue
            words.append(token)
        words = [t for t in words if t.i >= obj.i or t.dep_ in ("compound", "amod")]
        words = _contiguous_upto(words, obj)
        if not words:
            return None
        return self.text[words[0].idx : words[-1].idx + len(words[-1].text)]

    def programme(self, first: Token) -> str:
        """A run of capitalised words naming a broadcaster or programme: "NBC’s Meet the Press"."""
        doc = first.doc
        end = first.i
        i = first.i + 1
        while i < len(doc):
            token = doc[i]
            if (
                token.tag_ == "POS"
                or token.lower_ in ("’s", "'s")
                or token.is_title
                or (token.is_upper and token.is_alpha)
            ):
                end = i
            elif token.lower_ in ("the", "of", "and", "&") and any(t.is_title for t in doc[i + 1 : i + 3]):
                pass
            else:
                break
            i += 1
        last = doc[end]
        return self.text[first.idx : last.idx + len(last.text)]

    # ------------------------------------------------------------ indirect (reported) statements

    def indirect(self, quoted: list[_Draft]) -> list[_Draft]:
        covered = [(d.start, d.end) for d in quoted]
        drafts = []
        for token in self.doc:
            if token.is_space or not self.in_body(token.idx):
                continue
            content = None
            if is_according(token):
                content = self.according_content(token)
            elif is_cue(token, stance=True) and token.pos_ in ("VERB", "AUX"):
                content = self.reported_content(token)
            elif is_attitude(token):
                content = self.attitude_content(token)
            elif is_finding(token):
                content = self.finding_content(token)
            if content is None:
                continue
            own = self.quote_around(token.idx)
            others = [c for c in covered if c != own]
            if self.quote_is_its_cue(token, quoted):
                continue
            speaker = self.speaker_token(token)
            if speaker is None:
                continue
            if own is not None and not self.reports_inside(own, speaker, quoted):
                continue
            parts = [content]
            if content[0] <= speaker.idx < content[1]:
                # "The museum, Mr. Obama said, would make visitors…": the cue interrupts the report
                parts = self.around_cue(content, token, speaker)
            for start, end in parts:
                if end - start < 2 or _quoted_share(start, end, others) >= 0.35:
                    continue
                if self.quote_around(start) not in (None, own, self.quote_around(end - 1)):
                    continue  # begins inside someone's quotation and runs out of it: a misparse
                draft = _Draft(start, end, "indirect")
                self.attach(draft, token)
                if draft.mention is not None:
                    draft.stance = cue_lemma(token) not in SPEECH_VERBS and not is_according(token)
                    drafts.append(draft)
        return _without_nested_stances(drafts)

    def finding_content(self, verb: Token) -> tuple[int, int] | None:
        """What a poll or study shows: "A new poll shows Clinton with a narrow lead"."""
        if not any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
            return None
        tokens = [t for t in verb.subtree if t.i > verb.i and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        tokens = _without_trailing_aside(tokens, verb)  # "…, with one poll showing her ahead"
        if not tokens:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def named_claims(self) -> list[_Draft]:
        """Lines that begin with a name and a colon ("Poll: Clinton and Trump in dead heat")."""
        drafts = []
        for p_start, p_end in self.paragraphs:
            match = _NAMED_CLAIM.match(self.text, p_start, p_end)
            if match is None or not self.in_body(p_start):
                continue
            name = match.group("name")
            if name.split()[0].lower().strip(".’'") in _NOT_SPEAKERS or (name.isupper() and len(name) > 3):
                continue
            start, end = match.span("claim")
            while end > start and self.text[end - 1] in " .,;:!?\u00a0":
                end -= 1
            if (
                len(self.text[start:end].split()) < 3
                or self.quote_around(start)
                or self.quote_around(end - 1)
            ):
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in self.tokens_between(p_start, match.start("colon"))):
                continue
            drafts.append(_Draft(start, end, "indirect", cue=match.span("colon"), mention=match.span("name")))
        return drafts

    def around_cue(self, content: tuple[int, int], cue: Token, speaker: Token) -> list[tuple[int, int]]:
        """The parts of a report before and after the cue that interrupts it ("X, she said, Y").

        Only when the cue and its subject sit between commas or dashes inside the report; otherwise
        nothing (the speaker would be part of what was said).
        """
        if cue.dep_ == "parataxis":
            block = {t.i for t in cue.subtree}
        else:
            inside = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp") and c.idx >= content[0]]
            block = {cue.i} | {
                t.i for c in cue.children if c not in inside for t in c.subtree if c.dep_ != "punct"
            }
        if speaker.i not in block:
            return []
        first, last = min(block), max(block)
        before = [t for t in self.tokens_between(content[0], self.doc[first].idx) if t.i not in block]
        after = [t for t in self.tokens_between(self.doc[last].idx, content[1]) if t.i not in block]
        marks = (",", "—", "–", "-", "--")
        asked = bool(before) and all(
            t.tag_ in ("WP", "WDT", "WRB") for t in before
        )  # "what Trump says his plan…"
        if not before or not (asked or any(self.doc[i].text in marks for i in (first - 1, first) if i >= 0)):
            return []
        parts = []
        for run in (before, after):
            while run and run[-1].is_punct and run[-1].text not in "”\"'’":
                run = run[:-1]
            while run and run[0].is_punct and run[0].text not in "“\"'‘":
                run = run[1:]
            if run:
                parts.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        return parts

    def reports_inside(self, own: tuple[int, int], speaker: Token, quoted: list[_Draft]) -> bool:
        """Whether a report inside a quotation counts as a statement of its own.

        Only in a quoted document with a named channel (a tweet, a statement, a letter) reporting
        what a third person said ("He vehemently denied it"); "I think…" or "we want…" in a
        quotation are the speaker's own words.
        """
        if speaker.lower_ in FIRST_SECOND_PERSON:
            return False
        return any((d.start, d.end) == own and d.channel for d in quoted)

    def in_body(self, offset: int) -> bool:
        return self.article.body.start <= offset < self.article.body.end

    def quote_is_its_cue(self, cue: Token, quoted: list[_Draft]) -> bool:
        span = self.cue_span(cue)
        return any(d.cue == span and d.kind == "direct" for d in quoted)

    def reported_content(self, verb: Token) -> tuple[int, int] | None:
        lemma = cue_lemma(verb)
        for child in verb.children:
            if child.dep_ == "ccomp" and child.i > verb.i:
                return self.clause_span(child)
        for child in verb.children:  # "The plan is dead, officials said."
            if child.dep_ == "ccomp" and not self.quote_around(child.idx):
                return self.clause_span(child)
        if verb.dep_ == "parataxis" and verb.head.i > verb.i and not self.quote_around(verb.head.idx):
            main = verb.head  # "The museum, Mr. Obama said, would make…": the clause around the cue
            while main.pos_ not in ("VERB", "AUX") and main.dep_ != "ROOT" and main.head.i != main.i:
                main = main.head
            if main.pos_ in ("VERB", "AUX"):
                tokens = [t for t in main.subtree if not t.is_space]
                return self.clause_span(main) if len(tokens) >= 4 else None
        if verb.dep_ == "parataxis" and verb.head.i < verb.i and not self.quote_around(verb.head.idx):
            main = verb.head
            while main.pos_ not in ("VERB", "AUX") and main.dep_ != "ROOT" and main.head.i != main.i:
                main = main.head
            if main.pos_ in ("VERB", "AUX") and main.right_edge.i > verb.right_edge.i:
                return self.clause_span(main)
            first = verb.head.left_edge.i
            last = min(t.i for t in verb.subtree)
            tokens = [t for t in verb.doc[first:last] if not t.is_space]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if len(tokens) >= 3:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if lemma in ("point", "refer"):  # "pointed to Britain's decision as an example of…"
            for child in verb.children:
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ == "to" and child.i > verb.i and objs:
                    last = max([t for t in verb.subtree if t.i > verb.i], key=lambda t: t.i)
                    tokens = [t for t in verb.doc[objs[0].left_edge.i : last.i + 1] if not t.is_space]
                    while tokens and tokens[-1].is_punct:
                        tokens.pop()
                    if tokens:
                        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        naming = naming_parts(verb)
        if naming is not None:  # "called the charges unsubstantiated", "compared it to working with…"
            first, last = naming
            tokens = [t for t in verb.doc[first.i : last.i + 1] if not t.is_space]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(c.dep_ == "nsubjpass" for c in verb.children) and any(
            c.dep_ == "agent" for c in verb.children
        ):
            subject = next(c for c in verb.children if c.dep_ == "nsubjpass")  # "was endorsed by the Times"
            if subject.tag_ not in ("WDT", "WP", "PRP") or self.quote_around(verb.idx):
                return self.clause_span(subject)
        if lemma in TO_CLAUSE_VERBS:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i:
                    return self.infinitives_span(verb, child)
        for child in verb.children:  # "saying that Trump’s willingness … stiffened his resolve" (misparsed)
            if child.dep_ == "dobj" and child.i > verb.i and child.left_edge.lower_ == "that":
                return self.clause_span(child)
        if lemma in OBJECT_VERBS:
            for child in verb.children:
                if child.dep_ == "dobj" and child.i > verb.i and child.pos_ != "PRON":
                    return self.object_span(verb, child)
                if child.dep_ == "dobj" and child.i > verb.i and self.quote_around(verb.idx):
                    return self.object_span(verb, child)
        for child in verb.children:  # "complained about his mic", "called for a repeal", "spoke of …"
            if child.dep_ == "prep" and child.lower_ in REPORT_PREPS and child.i > verb.i:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                objs = [g for g in objs if g.ent_type_ not in ("DATE", "TIME")]
                if objs and lemma not in ("say", "tell", "add", "write", "post", "tweet", "read"):
                    return self.clause_span(objs[0])
        for child in verb.children:  # "what the mayor said", "the cuts, which she plans": the pronoun
            if child.dep_ == "dobj" and child.i < verb.i and child.tag_ in ("WP", "WDT"):
                return child.idx, child.idx + len(child.text)
        if lemma in ("argue", "call", "push", "press", "warn", "accuse"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "against", "of") and child.i > verb.i:
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs:
                        return self.clause_span(objs[0])
            for token in verb.subtree:  # "argued during his campaign for a rapprochement"
                if (
                    token.i > verb.i
                    and token.lower_ == "for"
                    and token.dep_ == "prep"
                    and _depth(token, verb) <= 3
                ):
                    objs = [g for g in token.children if g.dep_ == "pobj"]
                    if objs:
                        return self.clause_span(objs[0])
        return None

    def infinitives_span(self, verb: Token, xcomp: Token) -> tuple[int, int]:
        """A "to" clause with the bare verbs listed after it: "wants to triple the corps, grow the
        reserve and create…" (the parser hangs "grow" and "create" on "wants")."""
        start, end = self.clause_span(xcomp)
        for child in verb.children:
            bare = child.dep_ == "conj" and child.tag_ == "VB" and child.i > xcomp.i
            if bare and not any(c.dep_ in SUBJECTS for c in child.children):
                end = max(end, self.clause_span(child)[1])
        return start, end

    def object_span(self, verb: Token, obj: Token) -> tuple[int, int]:
        """The object of a verb and what it is blamed or praised for: "criticised the officer for
        shooting an unarmed man", "attacked her rival as a fraud", "accused them of lying"."""
        start, end = self.clause_span(obj)
        last = obj.right_edge.i
        for child in sorted(verb.children, key=lambda c: c.i):
            if child.i <= last:
                continue
            if child.left_edge.i != last + 1 or child.dep_ not in VP_REST or self.is_setting(child):
                break  # a comma, a clause of its own, a new verb or a time and place end what was said
            if child.dep_ == "conj" and (
                (child.pos_ in ("VERB", "AUX") and child.tag_ != "VBG") or is_cue(child)
            ):
                break
            last = child.right_edge.i
            if child.dep_ != "cc":
                end = max(end, self.clause_span(child)[1])
        tokens = self.tokens_between(start, end)
        for token in tokens:  # "…as a fraud during the debate": the time hangs lower in the tree
            trailing = token.dep_ in ("prep", "npadvmod") and token.right_edge.i >= tokens[-1].i
            if trailing and token.i > obj.right_edge.i and self.is_setting(token):
                before = self.doc[token.i - 1]
                return start, before.idx + len(before.text)
        return start, end

    def is_setting(self, phrase: Token) -> bool:
        """Whether a phrase after a report says when or where it was made ("on Tuesday", "during a
        speech", "in a series of tweets"), not what was said."""
        if phrase.dep_ != "prep":
            return phrase.ent_type_ in ("DATE", "TIME")
        if phrase.lower_ in SETTING_PREPS:
            return True
        objects = [c for c in phrase.children if c.dep_ == "pobj"]
        if not objects:
            return False
        channel = phrase.lower_ in ("in", "on", "via", "through") and cue_lemma(objects[0]) in CHANNEL_NOUNS
        return channel or objects[0].ent_type_ in ("DATE", "TIME") or objects[0].lower_ in TIME_WORDS

    def attitude_content(self, word: Token) -> tuple[int, int] | None:
        """What a report noun or stance adjective is about: "critical of Trump", "claim that…"."""
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ATTITUDE_PREPS and child.i == word.i + 1:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                    return self.clause_span(objs[0])
        if word.pos_ == "NOUN":
            for child in word.children:
                marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
                if child.dep_ in ("acl", "ccomp") and child.i > word.i and marked:
                    return self.clause_span(child)
                # "her plan to raise taxes", "its decision to appeal": what someone intends
                planned = cue_lemma(word) in INTENTION_NOUNS and child.dep_ in ("acl", "relcl")
                if planned and child.i == word.i + 2 and child.nbor(-1).lower_ == "to":
                    return self.clause_span(child)
        return None

    def holder_token(self, word: Token) -> Token | None:
        """Who holds a stated view: "his comment", "Trump’s claim", "Graham has been critical"."""
        for child in word.children:
            if child.dep_ == "poss":
                return child
        for child in word.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        head = word.head
        if word.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        elif word.dep_ not in ("dobj", "attr", "acomp", "oprd"):
            return None
        if head.i == word.i or head.pos_ not in ("VERB", "AUX"):
            return None
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ not in ("WDT",):
                if child.tag_ == "WP" and head.dep_ == "relcl":
                    return head.head
                return child
        return None

    def clause_span(self, head: Token) -> tuple[int, int]:
        tokens = [t for t in head.subtree if not t.is_space]
        for token in tokens:
            if token.i > head.i and coordinated_cue(token):  # "…would close the bridge and suggested…"
                tokens = [t for t in tokens if t.i < token.left_edge.i]
                while tokens and tokens[-1].dep_ == "cc":
                    tokens.pop()
                break
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’"):
            tokens.pop()
        while tokens and tokens[0].is_punct and tokens[0].text not in "“\"'‘":
            tokens.pop(0)
        tokens = _without_trailing_aside(tokens, head)
        if not tokens:
            return head.idx, head.idx
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        p = self.paragraphs[self.paragraph_of(start)]
        return start, min(end, p[1])

    def according_content(self, according: Token) -> tuple[int, int] | None:
        sentence = according.sent
        phrase = list(according.subtree)
        if according.i + 1 < len(according.doc) and according.nbor(1).lower_ == "to":
            phrase = sorted(set(phrase) | set(according.nbor(1).subtree), key=lambda t: t.i)
        first, last = phrase[0].i, phrase[-1].i
        before = [t for t in sentence if t.i < first and not t.is_space]
        after = [t for t in sentence if t.i > last and not t.is_space]
        part = before if len(before) >= len(after) else after
        part = [t for t in part if not t.is_space]
        while part and part[-1].is_punct:
            part.pop()
        while part and part[0].is_punct:
            part.pop(0)
        if len(part) < 3:
            return None
        return part[0].idx, part[-1].idx + len(part[-1].text)

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


def _without_nested_stances(drafts: list[_Draft]) -> list[_Draft]:
    """Reports without the stances that are part of another report: in "Lee said she plans to run"
    and "Lee announced a plan to run", her plan is what she said, not a second statement."""

    def nested(stance: _Draft, report: _Draft) -> bool:
        return report.start <= stance.cue[0] and stance.cue[1] <= report.end

    reports = [d for d in drafts if not d.stance and d.cue is not None]
    return [d for d in drafts if not d.stance or d.cue is None or not any(nested(d, r) for r in reports)]


def _copy_speaker(draft: _Draft, source: _Draft) -> None:
    draft.mention = source.mention
    draft.channel = source.channel
    draft.floating = True


def _without_trailing_aside(tokens: list[Token], head: Token) -> list[Token]:
    """A report without what the reporter adds at its end: "…to Scott, who has never faced…"; and
    without what follows a semicolon."""
    for k, token in enumerate(tokens):
        if token.text == ";" and k >= 2:
            tokens = tokens[:k]
            break
    if not tokens:
        return tokens
    last = tokens[-1].i
    for token in tokens[1:]:
        aside = (token.dep_ in ("relcl", "appos") and token.head.i != head.i) or _is_trailing_modifier(token)
        if not aside or token.right_edge.i < last:
            continue
        comma = token.left_edge.i - 1
        if comma >= 0 and token.doc[comma].text in _ASIDE_MARKS and comma > tokens[0].i + 1:
            kept = [t for t in tokens if t.i < comma]
            if len(kept) >= 2:
                return kept
    return tokens


def _is_trailing_modifier(token: Token) -> bool:
    """Whether a phrase after a comma is the reporter's comment on a report, not part of it.

    ", although it may take days…", ", citing the risks", ", with one poll showing…", ", more than
    forecast": a concession, a participle, an absolute "with" phrase or a comparison. A "because"
    or "if" clause stays: it gives the speaker's reason or condition.
    """
    first = token.left_edge
    if token.dep_ == "advcl":
        participle = token.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in token.children
        )
        return participle or first.lower_ in _CONCESSIVE
    if token.dep_ == "prep":
        return token.lower_ in ("with", "aside")
    return token.dep_ in ("advmod", "npadvmod") and first.lower_ in ("more", "less")


def _head_of_name(token: Token) -> Token:
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _depth(token: Token, top: Token) -> int:
    """How many steps up the tree from ``token`` to ``top`` (99 if ``top`` is not above it)."""
    steps = 0
    while token.i != top.i:
        if token.head.i == token.i or steps > 20:
            return 99
        token, steps = token.head, steps + 1
    return steps


def _under(token: Token, top: Token, deps: tuple[str, ...]) -> bool:
    """Whether the path from ``token`` up to ``top`` passes through one of these relations."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _contiguous_upto(words: list[Token], head: Token) -> list[Token]:
    if not words:
        return words
    out = [w for w in words if w.i <= head.i]
    after = [w for w in words if w.i > head.i]
    # keep only the run of words that directly precede the head
    run = []
    expected = head.i
    for w in reversed(out):
        if w.i == expected:
            run.append(w)
            expected -= 1
    run.reverse()
    expected = head.i + 1
    for w in after:
        if w.i != expected:
            break
        run.append(w)
        expected += 1
    return run


def _quoted_share(start: int, end: int, covered: Iterable[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in covered)
    return inside / max(end - start, 1)


def _entity_at(cast: Sequence[Any], start: int, end: int) -> Any | None:
    """The cast entity one of whose mentions overlaps ``start:end`` (see ``newslab.people.entity_at``)."""
    if not cast:
        return None
    from newslab.layers.cast.find import entity_at

    return entity_at(list(cast), start, end)
