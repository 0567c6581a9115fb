"""Checks for the notebooks' exercises.

A check tests the student's *result*, not the text of their code; it accepts every correct
answer and answers a wrong one with a hint that points toward the fix without giving it away.
Each notebook imports the checks of its topic, e.g. ``from newslab.check import reading``.
"""

from newslab.check._core import CheckResult, fail, passed

__all__ = ["CheckResult", "fail", "passed"]
