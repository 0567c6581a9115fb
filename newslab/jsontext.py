"""Reading JSON the kit did not write: a value, or one sentence that says what is wrong.

Annotation files, sidecars, JSON lines and exports all come from outside. ``json.loads`` fails on
them in three ways a student can meet — broken JSON, nesting deep enough to exhaust the stack
(``[[[[…``) and an integer of thousands of digits — and each becomes one sentence here, raised as
the caller's newslab exception, never a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from newslab import errors


def parse_json(
    text: str, *, where: str, fix: str, error: type[errors.NewslabError] = errors.InvalidInput
) -> Any:
    """The JSON value in ``text``; raise ``error`` with one sentence if it cannot be read.

    Args:
        text: the JSON text.
        where: what the text is, to open the sentence ("`story.json`", "Line 4 of the file").
        fix: what to do about it, to close the sentence ("fix it or remove it").
        error: the newslab exception to raise.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            f"{where} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}): {fix}."
        ) from None
    except RecursionError:
        raise error(f"{where} is JSON nested too deeply to read: {fix}.") from None
    except ValueError:  # an integer of thousands of digits
        raise error(
            f"{where} holds a number too long to read (more than {sys.get_int_max_str_digits():,} digits): {fix}."
        ) from None
