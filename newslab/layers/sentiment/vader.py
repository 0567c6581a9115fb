"""VADER sentiment with its evidence: which words moved the score, by how much, and which rules fired.

VADER (Hutto & Gilbert, 2014) gives every word of its lexicon a valence between -4 and +4, adjusts
it with a few rules (a negation such as "not" shortly before the word, a booster such as "very",
a word in CAPITALS, a contrast after "but", "!" and "??") and squashes the sum into a *compound*
score between -1 and +1. This module repeats those steps word by word, calling VADER's own
lexicon and rule functions, so it gives exactly VADER's compound score *and* the reasons for it.

Typographic quotes and apostrophes are replaced by plain ones before scoring, one character for
one, so offsets never move and "can’t" is read as the negation "can't".

Example:
    >>> result = score_text("We can’t trust Russia.")
    >>> result.label, [(w.text, w.valence) for w in result.words]
    ('negative', [('trust', -1.702)])
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Compound scores at or above this are positive, at or below its negative are negative (VADER's advice).
THRESHOLD = 0.05

# One character for one character, so every offset stays where it was.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2026": ".",  # …
        "\u2013": "-",  # –
        "\u2014": "-",  # —
    }
)


def plain_quotes(text: str) -> str:
    """The text with curly quotes, apostrophes, dashes and "…" made plain, one character for one.

    Example:
        >>> plain_quotes("“We can’t”")
        '"We can\\'t"'
    """
    return text.translate(_PLAIN)


@dataclass(frozen=True)
class WordEvidence:
    """One word that moved a VADER score.

    Attributes:
        start, end: where the word is in the text that was scored.
        text: the word as written.
        lexicon: its valence in VADER's lexicon (-4 … +4).
        valence: what it finally added to the sum, after the rules.
        rules: the rules that changed it, in plain words (e.g. "negated by 'not' (×-0.74)").
    """

    start: int
    end: int
    text: str
    lexicon: float
    valence: float
    rules: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lexicon": self.lexicon,
            "valence": self.valence,
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class VaderScore:
    """VADER's verdict on a stretch of text, with its evidence.

    Attributes:
        start, end: the stretch scored (offsets into the text given).
        score: VADER's compound score, -1 (very negative) … +1 (very positive).
        label: ``"negative"``, ``"neutral"`` or ``"positive"`` (cut at ±0.05).
        words: the words that moved the score (lexicon words whose valence is not zero), in text order.
        rules: rules that act on the whole text (exclamation marks, question marks).
        total: the sum of the word valences plus punctuation emphasis, before squashing.
    """

    start: int
    end: int
    score: float
    label: str
    words: tuple[WordEvidence, ...] = ()
    rules: tuple[str, ...] = ()
    total: float = 0.0

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "label": self.label,
            "evidence": {
                "words": [w.to_json() for w in self.words],
                "rules": list(self.rules),
                "total": self.total,
            },
        }

    def explain(self) -> str:
        """The evidence in one line, e.g. ``"trust -1.26 [negated by 'can't' (×-0.74)]; total -1.26"``."""
        parts = []
        for word in self.words:
            part = f"{word.text} {word.valence:+.2f}"
            if word.rules:
                part += f" [{'; '.join(word.rules)}]"
            parts.append(part)
        parts.extend(self.rules)
        if not parts:
            return "no sentiment words"
        return "; ".join(parts) + f"; total {self.total:+.2f}"


def label_for(score: float, *, threshold: float = THRESHOLD) -> str:
    """The label of a compound score: ``"positive"`` at ≥ 0.05, ``"negative"`` at ≤ -0.05, else neutral."""
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """VADER's analyser (its lexicon is read once and kept)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def lexicon_valence(word: str) -> float:
    """A word's valence in VADER's lexicon (0.0 when it is not there), e.g. ``lexicon_valence("trust") == 1.7``."""
    return analyzer().lexicon.get(plain_quotes(word).lower(), 0.0)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """VADER's words of ``text[start:end]`` with their offsets in ``text``.

    VADER turns emoji into words, splits at white space and strips punctuation around a word
    unless fewer than three characters would remain (so ":)" stays).
    """
    emojis = analyzer().emojis
    if _emoji_chars().isdisjoint(text[start:end]):  # no emoji: every character stays where it is
        converted = text[start:end]
        origin: Any = range(start, end)
    else:
        converted, origin = _convert_emojis(text, start, end, emojis)
    tokens = []
    for match in re.finditer(r"\S+", converted):
        token = match.group()
        stripped = token.strip(string.punctuation)
        if len(stripped) <= 2:
            stripped, lead = token, 0
        else:
            lead = len(token) - len(token.lstrip(string.punctuation))
        first = match.start() + lead
        last = first + len(stripped) - 1
        tokens.append((stripped, origin[first], origin[last] + 1))
    return tokens


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    return frozenset(analyzer().emojis)


def _convert_emojis(text: str, start: int, end: int, emojis: dict[str, str]) -> tuple[str, list[int]]:
    """``text[start:end]`` with emoji written out as VADER does, and each character's offset in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    previous_space = True
    for position in range(start, end):
        char = text[position]
        if char in emojis:
            description = emojis[char]
            if not previous_space:
                chars.append(" ")
                origin.append(position)
            chars.extend(description)
            origin.extend([position] * len(description))
            previous_space = False
        else:
            chars.append(char)
            origin.append(position)
            previous_space = char == " "
    return "".join(chars), origin


@lru_cache(maxsize=1)
def _vader_rules() -> tuple[dict[str, float], float, float, Any]:
    """VADER's booster words and constants, imported once (a word is traced many times per article)."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, C_INCR, N_SCALAR, scalar_inc_dec

    return BOOSTER_DICT, C_INCR, N_SCALAR, scalar_inc_dec


def _trace_word(
    words: list[str], i: int, is_cap_diff: bool, lower: list[str] | None = None
) -> tuple[float, float, list[str]]:
    """VADER's valence of word ``i`` computed step by step: (lexicon valence, final valence, rules).

    ``lower`` is ``words`` in lower case, when the caller has it already (it saves redoing it per word).
    """
    BOOSTER_DICT, C_INCR, N_SCALAR, scalar_inc_dec = _vader_rules()
    vader = analyzer()
    lexicon = vader.lexicon
    if lower is None:
        lower = [w.lower() for w in words]
    item = words[i]
    if lower[i] in BOOSTER_DICT or (i < len(words) - 1 and lower[i] == "kind" and lower[i + 1] == "of"):
        return 0.0, 0.0, []
    if lower[i] not in lexicon:
        return 0.0, 0.0, []
    base = lexicon[lower[i]]
    valence = base
    rules: list[str] = []
    if lower[i] == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
        rules.append("'no' here negates the next word instead")
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = base * N_SCALAR
        rules.append(f"negated by 'no' (×{N_SCALAR})")
    if item.isupper() and is_cap_diff:
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
        rules.append(f"written in CAPITALS ({C_INCR:+.3f} away from zero)")
    for start_i in range(3):
        j = i - (start_i + 1)
        if i > start_i and lower[j] not in lexicon:
            shift = scalar_inc_dec(words[j], valence, is_cap_diff)
            if start_i == 1 and shift != 0:
                shift *= 0.95
            if start_i == 2 and shift != 0:
                shift *= 0.9
            if shift != 0:
                kind = "booster" if BOOSTER_DICT.get(lower[j], 0) > 0 else "dampener"
                rules.append(f"{kind} '{words[j]}' ({shift:+.3f})")
            valence += shift
            before = valence
            valence = vader._negation_check(valence, words, start_i, i)
            if valence != before and before != 0:
                ratio = valence / before
                if abs(ratio - N_SCALAR) < 1e-9:
                    rules.append(f"negated by '{words[j]}' (×{N_SCALAR})")
                else:
                    rules.append(f"'never so/this' intensifies (×{ratio:.2f})")
            if start_i == 2:
                before = valence
                valence = vader._special_idioms_check(valence, words, i)
                if valence != before:
                    rules.append(f"idiom or phrase (now {valence:+.3f})")
    before = valence
    valence = vader._least_check(valence, words, i)
    if valence != before:
        rules.append(f"negated by 'least' (×{N_SCALAR})")
    return base, valence, rules


def score_text(
    text: str, start: int = 0, end: int | None = None, *, threshold: float = THRESHOLD
) -> VaderScore:
    """Score ``text[start:end]`` with VADER and say why.

    Args:
        text: any text, e.g. the article's whole text.
        start, end: the part to score (default: all of it); offsets in the result refer to ``text``.
        threshold: the compound score from which a text counts as positive (or, negated, negative).

    Returns:
        A :class:`VaderScore` whose ``score`` equals VADER's ``polarity_scores(...)["compound"]`` on the
        text with plain quotes, and whose ``words`` and ``rules`` show how it was reached.

    Example:
        >>> score_text("Not the dumbest idea but pretty close.").explain()
        "dumbest +0.85 [negated by 'Not' (×-0.74); before 'but' (×0.5)]; pretty +3.30 [after 'but' (×1.5)]; total +4.15"
    """
    global _scores
    end = len(text) if end is None else end
    scores = _scores  # one read, so a thread never mixes two texts' scores
    if scores[0] is not text and scores[0] != text:
        scores = _scores = (text, {})
    key = (start, end, threshold)
    score = scores[1].get(key)
    if score is None:
        score = scores[1][key] = _score_text(text, start, end, threshold)
    return score


# A score is a pure function of (text, start, end, threshold), and the same stretches of one
# article are asked for again and again (each sentence for itself and once more for every mention
# judged in it), so the scores of the latest text are kept; a new text replaces them.
_scores: tuple[str | None, dict[tuple[int, int, float], VaderScore]] = (None, {})


def _score_text(text: str, start: int, end: int, threshold: float) -> VaderScore:
    # Only the part scored is made plain (one character for one), so offsets still refer to ``text``.
    plain = plain_quotes(text[start:end])
    tokens = [(word, s + start, e + start) for word, s, e in _tokens(plain, 0, len(plain))]
    words = [t[0] for t in tokens]
    if not words:
        return VaderScore(start, end, 0.0, "neutral")
    from vaderSentiment.vaderSentiment import allcap_differential

    vader = analyzer()
    is_cap_diff = allcap_differential(words)
    lower = [w.lower() for w in words]
    traced = [_trace_word(words, i, is_cap_diff, lower) for i in range(len(words))]
    sentiments = [valence for _, valence, _ in traced]
    shifted = vader._but_check(words, list(sentiments))
    but_at = lower.index("but") if "but" in lower else -1
    evidence = []
    for i, ((_, w_start, w_end), (base, _, rules)) in enumerate(zip(tokens, traced, strict=True)):
        if shifted[i] != sentiments[i] and sentiments[i] != 0:
            ratio = shifted[i] / sentiments[i]
            side = "after" if i > but_at else "before"
            rules = [*rules, f"{side} 'but' (×{ratio:g})"]
        if shifted[i] != 0 or base != 0:
            evidence.append(
                WordEvidence(w_start, w_end, text[w_start:w_end], base, round(shifted[i], 4), tuple(rules))
            )
    scored = plain
    compound = vader.score_valence(shifted, scored)["compound"]
    total = float(sum(shifted))
    text_rules = []
    emphasis = vader._punctuation_emphasis(scored)
    if emphasis and total != 0:
        marks = " and ".join(
            m for m, found in (("'!'", "!" in scored), ("'??'", scored.count("?") > 1)) if found
        )
        text_rules.append(f"{marks} emphasis ({emphasis if total > 0 else -emphasis:+.3f})")
        total += emphasis if total > 0 else -emphasis
    return VaderScore(
        start,
        end,
        compound,
        label_for(compound, threshold=threshold),
        tuple(evidence),
        tuple(text_rules),
        round(total, 4),
    )
