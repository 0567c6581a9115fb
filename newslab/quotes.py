"""Who said what: every attributed statement in an article, its kind, its speaker, cue and channel.

Three kinds of statement:

- **direct**: whole sentences in quotation marks — ``“There has been no penalty,” McCain told CBS.``
- **partial**: a quoted fragment inside the reporter's own sentence — ``was “not the dumbest idea…”``
- **indirect**: reported speech without quotation marks — ``Moscow has denied any interference``,
  ``X told CNN that…``, ``…, according to officials``.

A quote with no speech verb (cue) in its own sentence is **floating**: its speaker carries over from
the previous attribution, also across a paragraph break. The speaker is first found as a *mention*
in the text (a name, a description such as "the US president", or a pronoun such as "he"); the cast
(``newslab.people``) then names the person it refers to.

Example:
    >>> from newslab import load_article
    >>> table = quotes_table(load_article("trump-russia-cyber"))
    >>> table[["speaker", "kind", "text"]].head(3)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab.quotemarks import QuotedSpan, quoted_spans
from newslab.render import PALETTE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from spacy.tokens import Doc, Token

    from newslab.annotations import Annotation
    from newslab.article import Article

KINDS = ("direct", "partial", "indirect")

QUOTE_COLUMNS = [
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_mention",
    "cue",
    "channel",
    "floating",
    "paragraph",
    "sentence",
    "words",
    "text",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs that introduce what someone said (their lemmas).
SPEECH_VERBS = _wordset(
    """say tell add state claim argue insist deny explain note write tweet post ask answer reply respond warn
    suggest declare announce acknowledge admit conclude contend maintain assert remark recall observe complain
    caution predict promise pledge vow urge report confirm testify allege emphasize emphasise stress concede
    boast quip joke recount reiterate repeat counter retort agree disagree mention describe indicate reveal
    signal propose recommend threaten demand question wonder muse lament charge blast slam accuse criticize
    criticise condemn praise dismiss reject defend blame attack call estimate believe think hope fear expect
    continue sing read yell shout comment chant scream rule rate label cite dub term brand liken hail tout
    decry"""
)
_FIRST_SECOND_PERSON = _wordset("i we you me us")
_REPORT_PREPS = _wordset("about of for on against over")
# Verbs of stance and intention: reported statements ("she wants to triple…"), never the cue of a quote.
STANCE_VERBS = _wordset("support endorse want plan oppose seek intend decline refuse talk speak apologize")
# Verbs whose object (not a clause) is the statement: "denied any interference", "criticised the idea".
OBJECT_VERBS = _wordset(
    """deny criticize criticise condemn praise dismiss reject defend blame attack accuse slam blast question
    announce acknowledge admit confirm propose recommend demand predict promise pledge vow cite mention
    support endorse want tout oppose describe"""
)
# Verbs that report a statement only when followed by a clause ("thinks that…", not "thinks").
CLAUSE_ONLY = _wordset("believe think hope fear expect wonder call describe indicate signal")
# Verbs whose "to"-clause is the statement: "vowed to form a task force".
TO_CLAUSE_VERBS = _wordset(
    "promise pledge vow threaten urge call tell ask warn want plan hope expect seek intend agree decline refuse"
)
# Nouns that name the cue itself when used bare after an auxiliary: "Trump had tweet: …".
NOUN_CUES = _wordset("tweet tweets")
# Nouns that name a channel: "in a statement", "in a series of tweets".
CHANNEL_NOUNS = _wordset(
    """tweet tweets statement interview post email letter speech video message op-ed column blog release
    briefing conference appearance podcast broadcast show program programme address radio television tv
    series remarks comments testimony hearing rally memo note article essay report filing ad"""
)
_CHANNEL_VERBS = {"tweet": "tweet", "post": "post", "write": None, "testify": "testimony"}
_TIME_WORDS = _wordset(
    "morning afternoon evening night weekend today yesterday monday tuesday wednesday thursday friday saturday sunday"
)
_PRONOUNS = _wordset("he she they it i we you him her them who his hers")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# “WALLACE: Let’s start…”: a transcript line, the speaker's name in capitals and a colon.
_TRANSCRIPT = re.compile(
    r"(?:``|''|[“\"„«])[ \u00a0]*(?P<name>[A-Z][A-Z.’' -]{1,30}[A-Z.])(?P<colon>:)[ \u00a0]"
)
# “…” ― Jane Doe: a quote signed with a dash and a name of up to five capitalised words, ending the paragraph.
_SIGNATURE = re.compile(
    r"[ \u00a0]*(?P<dash>―|—|–|--?)[ \u00a0]*(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,4}?)[.,]?[ \u00a0]*$"
)
_TITLE_SMALL_WORDS = _wordset("of the a an and in on for to with at by & or from")
_SENTENCE_END = frozenset({".", "!", "?", "…", "....", "....."})


@dataclass(frozen=True)
class Quote:
    """One attributed statement: what was said, its kind, who said it, how and where.

    Attributes:
        start, end, text: where the statement is (``article.text[start:end] == text``); for direct
            and partial quotes the quotation marks are included.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        speaker: the speaker's canonical name (from the cast), or ``None`` when nobody is named.
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


# ---------------------------------------------------------------- the finder


def find_quotes(article: Article, doc: Doc, cast: Sequence[Any] = ()) -> list[Quote]:
    """Find every attributed statement in an article and who made it.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).
        cast: its people and organisations (``newslab.people.find_cast``); used to turn a speaker
            mention such as "he" or "the US president" into a name. May be empty.

    Returns:
        Quotes in text order (by start, then end). Unbalanced quotation marks are handled, never an error.

    Example:
        >>> quotes = find_quotes(article, parse(article), cast)
        >>> quotes[0].kind, quotes[0].speaker, quotes[0].cue
        ('partial', 'Donald Trump', 'had said')
    """
    finder = _Finder(article, doc)
    quoted = finder.quoted()
    drafts = quoted + finder.indirect(quoted)
    drafts.sort(key=lambda d: (d.start, d.end))
    finder.carry(drafts)
    drafts = [d for d in drafts if d.mention is not None or d.kind == "direct"]
    finder.named = sorted(
        {d.mention for d in drafts if d.mention and article.text[slice(*d.mention)].lower() not in _PRONOUNS}
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
        self.spans = quoted_spans(self.text, self.paragraphs)
        self.inside = [(s.start, s.end) for s in self.spans]
        self.inside_starts = [s.start for s in self.spans]
        self.token_starts = [t.idx for t in doc]
        self.named: list[tuple[int, int]] = []

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
        for span in self.spans:
            if not span.continued:
                group += 1
            draft = _Draft(span.start, span.end, self.kind_of(span), span=span, group=group)
            if draft.kind == "partial" and self.is_title(span):
                continue
            signature = self.signature(span) or self.transcript_speaker(span)
            cue = None if signature else self.cue_for_quote(span, draft.kind)
            if signature:
                draft.cue, draft.mention = signature
            elif cue is not None:
                self.attach(draft, cue)
            drafts.append(draft)
        return drafts

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
            if tail and (_is_cue(tail[-1]) or tail[-1].pos_ in ("PROPN", "PRON", "NOUN")):
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
        introduced = len(left) >= 2 and left[-1].text in (",", ":") and _is_cue(left[-2])
        if introduced and self.speaker_token(left[-2]) is not None:
            return left[-2]
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
                if _is_cue(head) and same_paragraph and self.speaker_token(head) is not None:
                    return head
        # 2. a speech verb next to the quotation in its sentence
        inner = self.text[span.start : span.end].rstrip("“”\"'‘’ ")
        after_first = (bool(inner) and inner[-1] in ",?!—–-…") or (right and right[0].text == ",")
        left_cues = [t for t in reversed(left) if _is_cue(t) or _according(t)]
        right_cues = [t for t in right if _is_cue(t) or _according(t)]
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
        # 4. a partial quote: the verb it hangs from, if someone does it ("called him a “genius”")
        if kind == "partial":
            for token in tokens[:3]:
                head = token
                for _ in range(4):
                    head = head.head
                    if self.quote_around(head.idx) == (span.start, span.end):
                        continue
                    if head.pos_ == "VERB" and not self.quote_around(head.idx):
                        speaker = self.speaker_token(head)
                        if speaker is not None and _names_someone(speaker):
                            return head
                        break
                    if head.head.i == head.i:
                        break
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
            listed = draft.mention is None and previous is not None and draft.kind == "partial"
            if listed and self.sentence_of(previous.start) == self.sentence_of(draft.start):
                # “…”, “…” and “…”: fragments listed in one sentence share its attribution
                _copy_speaker(draft, previous)
                draft.cue, draft.floating = previous.cue, False
            nested = draft.span is None and self.quote_around(draft.start) is not None
            if draft.mention is not None and not nested:
                previous = draft

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
        if any(_is_cue(t) for t in tokens):
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
        return speaker

    def _speaker_token(self, cue: Token) -> Token | None:
        if _according(cue):
            for child in cue.children:
                if child.lower_ == "to":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return grandchild
            following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            if following is not None and following.lower_ == "to":
                for grandchild in following.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
            return None
        token = cue
        for _ in range(4):
            subjects = [
                c
                for c in token.children
                if c.dep_ in _SUBJECTS and self.quote_around(c.idx) == self.quote_around(cue.idx)
            ]
            if subjects:
                subject = subjects[0]
                if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    return token.head
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
                continue
            if (
                token.dep_ in ("relcl", "acl")
                and token.head.i != token.i
                and token.head.pos_ in ("PROPN", "NOUN")
            ):
                return token.head  # "footage of Hillary Clinton asking, “…”"
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
        if _according(cue):
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
        if _CHANNEL_VERBS.get(cue.lemma_):
            return _CHANNEL_VERBS[cue.lemma_]
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
            if token.dep_ == "det" or token.ent_type_ in ("DATE", "TIME") or token.lower_ in _TIME_WORDS:
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
            if _according(token):
                content = self.according_content(token)
            elif _is_cue(token, stance=True) and token.pos_ in ("VERB", "AUX"):
                content = self.reported_content(token)
            if content is None:
                continue
            start, end = content
            own = self.quote_around(token.idx)
            others = [c for c in covered if c != own]
            if end - start < 2 or _quoted_share(start, end, others) >= 0.35:
                continue
            if self.quote_is_its_cue(token, quoted):
                continue
            speaker = self.speaker_token(token)
            if speaker is None or (speaker.idx >= start and speaker.idx < end):
                continue
            if own is not None and not self.reports_inside(own, speaker, quoted):
                continue
            draft = _Draft(start, end, "indirect")
            self.attach(draft, token)
            if draft.mention is not None:
                drafts.append(draft)
        return drafts

    def reports_inside(self, own: tuple[int, int], speaker: Token, quoted: list[_Draft]) -> bool:
        """Whether a report inside a quotation counts as a statement of its own.

        Only in a quoted document with a named channel (a tweet, a statement, a letter) reporting
        what a third person said ("He vehemently denied it"); "I think…" or "we want…" in a
        quotation are the speaker's own words.
        """
        if speaker.lower_ in _FIRST_SECOND_PERSON:
            return False
        return any((d.start, d.end) == own and d.channel for d in quoted)

    def in_body(self, offset: int) -> bool:
        return self.article.body.start <= offset < self.article.body.end

    def quote_is_its_cue(self, cue: Token, quoted: list[_Draft]) -> bool:
        span = self.cue_span(cue)
        return any(d.cue == span and d.kind == "direct" for d in quoted)

    def reported_content(self, verb: Token) -> tuple[int, int] | None:
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if child.dep_ == "ccomp" and child.i > verb.i:
                return self.clause_span(child)
        for child in verb.children:  # "The plan is dead, officials said."
            if child.dep_ == "ccomp" and not self.quote_around(child.idx):
                return self.clause_span(child)
        if verb.dep_ == "parataxis" and verb.head.i < verb.i and not self.quote_around(verb.head.idx):
            first = verb.head.left_edge.i
            last = min(t.i for t in verb.subtree)
            tokens = [t for t in verb.doc[first:last] if not t.is_space]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if len(tokens) >= 3:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if lemma in TO_CLAUSE_VERBS:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i:
                    return self.clause_span(child)
        for child in verb.children:  # "saying that Trump’s willingness … stiffened his resolve" (misparsed)
            if child.dep_ == "dobj" and child.i > verb.i and child.left_edge.lower_ == "that":
                return self.clause_span(child)
        if lemma in OBJECT_VERBS:
            for child in verb.children:
                if child.dep_ == "dobj" and child.i > verb.i and child.pos_ != "PRON":
                    return self.clause_span(child)
                if child.dep_ == "dobj" and child.i > verb.i and self.quote_around(verb.idx):
                    return self.clause_span(child)
        for child in verb.children:  # "complained about his mic", "called for a repeal", "spoke of …"
            if child.dep_ == "prep" and child.lower_ in _REPORT_PREPS and child.i > verb.i:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and lemma not in ("say", "tell", "add", "write", "post", "tweet", "read"):
                    return self.clause_span(objs[0])
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

    def clause_span(self, head: Token) -> tuple[int, int]:
        tokens = [t for t in head.subtree if not t.is_space]
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’"):
            tokens.pop()
        while tokens and tokens[0].is_punct and tokens[0].text not in "“\"'‘":
            tokens.pop(0)
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

    def finish(self, draft: _Draft, cast: Sequence[Any]) -> Quote:
        speaker = mention_text = None
        m_start = m_end = None
        if draft.mention is not None:
            m_start, m_end = draft.mention
            mention_text = self.text[m_start:m_end]
            speaker = self.name_speaker(m_start, m_end, cast)
        cue = cue_start = cue_end = None
        if draft.cue is not None:
            cue_start, cue_end = draft.cue
            cue = self.text[cue_start:cue_end]
        return Quote(
            start=draft.start,
            end=draft.end,
            text=self.text[draft.start : draft.end],
            kind=draft.kind,
            speaker=speaker,
            speaker_mention=mention_text,
            speaker_start=m_start,
            speaker_end=m_end,
            cue=cue,
            cue_start=cue_start,
            cue_end=cue_end,
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
        if mention.lower() in _PRONOUNS or mention.lower() in ("who", "which"):
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


def _copy_speaker(draft: _Draft, source: _Draft) -> None:
    draft.mention = source.mention
    draft.channel = source.channel
    draft.floating = True


def _is_cue(token: Token, *, stance: bool = False) -> bool:
    """Whether a word introduces a statement (with ``stance``, also "wants", "supports", "plans"…)."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma in CLAUSE_ONLY:
            clause = any(c.dep_ == "ccomp" for c in token.children)
            called_for = lemma == "call" and any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in token.children
            )
            return clause or (stance and called_for)
        return lemma in SPEECH_VERBS or (stance and lemma in STANCE_VERBS)
    if token.lower_ in NOUN_CUES and not any(c.dep_ == "det" for c in token.children):
        return token.i > 0 and token.nbor(-1).lower_ in ("had", "has", "have")
    return False


def _names_someone(token: Token) -> bool:
    """Whether a word can name a speaker on its own: a person, an organisation, a name or a pronoun."""
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.pos_ == "PROPN"
        or token.lower_ in _PRONOUNS
    )


def _according(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"


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
    from newslab.people import entity_at

    return entity_at(list(cast), start, end)


# ---------------------------------------------------------------- tables, records, HTML, plots

KIND_COLOURS = {"direct": PALETTE["blue"], "partial": PALETTE["sky_blue"], "indirect": PALETTE["orange"]}
_PARTIES = (
    (re.compile(r"\b(Republicans?|GOP)\b"), "Republican"),
    (re.compile(r"\b(Democrats?|Democratic)\b"), "Democratic"),
    (re.compile(r"\b(Independent)\b"), "Independent"),
    (re.compile(r"\b(Libertarian)\b"), "Libertarian"),
    (re.compile(r"\b(Green Party)\b"), "Green"),
    (re.compile(r"\b(Labour)\b"), "Labour"),
    (re.compile(r"\b(Conservatives?|Tory|Tories)\b"), "Conservative"),
    (re.compile(r"\b(Liberal Democrats?)\b"), "Liberal Democrat"),
)


def quotes_table(article: Article, *, kinds: Iterable[str] = KINDS) -> pd.DataFrame:
    """The who-said-what table: one row per statement, in text order.

    Columns: ``id`` (Q1, Q2, … in text order), ``start``, ``end``, ``kind``, ``speaker``,
    ``speaker_mention``, ``cue``, ``channel``, ``floating``, ``paragraph``, ``sentence``, ``words``
    (how many words were quoted) and ``text``.

    Args:
        article: the article.
        kinds: which kinds of statement to keep (default all three).

    Example:
        >>> quotes_table(load_article("trump-russia-cyber"), kinds=["direct"])[["speaker", "cue"]].head(2)
    """
    import pandas as pd

    from newslab.analysis import analyze

    wanted = _check_kinds(kinds)
    rows = []
    for number, quote in enumerate(analyze(article).quotes, start=1):
        if quote.kind not in wanted:
            continue
        rows.append(
            {
                "id": f"Q{number}",
                "start": quote.start,
                "end": quote.end,
                "kind": quote.kind,
                "speaker": quote.speaker,
                "speaker_mention": quote.speaker_mention,
                "cue": quote.cue,
                "channel": quote.channel,
                "floating": quote.floating,
                "paragraph": quote.paragraph,
                "sentence": quote.sentence,
                "words": _word_count(quote.text),
                "text": quote.text,
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *QUOTE_COLUMNS])
    for column in ("speaker", "speaker_mention", "cue", "channel"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.reset_index(drop=True)


def _check_kinds(kinds: Iterable[str]) -> set[str]:
    from newslab import errors

    wanted = {kinds} if isinstance(kinds, str) else set(kinds)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise errors.InvalidInput(f"`{unknown[0]}` is not a kind of quote: the kinds are {', '.join(KINDS)}.")
    return wanted


def _word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[’'][^\W_]+)*", text))


def to_annotations(quotes: Iterable[Quote]) -> list[Annotation]:
    """The quotes as ``QUOTE`` annotation records, to compare with a gold file or a student's work.

    Each record's ``attrs`` hold ``kind``, ``speaker``, ``speaker_start``, ``speaker_end``, ``cue``
    and ``channel``.

    Example:
        >>> records = to_annotations(analyze(article).quotes)
        >>> records[0].label, records[0].attrs["kind"]
        ('QUOTE', 'partial')
    """
    from newslab.annotations import Annotation

    return [
        Annotation(
            quote.start,
            quote.end,
            "QUOTE",
            quote.text,
            {
                "kind": quote.kind,
                "speaker": quote.speaker,
                "speaker_start": quote.speaker_start,
                "speaker_end": quote.speaker_end,
                "cue": quote.cue,
                "channel": quote.channel,
            },
        )
        for quote in quotes
    ]


def quotes_html(article: Article, *, kinds: Iterable[str] = KINDS) -> str:
    """The article's body as HTML with every statement highlighted and tied to its speaker.

    Each statement is marked ``Q<n> kind · speaker``; the words naming its speaker are marked
    ``speaker of Q<n>`` (hover over a mark to see the cue and channel).

    Example:
        >>> from IPython.display import HTML
        >>> HTML(quotes_html(load_article("trump-russia-cyber")))
    """
    from newslab.render import PALETTE, highlight_html

    table = quotes_table(article, kinds=kinds)
    quotes = {q.start: q for q in _analysed(article)}
    spans: list[dict] = []
    speakers: dict[tuple[int, int], list[str]] = {}
    for row in table.itertuples(index=False):
        quote = quotes.get(row.start)
        who = row.speaker or "speaker unknown"
        details = [f"{row.kind} quote", f"speaker: {who}"]
        if row.cue:
            details.append(f"cue: {row.cue}")
        if row.channel:
            details.append(f"channel: {row.channel}")
        if row.floating:
            details.append("floating: speaker carried from the previous attribution")
        spans.append(
            {
                "start": int(row.start),
                "end": int(row.end),
                "label": "QUOTE",
                "tag": f"{row.id} {row.kind} · {who}",
                "title": "; ".join(details),
                "colour": KIND_COLOURS[row.kind],
            }
        )
        if quote is not None and quote.speaker_start is not None:
            speakers.setdefault((quote.speaker_start, quote.speaker_end), []).append(row.id)
    for (start, end), ids in speakers.items():
        spans.append(
            {
                "start": start,
                "end": end,
                "label": "PERSON",
                "tag": f"speaker of {', '.join(ids)}",
                "title": f"the speaker of {', '.join(ids)}",
                "colour": PALETTE["vermillion"],
            }
        )
    return highlight_html(article.text, spans, start=article.body.start, end=article.body.end)


def _analysed(article: Article) -> list[Quote]:
    from newslab.analysis import analyze

    return list(analyze(article).quotes)


def speaker_parties(article: Article) -> pd.DataFrame:
    """The party of each person quoted, as the text states it ("not stated" when it does not).

    The party comes from the words the text uses about the speaker: their role in the cast
    ("Republican senator of Arizona", "top Democrat on the House Intelligence Committee") or the
    words that name them ("Three Republican senators").

    Returns:
        Columns ``speaker``, ``party``, ``evidence`` (the words that say so), ``quotes`` and ``words``
        (how many statements and quoted words), sorted by words quoted, then speaker.
    """
    import pandas as pd

    from newslab.analysis import analyze

    table = quotes_table(article)
    roles = {e.name: (e.role or "") for e in analyze(article).cast}
    rows = []
    for speaker, group in table.dropna(subset=["speaker"]).groupby("speaker", sort=True):
        party, evidence = "not stated", ""
        for words in (roles.get(speaker, ""), speaker):
            found = next((name for pattern, name in _PARTIES if pattern.search(words)), None)
            if found:
                party, evidence = found, words
                break
        rows.append(
            {
                "speaker": speaker,
                "party": party,
                "evidence": evidence,
                "quotes": len(group),
                "words": int(group["words"].sum()),
            }
        )
    frame = pd.DataFrame(rows, columns=["speaker", "party", "evidence", "quotes", "words"])
    return frame.sort_values(["words", "speaker"], ascending=[False, True]).reset_index(drop=True)


def voices_table(table: pd.DataFrame) -> pd.DataFrame:
    """Words quoted per speaker and kind (rows: speakers, most words first; columns: kinds)."""
    data = table.assign(speaker=table["speaker"].fillna("(unknown)"))
    pivot = data.pivot_table(index="speaker", columns="kind", values="words", aggfunc="sum", fill_value=0)
    pivot = pivot.reindex(columns=list(KINDS), fill_value=0)
    pivot["total"] = pivot.sum(axis=1)
    pivot = (
        pivot.reset_index().sort_values(["total", "speaker"], ascending=[False, True]).set_index("speaker")
    )
    pivot.columns.name = None
    return pivot.astype(int)


def plot_voices(
    table: pd.DataFrame, *, top: int = 12, title: str = "Who gets a voice", ax: Axes | None = None
) -> Axes:
    """A bar chart of the words quoted per speaker, split by kind (direct, partial, indirect).

    Args:
        table: a who-said-what table (``quotes_table(article)``).
        top: how many speakers to show (those with most words).
        title: the figure's title.
        ax: axes to draw on (default: a new figure).

    Returns:
        The axes, with an alt-text description attached.
    """
    from newslab.figures import new_axes, set_alt_text

    voices = voices_table(table).head(top).iloc[::-1]
    ax = ax or new_axes(height=max(2.5, 0.45 * len(voices) + 1.2))
    left = [0] * len(voices)
    for kind in KINDS:
        values = voices[kind].tolist()
        ax.barh(
            voices.index.tolist(), values, left=left, color=KIND_COLOURS[kind], label=kind, edgecolor="white"
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title(title)
    ax.set_xlabel("words quoted or reported")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", loc="lower right", frameon=False)
    ranked = voices.iloc[::-1]
    parts = [f"{name} {int(row['total'])} words" for name, row in ranked.head(5).iterrows()]
    description = (
        f"Horizontal bar chart of words quoted per speaker, split into direct, partial and indirect. "
        f"{len(ranked)} speakers; most words: {', '.join(parts)}."
        if parts
        else "No quotes were found."
    )
    return set_alt_text(ax, description)


def plot_quote_positions(
    table: pd.DataFrame, *, title: str = "Where the quotes sit in the story", ax: Axes | None = None
) -> Axes:
    """Each statement as a mark along the story (paragraph number), one row per speaker.

    Args:
        table: a who-said-what table (``quotes_table(article)``).
        title: the figure's title.
        ax: axes to draw on (default: a new figure).

    Returns:
        The axes, with an alt-text description attached.
    """
    from newslab.figures import new_axes, set_alt_text

    data = table.assign(speaker=table["speaker"].fillna("(unknown)"))
    order = data.groupby("speaker", sort=True)["start"].min().sort_values().index.tolist()
    rows = {name: i for i, name in enumerate(reversed(order))}
    ax = ax or new_axes(height=max(2.5, 0.4 * len(order) + 1.2))
    markers = {"direct": "o", "partial": "s", "indirect": "^"}
    nudge = {
        "direct": 0.0,
        "partial": 0.18,
        "indirect": -0.18,
    }  # kinds side by side, not on top of each other
    for kind in KINDS:
        part = data[data["kind"] == kind]
        ax.scatter(
            part["paragraph"].tolist(),
            [rows[s] + nudge[kind] for s in part["speaker"]],
            marker=markers[kind],
            s=70,
            color=KIND_COLOURS[kind],
            label=kind,
            edgecolors="black",
            linewidths=0.5,
        )
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_title(title)
    ax.set_xlabel("paragraph of the story (0 = first)")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", loc="best", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    first = order[0] if order else "nobody"
    description = (
        f"Dot chart of {len(data)} statements along the story by paragraph, one row per speaker in order of "
        f"first appearance (first: {first}); circles direct, squares partial, triangles indirect."
    )
    return set_alt_text(ax, description)
