"""Checks for notebook 05 (sentiment).

Each check works out the right answer with the kit itself from the data the notebook passes
in, so it tests the student's result and works for any article.

Example:
    >>> from newslab.check import sentiment
    >>> sentiment.check_label("negative", "We can’t trust Russia.")
    ✅ Correct: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslab.check._core import CheckResult, fail, passed

LABELS = ("negative", "neutral", "positive")


def _clean(answer: Any) -> str | None:
    if isinstance(answer, str):
        return " ".join(answer.split()).strip(" '\".").casefold()
    return None


def check_label(answer: Any, text: str) -> CheckResult:
    """Is ``answer`` the label the kit's VADER gives ``text`` (after making its quotes plain)?"""
    from newslab.layers.sentiment.vader import score_text

    expected = score_text(text).label
    given = _clean(answer)
    if given is None:
        return fail('Set `answer` to a label as a string: "negative", "neutral" or "positive".')
    if given not in LABELS:
        return fail(f'`{answer}` is not a label: use "negative", "neutral" or "positive".')
    if given != expected:
        return fail(
            "Not the kit's label: look at the `label` of `score_text(...)` — and remember the kit makes "
            "curly apostrophes plain before scoring."
        )
    return passed(f"the kit labels it {expected}: the plain apostrophe lets VADER see the negation.")


def check_strongest_word(answer: Any, text: str) -> CheckResult:
    """Is ``answer`` the word that adds most to VADER's score of ``text`` (largest valence, either sign)?"""
    from newslab.layers.sentiment.vader import score_text

    words = [w for w in score_text(text).words if w.valence]
    if not words:
        return fail("This text has no sentiment words at all: pass the sentence the exercise names.")
    strongest = max(words, key=lambda w: abs(w.valence))
    given = _clean(answer)
    if given is None:
        return fail('Set `answer` to one word as a string, e.g. "best".')
    if given == strongest.text.casefold():
        return passed(
            f"“{strongest.text}” adds {strongest.valence:+.2f}; VADER does not know it is part of a name here."
        )
    if any(given == w.text.casefold() for w in words):
        return fail("That word counts, but another counts more: sort the evidence by the size of `valence`.")
    return fail("That word does not move the score: look at the `word` column of `evidence_table(...)`.")


def check_more_negative(answer: Any, tables: Mapping[str, Any]) -> CheckResult:
    """Is ``answer`` the target with the larger share of negative mentions in ``tables`` (name → table)?"""
    if not tables:
        return fail("Pass the dictionary of target tables the notebook built.")
    shares = {
        name: (table["label"] == "negative").mean() if len(table) else 0.0 for name, table in tables.items()
    }
    ranked = sorted(shares.items(), key=lambda item: -item[1])
    given = _clean(answer)
    if given is None:
        return fail(f"Set `answer` to one of the names {sorted(shares)} as a string.")
    names = {name.casefold(): name for name in shares}
    match = names.get(given) or next(
        (n for k, n in names.items() if given in k.split() or k in given.split()), None
    )
    if match is None:
        return fail(f"`{answer}` is not one of the targets: choose from {sorted(shares)}.")
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return passed(f"a tie: {ranked[0][0]} and {ranked[1][0]} have the same share of negative mentions.")
    if match != ranked[0][0]:
        return fail("Compare the SHARE of mentions labelled negative, not the number of mentions.")
    return passed(f"{match}: {shares[match]:.0%} of its mentions are judged negative.")


def check_agreement(answer: Any, mine: Iterable[Any], machine: Iterable[Any]) -> CheckResult:
    """Is ``answer`` the agreement (share of equal labels, 0–1 or a percentage) between two label lists?"""
    from newslab.sentiment import agreement

    mine = list(mine)
    machine = list(machine)
    if not mine or all(label in (None, "") for label in mine):
        return fail(
            'First fill in `my_labels`: one label ("negative", "neutral" or "positive") per sentence.'
        )
    bad = [label for label in mine if label not in (None, "") and _clean(label) not in LABELS]
    if bad:
        return fail(f'{bad[0]!r} is not a label: write "negative", "neutral" or "positive".')
    if len(mine) != len(machine):
        return fail(f"Give one label per sentence: {len(machine)} labels, not {len(mine)}.")
    expected = agreement([_clean(x) for x in mine], [_clean(x) for x in machine])
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return fail("Set `answer` to a number: `agreement(my_labels, machine_labels)`.")
    value = float(answer)
    if abs(value - expected) < 0.005 or abs(value - 100 * expected) < 0.5:
        return passed(f"you and the machine agree on {expected:.0%} of the sentences you labelled.")
    return fail("Count the sentences where both labels are the same and divide by the number you labelled.")
