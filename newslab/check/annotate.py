"""Checks for notebook 06 — annotate it yourself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslab.check._core import CheckResult, as_number, fail, passed
from newslab.compare import Comparison, cohen_kappa


def _close(value: float, expected: float) -> bool:
    # 0.5 and 50 (per cent) are both right; rounding to two decimals is fine.
    return abs(value - expected) <= 0.006 or (value > 1 and abs(value / 100 - expected) <= 0.006)


def _words(name: Any) -> list[str]:
    return " ".join(str(name).replace(".", " ").split()).casefold().split()


def right_speaker(result: Comparison, answer: Any) -> CheckResult:
    """Exercise: who really said the quote the student attributed to the wrong person?

    Uses the ``speaker`` rows of ``result.disagreements`` (``compare(student, gold)``); accepts the
    full name or the surname, in any case.
    """
    rows = result.disagreements[result.disagreements["kind"] == "speaker"]
    if rows.empty:
        return fail(
            "This comparison has no speaker disagreement: compare the student's work with the gold file."
        )
    right = {str(name) for name in rows["detail_b"] if name}
    wrong = {str(name) for name in rows["detail_a"] if name}
    if answer is None or not str(answer).strip():
        return fail(
            'Answer with a name, e.g. `answer = "Jane Doe"`: look at the `speaker` rows of the table.'
        )
    given = _words(answer)
    for name in right:
        words = _words(name)
        if given == words or (given and given[-1] == words[-1] and set(given) <= set(words)):
            return passed(f"{name} said it; the student's speaker was {', '.join(sorted(wrong))}.")
    for name in wrong:
        if given and given[-1] == _words(name)[-1]:
            return fail(
                "That is the student's speaker (`detail_a`), the wrong one: who does the gold (`detail_b`) say?"
            )
    return fail("Not that name. Read the `detail_b` column of the row whose kind is `speaker`.")


def quote_recall(result: Comparison, answer: Any) -> CheckResult:
    """Exercise: the student's QUOTE recall against the gold, counting overlapping spans as found."""
    scores = result.scores.set_index(["label", "match"])
    if ("QUOTE", "overlap") not in scores.index:
        return fail('This comparison has no quotes: compare with `labels` that include "QUOTE".')
    expected = float(scores.loc[("QUOTE", "overlap"), "recall"])
    value = as_number(answer)
    if value is None:
        return fail("Answer with a number between 0 and 1 (or a percentage): read it from `result.scores`.")
    if _close(value, expected):
        return passed(f"the student found {expected:.0%} of the gold's quotes (overlap counts).")
    if _close(value, float(scores.loc[("QUOTE", "exact"), "recall"])):
        return fail("That is the recall for exact matches: take the row whose `match` is `overlap`.")
    if _close(value, float(scores.loc[("QUOTE", "overlap"), "precision"])):
        return fail(
            "That is precision (the share of the student's quotes the gold has); recall goes the other way."
        )
    if _close(value, float(scores.loc[("QUOTE", "overlap"), "f1"])):
        return fail("That is F1, which mixes precision and recall: the exercise asks for recall alone.")
    return fail("Not that number: find the row with label QUOTE and match `overlap`, column `recall`.")


def kappa(a: Sequence[Any], b: Sequence[Any], answer: Any) -> CheckResult:
    """Exercise: Cohen's kappa of two annotators' labels (within 0.01)."""
    expected = cohen_kappa(list(a), list(b))
    value = as_number(answer)
    if value is None:
        return fail("Answer with a number: kappa = (p_o - p_e) / (1 - p_e).")
    if expected is not None and abs(value - expected) <= 0.01:
        return passed(f"kappa is {expected:.2f}: agreement well above chance, but far from perfect.")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    chance = sum((list(a).count(c) / len(a)) * (list(b).count(c) / len(b)) for c in set(a) | set(b))
    if abs(value - observed) <= 0.01 or abs(value / 100 - observed) <= 0.01:
        return fail(
            f"That is the observed agreement p_o ({observed:.2f}); kappa also subtracts the agreement "
            "expected by chance, p_e."
        )
    if abs(value - chance) <= 0.01:
        return fail("That is p_e, the agreement expected by chance: now compute (p_o - p_e) / (1 - p_e).")
    return fail(
        "Not yet: p_o is the share of sentences with the same label; p_e adds up, for each label, "
        "the product of how often each annotator used it."
    )


def brat_file(article: Any, answer: Any) -> CheckResult:
    """Exercise: the path of a brat ``.ann`` file holding annotations of this article."""
    from newslab.errors import NewslabError
    from newslab.exports import read_brat

    if answer is None or not str(answer).strip():
        return fail(
            "Answer with the path of the .ann file, e.g. the `brat` entry of what export_all returned."
        )
    path = Path(str(answer))
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
