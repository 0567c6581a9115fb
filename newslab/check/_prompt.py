"""What a check says while the student has not answered yet (``answer`` is still ``None``).

One place for it, so that the checks of notebooks 00a, 03 (reading the tree) and 08 show the same
neutral prompt, and can show a "your turn" state instead of "Not yet" once results have one.
"""

from __future__ import annotations

from newslab.check._core import CheckResult, fail


def your_turn(example: str) -> CheckResult:
    """The prompt for an exercise not tried yet: where to put the answer, with an example."""
    return fail(
        f"Your turn: store your answer in `answer` (for example `{example}`) and run this cell again."
    )
