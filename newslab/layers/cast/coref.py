"""Coreference: descriptions ("the senator") and pronouns ("she") joined to the person they refer to."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

from newslab.layers.cast.quoted import _inside
from newslab.layers.cast.records import Mention, _Group
from newslab.layers.cast.roles import _strip_article
from newslab.layers.cast.words import (
    _DESCRIPTION_NOUNS,
    _FEMALE_NOUNS,
    _FEMALE_PRONOUNS,
    _MALE_NOUNS,
    _MALE_PRONOUNS,
    _PARTY_WORDS,
    _PERSON_NOUNS,
    _PLURAL_PRONOUNS,
    _SPEECH_VERBS,
    _TITLES,
    _wordset,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

# ---------------------------------------------------------------- step 6: descriptions


def _subject_like(token: Token) -> bool:
    """A subject, or a name in apposition to one ("The chief executive, Dr Alan Whitcombe, said")."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _person_mentions(groups: list[_Group], doc: Doc) -> list[tuple[int, int, int, bool]]:
    """(first token, last token + 1, group, is subject) of every person mention so far."""
    out = []
    for index, group in enumerate(groups):
        if group.label != "PERSON":
            continue
        for name in group.names:
            root = doc[name.start : name.end].root
            out.append(
                (
                    name.title_start if name.title_start is not None else name.start,
                    name.end,
                    index,
                    _subject_like(root),
                )
            )
        for mention in group.extra:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, index, _subject_like(span.root)))
    return sorted(out)


def _link_descriptions(article: Article, doc: Doc, groups: list[_Group], quotes: list) -> None:
    """ "The US president", "the senator": join the person the text gives that role."""
    named_tokens = {i for g in groups for n in g.names for i in range(n.title_start or n.start, n.end)}
    mentions = None  # every person mention so far (see _person_mentions), read once
    for token in doc:
        if token.idx < article.body.start or token.idx >= article.body.end or _inside(quotes, token.idx):
            continue
        noun = token.lower_
        if token.tag_ != "NN" or noun not in _DESCRIPTION_NOUNS or token.i in named_tokens:
            continue
        dets = [c for c in token.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or dets[0].i != token.left_edge.i:
            continue
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
            continue  # "the Syrian president, Bashar al-Assad": a role, not a separate mention
        if any(c.dep_ in ("prep", "relcl", "acl") for c in token.children) and token.dep_ not in (
            "nsubj",
            "nsubjpass",
        ):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # "the president Vladimir Putin"
        start = dets[0].i
        modifiers = [t.text for t in doc[start + 1 : token.i]]
        if mentions is None:
            mentions = _person_mentions(groups, doc)
        target, reason = _description_target(doc, groups, token, noun, modifiers, quotes, mentions)
        if target is None:
            continue
        span = doc[start : token.i + 1]
        groups[target].extra.append(Mention(span.start_char, span.end_char, span.text, "description", reason))
        # the person's mentions now include this one: kept sorted as _person_mentions would list them
        bisect.insort(mentions, (span.start, span.end, target, _subject_like(span.root)))
        description = _strip_article(span.text)
        if description.lower() not in (r.lower() for r in groups[target].roles):
            groups[target].roles.append(description)
        named_tokens.update(range(start, token.i + 1))


_ROLE_ABBREVIATIONS = {
    "senator": {"sen", "sen."},
    "representative": {"rep", "rep."},
    "governor": {"gov", "gov."},
}


def _role_words(role: str) -> list[str]:
    return role.replace("-", " ").replace("’s", "").split()


_GENERIC_MODIFIERS = _wordset("former then current new top senior longtime outgoing incoming late embattled")


def _role_fit(role: str, noun: str, modifiers: list[str]) -> str:
    """How well a role fits a description.

    "strong": the role has the noun and every other word of the description ("US president" for
    "the US president"); "weak": it has the noun and every lowercase word, and the capitalised words
    do not contradict it ("Sen." for "the Vermont senator", not "Syrian president" for "the US
    president"); "" otherwise.
    """
    words = _role_words(role)
    lower = {w.lower() for w in words}
    if noun not in lower and not _ROLE_ABBREVIATIONS.get(noun, set()) & lower:
        return ""
    wanted = {m.lower() for m in modifiers} - _GENERIC_MODIFIERS
    if wanted <= lower:
        return "strong" if wanted else "weak"
    if not {m.lower() for m in modifiers if not m[:1].isupper()} - _GENERIC_MODIFIERS <= lower:
        return ""
    capitals = {m.lower() for m in modifiers if m[:1].isupper()}
    stated = {w.lower() for w in words if w[:1].isupper()} - _TITLES - _PERSON_NOUNS - {noun}
    return "" if stated and not capitals & stated else "weak"


def _last_mention_before(mentions: list[tuple], index: int, token: Token) -> int:
    starts = [m[0] for m in mentions if m[2] == index and m[1] <= token.i]
    return max(starts) if starts else -1


def _gender_fits(group: _Group, noun: str) -> bool:
    if noun in _FEMALE_NOUNS:
        return group.gender != "male"
    if noun in _MALE_NOUNS:
        return group.gender != "female"
    return True


def _description_target(doc, groups, token, noun, modifiers, quotes, mentions=None) -> tuple[int | None, str]:
    """The person a description such as "the senator" refers to, and why."""
    if mentions is None:
        mentions = _person_mentions(groups, doc)
    for wanted in ("strong", "weak"):
        holders = []
        for index, group in enumerate(groups):
            if group.label != "PERSON" or group.plural or not _gender_fits(group, noun):
                continue
            fitting = [r for r in group.roles if _role_fit(r, noun, modifiers) == wanted]
            last = _last_mention_before(mentions, index, token) if fitting else -1
            if fitting and last >= 0:
                holders.append((last, index, fitting[0]))
        if holders:
            _, index, role = max(holders)
            if wanted == "strong" and len(holders) == 1:
                return index, f"the text calls {groups[index].canonical} “{role}”"
            return index, f"{groups[index].canonical} is the last person before it the text calls “{role}”"
    # nobody holds the role: a description opening its sentence refers back to the subject of the sentence
    # before, when nothing in the description speaks against it
    if not _subject_like(token) or token.left_edge.i != token.sent.start or token.sent.start == 0:
        return None, ""
    if any(m.lower() in _PARTY_WORDS for m in modifiers):
        return None, ""
    previous = doc[token.sent.start - 1].sent
    candidates = [
        m
        for m in mentions
        if m[3]
        and previous.start <= m[0] < previous.end
        and _inside(quotes, doc[m[0]].idx) is None
        and not groups[m[2]].plural
        and _gender_fits(groups[m[2]], noun)
        and not any(_conflicts(r, noun, modifiers) for r in groups[m[2]].roles)
    ]
    if not candidates:
        return None, ""
    first = min(candidates, key=lambda m: (_depth(doc[m[0] : m[1]].root), m[0]))
    name = groups[first[2]].canonical
    return first[2], (
        f"no one before it is called “{noun}”; it refers back to {name}, the subject of the sentence before"
    )


def _conflicts(role: str, noun: str, modifiers: list[str]) -> bool:
    """The role has the same noun with other modifiers: "Syrian president" against "the US president"."""
    words = [w.lower() for w in _role_words(role)]
    return noun in words and len(words) > 1 and not _role_fit(role, noun, modifiers)


# ---------------------------------------------------------------- step 7: pronouns


def _link_pronouns(article: Article, doc: Doc, groups: list[_Group], quotes: list) -> None:
    """Link he / she / his / her to people, they / their to groups, and a speaking "it" to an organisation.

    Two passes: first each he/she votes for the best-placed person before it, whatever their
    gender, and a person gets the gender most of their votes say (a title such as Mrs or a noun
    such as spokeswoman decides first); then each pronoun joins the best-placed person of a
    compatible gender.
    """
    sentence_of, sentence_starts = _sentence_numbers(doc)
    pronouns = []
    for token in doc:
        if (
            token.idx < article.body.start
            or token.idx >= article.body.end
            or token.pos_ not in ("PRON", "DET")
        ):
            continue
        word = token.lower_
        gender = (
            "male"
            if word in _MALE_PRONOUNS
            else "female"
            if word in _FEMALE_PRONOUNS
            else "plural"
            if word in _PLURAL_PRONOUNS
            else ""
        )
        if word == "it" and token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH_VERBS:
            gender = "neuter"  # "The agency said it would …": only organisations speak as "it"
        if gender:
            pronouns.append((token, gender))
    mentions = _person_mentions(groups, doc)
    mentions += [
        (n.start, n.end, index, _subject_like(doc[n.start : n.end].root))
        for index, group in enumerate(groups)
        if group.plural or group.label == "ORG"
        for n in group.names
    ]
    mentions.sort()
    window = _Window(mentions, sentence_starts)
    ranked = {
        token.i: _pronoun_candidates(
            doc, mentions, token, _inside(quotes, token.idx), quotes, sentence_of, window
        )
        for token, _ in pronouns
    }
    votes: dict[int, Counter] = {}
    for token, gender in pronouns:
        people = [c for c in ranked[token.i] if groups[c[0]].label == "PERSON" and not groups[c[0]].plural]
        if gender in ("male", "female") and people:
            votes.setdefault(people[0][0], Counter())[gender] += 1
    for index, counter in votes.items():
        group = groups[index]
        (top, count), *rest = [*counter.most_common(), ("", 0)]
        if not group.gender and count > rest[0][1]:
            group.gender = top
            group.gender_reason = (
                f"{counter[top]} of the {sum(counter.values())} he/she pronouns that point to "
                f"{group.canonical} say {'he' if top == 'male' else 'she'}"
            )
    canonical: dict[int, str] = {}  # the names do not change while pronouns are linked
    for token, gender in pronouns:
        for index, why, back in ranked[token.i]:
            if gender == "neuter" and back > 3:
                break
            group = groups[index]
            if gender == "plural":
                # a group only when it is a subject close by, with no other plural subject in between
                # ("Republicans … their", but not "Clinton aides … they")
                if back > 1 or not why.startswith("the subject"):
                    break
                if not group.plural:
                    continue
                last = max(n.end for n in group.names if n.end <= token.i)
                if any(t.tag_ == "NNS" and _subject_like(t) for t in doc[last : token.i]):
                    break
            elif gender == "neuter":
                if group.plural or group.label != "ORG":
                    continue
            elif group.plural or group.label != "PERSON" or (group.gender and group.gender != gender):
                continue
            if index not in canonical:
                canonical[index] = group.canonical
            reason = f"“{token.text}” refers back to {canonical[index]}: {why}"
            if gender in ("male", "female") and group.gender_reason:
                reason += f" ({group.gender_reason})"
            group.extra.append(Mention(token.idx, token.idx + len(token.text), token.text, "pronoun", reason))
            break


# the last doc read by _sentence_numbers and its answer (docs are not changed); one tuple, read
# once, so two threads never mix two docs' answers
_sentences: tuple = (None, {}, [])


def _sentence_numbers(doc: Doc) -> tuple[dict[int, int], list[int]]:
    """Each token's sentence number, and the first token of each sentence (kept for the last doc)."""
    global _sentences
    cached = _sentences
    if cached[0] is doc:
        return cached[1], cached[2]
    sentence_of: dict[int, int] = {}
    starts = []
    for number, sent in enumerate(doc.sents):
        starts.append(sent.start)
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    _sentences = (doc, sentence_of, starts)
    return sentence_of, starts


class _Window:
    """Mentions sorted by first token, cut to those a pronoun can look back to (see ``_pronoun_candidates``)."""

    def __init__(self, mentions: list[tuple], sentence_starts: list[int]) -> None:
        self.mentions = mentions
        self.starts = [m[0] for m in mentions]
        self.sentence_starts = sentence_starts

    def near(self, doc: Doc, token: Token, quote: tuple[int, int] | None, sentence_of: dict) -> list[tuple]:
        """The mentions that start from where the pronoun may look back (its quotation, or eight
        sentences) up to the pronoun, in the same order."""
        if quote is not None:
            first = token.i
            while first > 0 and doc[first - 1].idx >= quote[0]:
                first -= 1
        else:
            here = sentence_of.get(token.i, 0)
            first = self.sentence_starts[max(here - 8, 0)] if self.sentence_starts else 0
        low = bisect.bisect_left(self.starts, first)
        high = bisect.bisect_right(self.starts, token.i)
        return self.mentions[low:high]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _pronoun_candidates(
    doc, mentions, token, quote, quotes, sentence_of, window: _Window | None = None
) -> list[tuple[int, str, int]]:
    """Entities mentioned before a pronoun, best first.

    Inside a quotation only people named earlier in the same quotation count. Outside, the
    sentence itself comes first, then the sentences before it (up to eight, skipping what is
    quoted); within a sentence the main clause's subject comes first, then other subjects, then
    the nearest mention.
    """
    if window is not None:  # only the mentions that can be ranked: the same answer, read faster
        mentions = window.near(doc, token, quote, sentence_of)
    before = [m for m in mentions if m[1] <= token.i]
    if quote is not None:
        inside = [m for m in before if quote[0] <= doc[m[0]].idx < quote[1]]
        inside.sort(key=lambda m: (not m[3], -m[0]))
        return [(m[2], "the nearest person named earlier in the same quotation", 0) for m in inside]
    outside = [m for m in before if _inside(quotes, doc[m[0]].idx) is None]
    here = sentence_of.get(token.i, 0)
    ranked: list[tuple[int, str]] = []
    for back in range(0, 9):
        number = here - back
        if number < 0:
            break
        in_sentence = [m for m in outside if sentence_of.get(m[0]) == number]
        in_sentence.sort(key=lambda m: (not m[3], _depth(doc[m[0] : m[1]].root), -m[0]))
        where = (
            "in the same sentence"
            if back == 0
            else ("in the sentence before" if back == 1 else f"{back} sentences before")
        )
        for m in in_sentence:
            ranked.append((m[2], f"the {'subject' if m[3] else 'nearest person'} {where}", back))
    return ranked


def rank_antecedents(
    doc: Doc, spans: list, token: Token, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The earlier spans a pronoun may refer to, best first, as ``(start, end)`` character offsets.

    The ranking who's who links its pronouns with (see ``_pronoun_candidates``), offered to the
    other layers so that a pronoun is resolved one way everywhere: ``spans`` are the candidate
    spaCy spans, ``quotes`` the article's quotations.
    """
    sentence_of, sentence_starts = _sentence_numbers(doc)
    mentions = sorted((span.start, span.end, k, _subject_like(span.root)) for k, span in enumerate(spans))
    window = _Window(mentions, sentence_starts)
    quote = _inside(quotes, token.idx)
    ranked = _pronoun_candidates(doc, mentions, token, quote, quotes, sentence_of, window)
    return [(spans[k].start_char, spans[k].end_char) for k, _why, _back in ranked]
