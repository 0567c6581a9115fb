"""Checks for notebook 06 — annotate it yourself.

The answer keys are worked out from what the exercise gives: the comparison of the student with the
gold (``compare(student, gold)``), the two lists of labels, the exported file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newslab.check._core import (
    CheckResult,
    as_number,
    fail,
    passed,
    rounds_to,
    same_name,
    share_matches,
    stepped,
    unanswered,
    your_turn,
)
from newslab.compare import Comparison, cohen_kappa


def _against_gold(result: Comparison) -> bool:
    # The exercise scores the student against the gold; the machine's or a student's set is not the key.
    return str(result.b).casefold() not in {"machine", "student"}


def right_speaker(result: Comparison, answer: Any) -> CheckResult:
    """Exercise: who really said the quote the student attributed to the wrong person?

    The answer key is the gold's side (``detail_b``) of the ``speaker`` rows of
    ``result.disagreements``, where ``result = compare(student, gold)``; the full name or the surname
    is right, in any case.
    """
    if unanswered(answer):
        return your_turn("store the name of the person who really said the quote in `answer`.")
    if not _against_gold(result):
        return fail("This exercise compares the student with the gold: use `compare(student, gold)`.")
    rows = result.disagreements[result.disagreements["kind"] == "speaker"]
    if rows.empty:
        return fail(
            "This comparison has no speaker disagreement: compare the student's work with the gold file."
        )
    right = sorted({str(name) for name in rows["detail_b"] if name})
    wrong = sorted({str(name) for name in rows["detail_a"] if name})
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with a person's name, as a string.")
    for name in right:
        if same_name(answer, name):
            return passed(f"the gold says {name} said it; the student's speaker was {', '.join(wrong)}.")
    if any(same_name(answer, name) for name in wrong):
        return stepped(
            ("annotate.right_speaker", result.a, result.b),
            "That is the student's speaker, the one the gold disagrees with. Which side of the table is the gold's?",
            "That is the student's speaker (`detail_a`): the gold's is in `detail_b`.",
        )
    return stepped(
        ("annotate.right_speaker", result.a, result.b),
        "Not that name. Which row of the disagreement table is about a speaker?",
        "Not that name. Read the `detail_b` column of the row whose kind is `speaker`.",
    )


def quote_recall(result: Comparison, answer: Any) -> CheckResult:
    """Exercise: the student's QUOTE recall against the gold, counting overlapping spans as found.

    A share (0.6, rounded to two decimals or not, "3/5") or a percentage (60, "60%") is right.
    """
    if unanswered(answer):
        return your_turn("store the share of the gold's quotes the student found in `answer`.")
    if not _against_gold(result):
        return fail("This exercise compares the student with the gold: use `compare(student, gold)`.")
    scores = result.scores.set_index(["label", "match"])
    if ("QUOTE", "overlap") not in scores.index:
        return fail('This comparison has no quotes: compare with `labels` that include "QUOTE".')
    row = scores.loc[("QUOTE", "overlap")]
    expected = float(row["recall"])
    value = as_number(answer)
    if value is None:
        return fail("Answer with one number: a share between 0 and 1, or a percentage.")
    if share_matches(value, expected):
        return passed(
            f"the student found {int(row['matched'])} of the gold's {int(row['in_b'])} quotes, "
            f"{expected:.0%} (overlap counts)."
        )
    if share_matches(value, float(scores.loc[("QUOTE", "exact"), "recall"])):
        return fail("That is the recall for exact matches: the exercise counts overlapping spans as found.")
    if share_matches(value, float(row["precision"])):
        return fail(
            "That is precision (the share of the student's quotes the gold has); recall goes the other way."
        )
    if share_matches(value, float(row["f1"])):
        return fail("That is F1, which mixes precision and recall: the exercise asks for recall alone.")
    if value == int(row["matched"]) and value > 1:
        return fail(f"{int(value)} is how many quotes the student found: what share is that of the gold's?")
    return stepped(
        ("annotate.quote_recall", result.a, result.b),
        "Not that number. Recall answers “did I find everything?”: found quotes out of which quotes?",
        "Not that number: find the row with label QUOTE and match `overlap`, column `recall`.",
    )


def kappa(a: Sequence[Any], b: Sequence[Any], answer: Any) -> CheckResult:
    """Exercise: Cohen's kappa of two annotators' labels, rounded to two decimals or more precisely."""
    if unanswered(answer):
        return your_turn("work out kappa for the two lists of labels and store it in `answer`.")
    expected = cohen_kappa(list(a), list(b))
    value = as_number(answer)
    if value is None:
        return fail("Answer with one number: kappa = (p_o - p_e) / (1 - p_e).")
    if expected is not None and rounds_to(value, expected, places=2):
        if expected > 0.8:
            verdict = "strong agreement"
        elif expected > 0:
            verdict = "agreement above chance, but short of the 0.8 that counts as strong"
        else:
            verdict = "no better than chance"
        return passed(f"kappa is {expected:.2f}: {verdict}.")
    a, b = list(a), list(b)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    chance = sum((a.count(c) / len(a)) * (b.count(c) / len(b)) for c in set(a) | set(b))
    if share_matches(value, observed):
        return fail(
            f"That is the observed agreement p_o ({observed:.2f}); kappa also takes away the agreement "
            "expected by chance, p_e."
        )
    if share_matches(value, chance):
        return fail("That is p_e, the agreement expected by chance: now compute (p_o - p_e) / (1 - p_e).")
    if expected is not None and abs(value - expected) < 0.05:
        return fail("Close: give kappa to two decimals.")
    return stepped(
        ("annotate.kappa", tuple(a), tuple(b)),
        "Work in steps: first p_o, then p_e, then kappa.",
        "p_o is the share of sentences with the same label; p_e adds up, for each label, "
        "the product of how often each annotator used it.",
    )


def brat_file(article: Any, answer: Any) -> CheckResult:
    """Exercise: the path of a brat ``.ann`` file holding annotations of this article."""
    from newslab.errors import NewslabError
    from newslab.exports import read_brat

    if unanswered(answer):
        return your_turn("store the path of the brat `.ann` file you exported in `answer`.")
    if isinstance(answer, Mapping) and "brat" in answer:  # what export_all returned
        answer = answer["brat"]
    if not isinstance(answer, str | Path) or not str(answer).strip():
        return fail("Answer with the path of the .ann file, as a string or a Path.")
    path = Path(str(answer).strip())
    if path.suffix != ".ann":
        return fail(
            f"`{path.name}` is not a brat annotation file: brat's annotations are in the file ending .ann."
        )
    if not path.exists():
        return fail(f"There is no file at `{path}`: run the export cell first, then use the path it returns.")
    try:
        exported = read_brat(path, article.text)
    except NewslabError as exc:
        return fail(f"The file does not read back as brat for this article: {exc}")
    if not exported.annotations:
        return fail("The file reads back but holds no annotations: export a set that has some.")
    return passed(f"{path.name} reads back with {len(exported.annotations)} annotations, offsets intact.")
