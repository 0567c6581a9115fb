"""The attribution engine behind ``newslab.quotes``: cues, speakers, channels and floating quotes.

``attribute(article, doc, cast)`` finds every statement in an article (quoted with quotation marks or
reported without them), the verb or phrase that introduces it (the *cue*: "said", "told", "according
to"), the words that name who made it (the *speaker mention*: a name, a description or a pronoun)
and, when the text says so, where it was made (the *channel*: a tweet, a statement, "NBC’s Meet the
Press"). A quote with no cue of its own takes the speaker of the attribution it continues.
When a sentence offers several people who could have said a quote, a small learned model
(:mod:`newslab.layers.quotes.speaker_model`, trained on PolNeAR news articles) makes the final
choice among them; ``explain_speakers`` says why each one won.

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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslab.layers.quotemarks import Regions, quotations
from newslab.layers.quotes.candidates import Rescue, _SpeakerCandidates
from newslab.layers.quotes.channels import _Channels
from newslab.layers.quotes.cues import (
    PRONOUNS,
)
from newslab.layers.quotes.drafts import Attribution, _Draft
from newslab.layers.quotes.fragment_model import keep_reasons, load_fragment_model
from newslab.layers.quotes.indexes import Runs
from newslab.layers.quotes.naming import _Naming
from newslab.layers.quotes.reported import _ReportedSpeech
from newslab.layers.quotes.speaker_model import Candidate
from newslab.layers.quotes.speakers import _Speakers
from newslab.layers.quotes.statements import _QuotedStatements
from newslab.layers.quotes.tokens import _SENTENCE_END

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article


def attribute(article: Article, doc: Doc, cast: Sequence[Any] = ()) -> list[Attribution]:
    """Find every attributed statement in an article: its span, kind, cue, speaker and channel.

    Takes the same arguments as ``newslab.layers.quotes.find.find_quotes``, which turns these
    offsets-only records into the ``Quote`` rows the notebooks show. Statements come in text order
    (by start, then end); unbalanced quotation marks are never an error.
    """
    finder, drafts = _ruled_drafts(article, doc)
    finder.rechoose_speakers(drafts)
    finder.rescue_fragments(drafts)
    # a quotation whose speaker the article never gives (no cue, no attribution to continue) answers
    # no "who said what": a row with no speaker would only stand for the reporter's scare quotes
    drafts = [d for d in drafts if d.mention is not None]
    finder.named = sorted(
        {d.mention for d in drafts if d.mention and article.text[slice(*d.mention)].lower() not in PRONOUNS}
    )
    return [finder.finish(d, cast) for d in drafts]


def _ruled_drafts(article: Article, doc: Doc) -> tuple[_Finder, list[_Draft]]:
    """Every statement as the rules attribute it, before the speaker model has its say."""
    finder = _Finder(article, doc)
    quoted = finder.quoted()
    drafts = quoted + finder.indirect(quoted) + finder.named_claims()
    drafts.sort(key=lambda d: (d.start, d.end))
    finder.carry(drafts)
    return finder, drafts


def speaker_candidates(article: Article, doc: Doc) -> list[tuple[int, int, str, list[Candidate]]]:
    """For each quote the rules attribute, its span, kind and candidate speakers (the rules' pick first).

    This is what ``scripts/train_speaker_model.py`` learns from; the previous quote's speaker is the
    rules' one, as no model has chosen yet.
    """
    finder, drafts = _ruled_drafts(article, doc)
    out = []
    previous: _Draft | None = None
    for draft in drafts:
        if finder.is_choosable(draft):
            out.append((draft.start, draft.end, draft.kind, finder.speaker_candidates(draft, previous)))
        if draft.mention is not None and not finder.is_nested(draft, previous):
            previous = draft
    return out


def fragment_decisions(article: Article, doc: Doc) -> list[Rescue]:
    """The fragment model's decision on each quotation the rules left without a speaker.

    This is what ``scripts/train_speaker_model.py`` learns the fragment model from, and what
    :func:`explain_fragments` shows.
    """
    finder, drafts = _ruled_drafts(article, doc)
    finder.rechoose_speakers(drafts)
    return finder.rescue_fragments(drafts)


def explain_fragments(article: Article, doc: Doc) -> list[dict[str, Any]]:
    """Why each quotation the rules left without a speaker was kept or dropped.

    Returns one JSON-safe dict per such quotation: ``quote``, ``speaker`` (the speaker model's pick),
    ``chance`` (the fragment model's estimate that the quote and the speaker are right), ``kept``
    and ``reasons`` (the features that pushed the chance most, with how much each pushed).

    Example:
        >>> explain_fragments(article, parse(article))[0]["kept"]
        False
    """
    weights, _ = load_fragment_model()
    text = article.text
    return [
        {
            "quote": text[d.draft.start : d.draft.end],
            "speaker": text[slice(*d.choice.chosen.mention)],
            "chance": round(d.chance, 3),
            "kept": d.kept,
            "reasons": keep_reasons(d.features, weights),
        }
        for d in fragment_decisions(article, doc)
    ]


def explain_speakers(article: Article, doc: Doc) -> list[dict[str, Any]]:
    """Why each quote got its speaker: the candidates the model weighed, their chances and the reasons.

    Returns one JSON-safe dict per quote the model chose for (quotes with a single candidate are
    left out): ``quote``, ``chosen`` (the words naming the speaker), ``candidates`` (each with
    ``mention``, ``origin`` and ``probability``) and ``reasons`` (the features that set the winner
    apart from the runner-up, with how much each pushed).

    Example:
        >>> explain_speakers(article, parse(article))[0]["reasons"][0]
        ('side=after', 0.62)
    """
    finder, drafts = _ruled_drafts(article, doc)
    text = article.text
    out = []
    for draft, choice in zip(drafts, finder.rechoose_speakers(drafts), strict=True):
        if choice is None:
            continue
        chances = choice.probabilities()
        out.append(
            {
                "quote": text[draft.start : draft.end],
                "chosen": text[slice(*choice.chosen.mention)],
                "candidates": [
                    {"mention": text[slice(*c.mention)], "origin": c.origin, "probability": round(p, 3)}
                    for c, p in zip(choice.candidates, chances, strict=True)
                ],
                "reasons": choice.reasons(),
            }
        )
    return out


class _Finder(_QuotedStatements, _Speakers, _Channels, _ReportedSpeech, _Naming, _SpeakerCandidates):
    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        self.paragraphs = [(p.start, p.end) for p in article.paragraphs]
        self.para_starts = [p[0] for p in self.paragraphs]
        self.sent_starts = [s.start for s in article.sentences] if doc is not None else []
        self.spans = quotations(self.text, self.paragraphs)
        self.inside = Regions((s.start, s.end) for s in self.spans)
        self.inside_starts = [s.start for s in self.spans]
        self.token_starts = [t.idx for t in doc]
        self.words = [t for t in doc if not t.is_space]
        self.word_starts = [t.idx for t in self.words]
        self._frames: dict[bool, Runs] = {}
        self.titles = {(s.start, s.end) for s in self.spans if self.is_title(s)}
        self.named: list[tuple[int, int]] = []

    # ------------------------------------------------------------ helpers over tokens

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        i = bisect.bisect_left(self.word_starts, start)
        j = bisect.bisect_left(self.word_starts, end)
        return self.words[i:j]

    def frame_runs(self, stop_at_quotes: bool) -> Runs:
        """The words outside quotations up to each sentence end, built once per article.

        With ``stop_at_quotes`` a word inside a quotation is a stop too; without it such words are
        left out (a frame reads on past other quotations).
        """
        if stop_at_quotes not in self._frames:
            inside = [self.quote_around(t.idx) is not None for t in self.words]
            ends = [t.text in _SENTENCE_END and t.is_punct for t in self.words]
            if stop_at_quotes:
                runs = Runs(self.words, self.word_starts, [i or e for i, e in zip(inside, ends, strict=True)])
            else:
                kept = [k for k, i in enumerate(inside) if not i]
                words = [self.words[k] for k in kept]
                runs = Runs(words, [self.word_starts[k] for k in kept], [ends[k] for k in kept])
            self._frames[stop_at_quotes] = runs
        return self._frames[stop_at_quotes]

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
