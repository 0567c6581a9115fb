"""What every check returns: a result that shows as one line in a notebook."""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real
from typing import Any


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a check: ``ok`` and one line for the student."""

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"{'✅ Correct' if self.ok else '❌ Not yet'}: {self.message}"

    def _repr_html_(self) -> str:
        from html import escape

        colour = "#009E73" if self.ok else "#D55E00"
        return f'<p style="color:{colour}"><b>{escape(repr(self))}</b></p>'


def passed(message: str) -> CheckResult:
    return CheckResult(True, message)


def fail(hint: str) -> CheckResult:
    return CheckResult(False, hint)


def as_number(answer: Any) -> float | None:
    """A student's numeric answer as a float: ``14``, ``"14"``, ``" 0,5 "``, ``"50%"`` (→ 0.5), ``[14]``.

    Returns ``None`` for anything that is not one number (text, ``None``, ``True``, a list of two).
    """
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Real):
        return float(answer)
    if isinstance(answer, str):
        text = answer.strip().replace(",", ".")
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%").strip())
        except ValueError:
            return None
        return value / 100 if percent else value
    try:  # a one-element Series, array or list
        if len(answer) == 1:
            return as_number(next(iter(answer)))
    except TypeError:
        pass
    return None
