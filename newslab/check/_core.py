"""What every check returns: a result that shows as one line in a notebook."""

from __future__ import annotations

from dataclasses import dataclass


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
