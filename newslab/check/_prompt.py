"""What a check says while the student has not answered yet (``answer`` is still ``None``).

One place for the prompt of notebooks 00a, 03 (reading the tree) and 08: the neutral ✏️ Your turn
state of ``CheckResult``, saying what to store in ``answer``.
"""

from __future__ import annotations

from newslab.check._core import CheckResult
from newslab.check._core import your_turn as _your_turn


def your_turn(what: str) -> CheckResult:
    """The prompt for an exercise not tried yet: what to store in ``answer`` (never how to compute it)."""
    return _your_turn(f"store {what} in `answer`, then run this cell again.")
