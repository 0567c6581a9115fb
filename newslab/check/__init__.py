"""Checks for the notebooks' exercises.

A check tests the student's *result*, not the text of their code; it accepts every correct
answer and answers a wrong one with a hint that points toward the fix without giving it away.
Where the exercise is about the article, the answer key is what the text says (the hand-checked
gold file, or a fact the check states itself), never the kit's own analysis, which can be wrong.
Each notebook imports the checks of its topic, e.g. ``from newslab.check import reading``.
"""

from newslab.check._core import CheckResult, fail, passed, reset_tries, your_turn

__all__ = ["CheckResult", "fail", "passed", "reset_tries", "your_turn"]
