"""Checks for notebook 05 (sentiment).

Exercises 1–3 of the notebook are about reading the machine: which label *the kit* gives a sentence,
which word moves *VADER's* score most, which target *the kit's* target model judges negative most
often. Their checks work the answer out with the kit and say so ("the kit labels it …"). Exercise 4
is arithmetic on two lists of labels, checked exactly.

Example:
    >>> from newslab.check import sentiment
    >>> sentiment.check_label("negative", "We can’t trust Russia.")
    ✅ Correct: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslab.check._core import (
    CheckResult,
    as_number,
    fail,
    passed,
    share_matches,
    stepped,
    unanswered,
    your_turn,
)

LABELS = ("negative", "neutral", "positive")
_SHORT = {"neg": "negative", "neu": "neutral", "pos": "positive"}


def _clean(answer: Any) -> str | None:
    if isinstance(answer, str):
        return " ".join(answer.split()).strip(" '\".“”‘’").casefold()
    return None


def _label(answer: Any) -> str | None:
    """A label from ``"Negative"``, ``" neg "`` or a scored result (its ``label``); None if not a label."""
    label = getattr(answer, "label", answer)
    given = _clean(label)
    return _SHORT.get(given, given) if given in LABELS or given in _SHORT else None


def check_label(answer: Any, text: str) -> CheckResult:
    """Is ``answer`` the label the kit's VADER gives ``text`` (after making its quotes plain)?"""
    from newslab.layers.sentiment.vader import score_text

    if unanswered(answer):
        return your_turn("store the kit's label for the sentence in `answer`, as a string.")
    expected = score_text(text).label
    given = _label(answer)
    if given is None:
        if isinstance(answer, str) and answer.strip():
            return fail(f"“{answer.strip()}” is not a label: use negative, neutral or positive.")
        return fail("Answer with a label as a string: negative, neutral or positive.")
    if given != expected:
        return stepped(
            ("sentiment.check_label", text),
            "Not the kit's label. Did you score the sentence with the kit, or judge it yourself? The "
            "question asks what the kit says.",
            "Not the kit's label: look at the `label` of `score_text(...)`, and remember the kit makes "
            "curly apostrophes plain before scoring.",
        )
    return passed(f"the kit labels it {expected}: the plain apostrophe lets VADER see the negation.")


def check_strongest_word(answer: Any, text: str) -> CheckResult:
    """Is ``answer`` the word that adds most to VADER's score of ``text`` (largest valence, either sign)?"""
    from newslab.layers.sentiment.vader import score_text

    if unanswered(answer):
        return your_turn("store one word in `answer`, as a string.")
    words = [w for w in score_text(text).words if w.valence]
    if not words:
        return fail("This text has no sentiment words at all: pass the sentence the exercise names.")
    strongest = max(words, key=lambda w: abs(w.valence))
    given = _clean(getattr(answer, "word", answer) if not isinstance(answer, str) else answer)
    if hasattr(answer, "get") and not isinstance(answer, str):  # a row of the evidence table
        given = _clean(answer.get("word"))
    if given is None or not given:
        return fail("Answer with one word as a string.")
    if given == strongest.text.casefold():
        return passed(
            f"VADER adds {strongest.valence:+.2f} for “{strongest.text}”, the most of any word here; it does "
            "not know the word is part of a name."
        )
    if any(given == w.text.casefold() for w in words):
        return stepped(
            ("sentiment.check_strongest_word", text),
            "That word counts, but another counts more. Is a word that pulls toward negative weaker than "
            "one that pulls toward positive?",
            "That word counts, but another counts more: sort the evidence by the size of `valence`, sign aside.",
        )
    return fail("VADER gives that word no weight here: look at the `word` column of the evidence table.")


def _target(answer: str, names: list[str]) -> str | None:
    by_name = {name.casefold(): name for name in names}
    if answer in by_name:
        return by_name[answer]
    fitting = [name for key, name in by_name.items() if answer in key.split() or key in answer.split()]
    return fitting[0] if len(fitting) == 1 else None


def check_more_negative(answer: Any, tables: Mapping[str, Any]) -> CheckResult:
    """Is ``answer`` the target with the largest share of mentions the kit judged negative?

    ``tables`` maps each target to its table (``target_sentiment_table``). When several targets share the
    largest share, any of them is right; no other is.
    """
    if not tables:
        return fail("Pass the dictionary of target tables the notebook built.")
    if unanswered(answer):
        return your_turn(f"store the name of one of the targets ({', '.join(sorted(tables))}) in `answer`.")
    shares = {
        name: float((table["label"] == "negative").mean()) if len(table) else 0.0
        for name, table in tables.items()
    }
    top = max(shares.values())
    leaders = sorted(name for name, share in shares.items() if abs(share - top) < 1e-9)
    given = _clean(answer)
    if not given:
        return fail("Answer with the name of a target, as a string.")
    match = _target(given, list(shares))
    if match is None:
        return fail(f"“{answer}” is not one of the targets: choose from {', '.join(sorted(shares))}.")
    if match in leaders:
        tie = f" (a tie with {', '.join(n for n in leaders if n != match)})" if len(leaders) > 1 else ""
        return passed(f"the kit judges {top:.0%} of {match}'s mentions negative, the largest share{tie}.")
    counts = {name: int((table["label"] == "negative").sum()) for name, table in tables.items()}
    if counts[match] == max(counts.values()):
        return fail(
            f"{match} has the most negative mentions, but the question asks for the largest SHARE of its mentions."
        )
    return stepped(
        ("sentiment.check_more_negative", tuple(sorted(tables))),
        f"The kit judges {shares[match]:.0%} of {match}'s mentions negative; another target has a larger share.",
        "Compare, for each target, the negative mentions divided by all its mentions.",
    )


def check_agreement(answer: Any, mine: Iterable[Any], machine: Iterable[Any]) -> CheckResult:
    """Is ``answer`` the agreement (share of equal labels) between two label lists?

    The share is accepted as a fraction (0.6, "3/5"), rounded to two decimals or not, or as a
    percentage (60, "60%").
    """
    from newslab.sentiment import agreement

    mine = list(mine)
    machine = list(machine)
    if unanswered(mine) or not mine:
        return your_turn("fill in `my_labels` — one label per sentence — then compute `answer`.")
    bad = [label for label in mine if label not in (None, "") and _label(label) is None]
    if bad:
        return fail(f"“{bad[0]}” is not a label: write negative, neutral or positive.")
    if len(mine) != len(machine):
        return fail(f"Give one label per sentence: {len(machine)} labels, not {len(mine)}.")
    if answer is None:
        return your_turn("now compute the agreement of `my_labels` with `machine_labels` into `answer`.")
    expected = agreement([_label(x) for x in mine], [_label(x) for x in machine])
    value = as_number(answer)
    if value is None:
        return fail("Answer with one number: a share between 0 and 1, or a percentage.")
    if share_matches(value, expected):
        return passed(f"you and the machine agree on {expected:.0%} of the sentences you labelled.")
    labelled = [(a, b) for a, b in zip(mine, machine, strict=True) if a not in (None, "")]
    same = sum(_label(a) == _label(b) for a, b in labelled)
    if value == same and same != expected:
        return fail(
            f"{same} is how many sentences you agree on: what share is that of the {len(labelled)} you labelled?"
        )
    return stepped(
        ("sentiment.check_agreement", tuple(map(str, mine)), tuple(map(str, machine))),
        "Not that share. On how many sentences do the two lists give the same label, out of how many?",
        "Count the sentences where both labels are the same and divide by the number you labelled.",
    )
