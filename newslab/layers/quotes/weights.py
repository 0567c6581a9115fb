"""Reading a weights file shipped beside the quote engines: checked before use, never executed.

The speaker choice (``speaker_weights.json``) and the fragment keeper (``fragment_weights.json``)
are plain JSON written by ``scripts/train_speaker_model.py``: a ``schema`` naming the model, a
``weights`` mapping from feature name to number, and what else the model needs (a threshold, a
note of the data it learned from). A file that is missing, broken or of another kind stops the
kit with one sentence, rather than quietly falling back to the rules.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from newslab import errors
from newslab.jsontext import parse_json


def read_shipped_json(path: Path, *, what: str, remake: str) -> Any:
    """The JSON value of a file shipped with the kit; one sentence naming ``what`` if it cannot be read.

    Args:
        path: the file.
        what: what the file is called in a message ("speaker-choice model").
        remake: what to do about it ("reinstall newslab or run …").
    """
    if not path.is_file():
        raise errors.InvalidInput(f"The {what} `{path.name}` is missing: {remake}.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise errors.InvalidInput(f"The {what} `{path.name}` is not UTF-8 text: {remake}.") from None
    return parse_json(text, where=f"The {what} `{path.name}`", fix=remake)


def read_weights(path: Path, schema: str, *, model: str) -> tuple[dict[str, float], dict[str, Any]]:
    """The feature weights in ``path`` and the whole file's contents, after checking both.

    Args:
        path: the weights file.
        schema: the ``schema`` the file must name ("newslab.speaker_choice/1").
        model: what the model is called in a message ("speaker-choice model").

    Raises:
        InvalidInput: the file is missing, is not JSON, names another schema or holds a weight
            that is not a finite number.
    """
    retrain = "reinstall newslab or run `python scripts/train_speaker_model.py` to make it again"
    data = read_shipped_json(path, what=model, remake=retrain)
    if (
        not isinstance(data, dict)
        or data.get("schema") != schema
        or not isinstance(data.get("weights"), dict)
    ):
        raise errors.InvalidInput(f"`{path.name}` is not a newslab {model}: {retrain}.")
    weights = data["weights"]
    bad = sorted(
        name
        for name, value in weights.items()
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
    )
    if bad:
        raise errors.InvalidInput(
            f"The {model} `{path.name}` has a weight that is not a number ({bad[0]!r}): {retrain}."
        )
    return {str(name): float(value) for name, value in weights.items()}, data
