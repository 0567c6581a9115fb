"""What every check returns, and the helpers all checks share.

A check answers in one of three ways: ✅ Correct, ❌ Not yet (with a hint), or ✏️ Your turn (the
exercise is not answered yet: a neutral prompt, not a failure). Hints come in steps: the first wrong
try gets a hint about what to think about, a second wrong try may get a more precise one. The kernel
keeps count per exercise; ``reset_tries()`` starts again from the first hint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable
from dataclasses import dataclass
from html import escape
from numbers import Real
from typing import Any

_HEADINGS = {True: "✅ Correct", False: "❌ Not yet", None: "✏️ Your turn"}
_COLOURS = {True: "#009E73", False: "#D55E00", None: "#555555"}  # Okabe–Ito green, vermillion; grey

# Wrong tries per exercise in this kernel: (check name, article id, …) → count.
_tries: dict[Hashable, int] = {}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a check, shown as one line in a notebook.

    ``ok`` is True (correct), False (not yet) or None (nothing to grade: the exercise is not
    answered yet, or there is no answer key for this article). Only a correct result is truthy.
    ``heading`` replaces the default heading (✅ Correct, ❌ Not yet, ✏️ Your turn).
    """

    ok: bool | None
    message: str
    heading: str | None = None

    def __bool__(self) -> bool:
        return self.ok is True

    def __repr__(self) -> str:
        return f"{self.heading or _HEADINGS[self.ok]}: {self.message.replace('`', '')}"

    def _repr_html_(self) -> str:
        # Text between backticks is code; everything is escaped.
        parts = self.message.split("`")
        if len(parts) % 2 == 0:  # an unpaired backtick: show it as it is
            parts = [self.message]
        body = "".join(
            f"<code>{escape(part)}</code>" if number % 2 else escape(part)
            for number, part in enumerate(parts)
        )
        heading = escape(self.heading or _HEADINGS[self.ok])
        return f'<p style="color:{_COLOURS[self.ok]}"><b>{heading}</b>: {body}</p>'


def passed(message: str) -> CheckResult:
    """A correct answer, with one line that says what it shows."""
    return CheckResult(True, message)


def fail(hint: str) -> CheckResult:
    """A wrong answer, with a hint toward the fix."""
    return CheckResult(False, hint)


def your_turn(prompt: str) -> CheckResult:
    """An exercise not answered yet: a neutral prompt saying what to put in ``answer``."""
    return CheckResult(None, prompt)


def ask_for(what: str) -> CheckResult:
    """The prompt for an exercise not tried yet, naming what to store in ``answer`` (never how to compute it)."""
    return your_turn(f"store {what} in `answer`, then run this cell again.")


def no_gold(article: Any) -> CheckResult:
    """The check needs hand-checked annotations this article does not have."""
    return CheckResult(
        None,
        f"There is no gold file for `{article.id}` (`data/gold/{article.id}.json`), so this check has no "
        "answer key for it: compare your answer with the text yourself.",
        heading="ℹ️ No answer key",
    )


def gold_of(article: Any, gold: Any = None) -> Any | None:
    """The gold annotations to grade against: ``gold`` if given, else the article's gold file, else None."""
    if gold is not None:
        return gold
    from newslab.annotations import load_gold
    from newslab.errors import SourceNotFound

    try:
        return load_gold(article)
    except SourceNotFound:
        return None


def stepped(key: Hashable, *hints: str) -> CheckResult:
    """A wrong answer whose hint depends on how many wrong tries this exercise had in this kernel.

    The first wrong try gets ``hints[0]`` (what to think about), the second ``hints[1]`` and so on;
    later tries keep the last hint.
    """
    count = _tries.get(key, 0)
    _tries[key] = count + 1
    return fail(hints[min(count, len(hints) - 1)])


def reset_tries() -> None:
    """Forget every wrong try, so each exercise starts again from its first hint."""
    _tries.clear()


def unanswered(answer: Any) -> bool:
    """Whether an answer is still the exercise's placeholder (``None``, or only ``None``s)."""
    if answer is None:
        return True
    return isinstance(answer, list | tuple) and bool(answer) and all(item is None for item in answer)


def as_number(answer: Any) -> float | None:
    """A student's numeric answer as a float: ``14``, ``"14"``, ``" 0,5 "``, ``"50%"`` (→ 0.5), ``"3/5"``, ``[14]``.

    Returns ``None`` for anything that is not one number (text, ``None``, ``True``, a list of two).
    """
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if isinstance(answer, str):
        text = answer.strip().replace(",", ".").replace(" ", "")
        fraction = re.fullmatch(r"(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)", text)
        if fraction:
            denominator = float(fraction.group(2))
            return float(fraction.group(1)) / denominator if denominator else None
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%"))
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
        return value / 100 if percent else value
    if hasattr(answer, "item") and getattr(answer, "size", 2) == 1:  # numpy scalar or one-element array
        return as_number(answer.item())
    try:  # a one-element Series or list
        if len(answer) == 1:
            return as_number(next(iter(answer)))
    except TypeError:
        pass
    return None


def as_count(answer: Any) -> int | None:
    """A whole number from ``3``, ``3.0``, ``"3"``, ``np.int64(3)``; ``None`` for anything else."""
    value = as_number(answer)
    if value is None or not float(value).is_integer():
        return None
    return int(value)


def rounds_to(value: float, expected: float, *, places: int = 0) -> bool:
    """Whether ``value`` is ``expected`` written with some number of decimals, ``places`` or more.

    ``rounds_to(23, 23.105)`` and ``rounds_to(23.1, 23.105)`` are true (rounded to a whole number and
    to one decimal); ``rounds_to(23.2, 23.105)`` is not. A value half-way between two roundings is
    accepted either way.
    """
    for decimals in range(places, 7):
        scaled = value * 10**decimals
        if abs(scaled - round(scaled)) < 1e-6:
            return abs(value - expected) <= 0.5 * 10**-decimals + 1e-9
    return abs(value - expected) <= 0.5e-6


def share_matches(value: float, expected: float) -> bool:
    """Whether ``value`` is the share ``expected`` (0–1) as a fraction (two decimals or more) or a percentage.

    ``0.6``, ``0.60`` and ``60`` (per cent; ``"60%"`` reaches here as 0.6) all match 0.6; so do ``0.47`` and
    ``47`` for 0.4667.
    """
    if rounds_to(value, expected, places=2):
        return True
    return value > 1 and rounds_to(value / 100, expected, places=2)


def plain(text: Any) -> str:
    """Text for comparing answers: curly quotes made plain, spaces collapsed, case folded."""
    return " ".join(re.sub(r"[’‘]", "'", str(text)).split()).casefold()


# ---------------------------------------------------------------- names

_PRONOUN_WORDS = "he she him her his hers they them their theirs it its i we you me us our"
_TITLE_WORDS = (
    "mr mrs ms miss dr sen senator rep representative president ambassador gov governor mayor "
    "councillor cllr prof professor the"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
TITLES = frozenset(_TITLE_WORDS.split())


def answer_text(answer: Any) -> str | None:
    """The name an answer gives: a string, or the ``name``/``entity``/``speaker`` of an entity, dict or row."""
    if isinstance(answer, str):
        return answer
    for field in ("name", "entity", "speaker"):
        value = getattr(answer, field, None)
        if isinstance(value, str):
            return value
        if hasattr(answer, "get"):
            try:
                value = answer.get(field)
            except (TypeError, ValueError):
                value = None
            if isinstance(value, str):
                return value
    return None


def sentence_answer(answer: Any) -> Any:
    """What a student's answer naming one sentence holds: its number or its text.

    A sorted or filtered table stands for its first row; a row or a dict for its ``sentence``
    (else its ``text``); text is returned with its spacing made single, so a copied sentence matches.
    """
    if hasattr(answer, "columns") and len(answer) >= 1:
        answer = answer.iloc[0]
    if hasattr(answer, "get") and not isinstance(answer, str):
        answer = answer.get("sentence", answer.get("text"))
    if isinstance(answer, str) and as_number(answer) is None:
        return " ".join(answer.split())
    return answer


def name_words(text: Any) -> list[str]:
    """The words of a name without titles or a possessive: ``"Senator McCain’s"`` → ``["mccain"]``."""
    words = re.findall(r"[^\W_]+", plain(text).replace("'s ", " ").removesuffix("'s"))
    return [word for word in words if word not in TITLES]


def same_name(answer: Any, name: str | None, forms: Any = ()) -> bool:
    """Whether an answer names this entity: its name, a form the text uses for it, or its surname.

    Case, spacing, titles ("Senator") and a possessive do not matter; a pronoun never names anyone.
    """
    text = answer_text(answer)
    if not text or not name or plain(text) in PRONOUNS:
        return False
    given = name_words(text)
    if not given:
        return False
    for form in (name, *forms):
        if plain(form) in PRONOUNS:
            continue
        wanted = name_words(form)
        if wanted and (given == wanted or (given[-1] == wanted[-1] and set(given) <= set(wanted))):
            return True
    return False


@dataclass(frozen=True)
class GoldEntity:
    """An entity of the gold file: its name, label and every mention the gold marks for it."""

    name: str
    label: str
    mentions: tuple[Any, ...]

    @property
    def forms(self) -> set[str]:
        """The ways the text names it (pronouns left out)."""
        return {m.text for m in self.mentions if plain(m.text) not in PRONOUNS}


def gold_cast(gold: Any) -> list[GoldEntity]:
    """The people, organisations and places of a gold file, in order of first mention."""
    found: dict[str, tuple[str, list]] = {}
    for mention in gold.labelled("PERSON", "ORG", "PLACE"):
        name = str(mention.attrs.get("entity") or mention.text)
        found.setdefault(name, (mention.label, []))[1].append(mention)
    return [GoldEntity(name, label, tuple(mentions)) for name, (label, mentions) in found.items()]


def find_entity(cast: list[GoldEntity], answer: Any) -> GoldEntity | None:
    """The gold entity an answer names (by name, a form the text uses, or a surname); None if none or several."""
    text = answer_text(answer)
    if not text:
        return None
    exact = [e for e in cast if plain(text) in {plain(e.name)} | {plain(f) for f in e.forms}]
    if len(exact) == 1:
        return exact[0]
    fitting = [e for e in cast if same_name(text, e.name, e.forms)]
    return fitting[0] if len(fitting) == 1 else None
