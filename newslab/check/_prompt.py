"""What a check says while the student has not answered yet (``answer`` is still ``None``).

One place for the prompt of notebooks 00a, 03 (reading the tree) and 08: the neutral ✏️ Your turn
state of ``CheckResult``, with an example of what to store in ``answer``.
"""

from __future__ import annotations

from newslab.check._core import CheckResult
from newslab.check._core import your_turn as _your_turn


def your_turn(example: str) -> CheckResult:
    """The prompt for an exercise not tried yet: where to put the answer, with an example of its form."""
    return _your_turn(f"store your answer in `answer` (for example `{example}`) and run this cell again.")
