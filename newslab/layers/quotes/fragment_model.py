"""A small learned model that decides whether a quotation the rules left without a speaker is kept.

Reporters put quotation marks around a word or phrase for two reasons: to quote someone (“Lee
called the plan ‘a disaster’”) or to keep their distance from a word (the so-called “reform”).
When the rules find no verb of saying for such a fragment, they drop it. This model looks again:
the speaker model in :mod:`newslab.layers.quotes.speaker_model` proposes the likeliest speaker
among the people near the fragment, and a logistic regression over readable features ("the
fragment is one word", "the proposed speaker is the subject of the verb the fragment hangs from",
"the speaker model is sure of its pick") estimates the chance that the fragment is a quote *and*
the proposed speaker is right. The fragment is kept only when that chance clears the threshold
stored with the weights.

The weights and the threshold were learned from the PolNeAR training articles by
``scripts/train_speaker_model.py`` and are shipped in ``newslab/layers/quotes/fragment_weights.json``.

Example:
    >>> keep_chance({"bias": 1.0}, {"bias": 0.0})
    0.5
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from newslab import errors
from newslab.layers.quotes.speaker_model import score
from newslab.layers.quotes.weights import read_weights

FRAGMENT_WEIGHTS_PATH = Path(__file__).resolve().parent / "fragment_weights.json"
FRAGMENT_SCHEMA = "newslab.fragment_keep/1"


@lru_cache(maxsize=1)
def load_fragment_model(path: Path = FRAGMENT_WEIGHTS_PATH) -> tuple[dict[str, float], float]:
    """The shipped weights (feature name → weight) and threshold, read once and checked."""
    model = "fragment-keeping model"
    weights, data = read_weights(path, FRAGMENT_SCHEMA, model=model)
    threshold = data.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise errors.InvalidInput(
            f"The {model} `{path.name}` needs a threshold between 0 and 1: "
            "run `python scripts/train_speaker_model.py` to make it again."
        )
    return weights, float(threshold)


def keep_chance(features: dict[str, float], weights: dict[str, float]) -> float:
    """The estimated chance that a fragment is a quote and its proposed speaker is right."""
    total = max(-30.0, min(30.0, score(features, weights)))
    return 1.0 / (1.0 + math.exp(-total))


def keep_reasons(
    features: dict[str, float], weights: dict[str, float], *, top: int = 5
) -> list[tuple[str, float]]:
    """The features that pushed the chance most, each with its push (weight × value)."""
    pushes = ((name, round(weights.get(name, 0.0) * value, 3)) for name, value in features.items())
    ranked = sorted((p for p in pushes if p[1]), key=lambda p: (-abs(p[1]), p[0]))
    return ranked[:top]
