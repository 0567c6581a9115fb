"""A small learned model that chooses who made a quote among the people a sentence offers.

A sentence such as "As Lee said Ray “had lied”, Ray called it “a smear”" names several people who
could have said each quoted phrase. The rules in ``statements`` and ``speakers`` pick one; this
module looks at every *candidate* — the subject of each verb of saying near the quote, the speaker
of the quote before it, and the rules' own pick — and scores each one with a logistic regression
over readable features ("the verb comes right after the quote", "the candidate is a pronoun", "the
verb is 'call'", "the rules chose it"). The candidate with the highest score wins.

The weights were learned from the PolNeAR training articles (US political news, 2016) by
``scripts/train_speaker_model.py`` and are shipped in
``newslab/layers/quotes/speaker_weights.json``, where every weight can be read: a positive weight
makes a candidate more likely to be the speaker.

Example:
    >>> chosen = choose([Candidate((0, 3), None, "cue", {"rule": 1.0}),
    ...                  Candidate((9, 12), None, "cue", {"cue_after": 1.0})])
    >>> chosen.index, chosen.reasons(top=1)[0][0]
    (0, 'rule')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newslab.layers.quotes.weights import read_weights

WEIGHTS_PATH = Path(__file__).resolve().parent / "speaker_weights.json"
SCHEMA = "newslab.speaker_choice/1"


@dataclass(frozen=True)
class Candidate:
    """Someone who may have made a quote: the words that name them, the cue and the features.

    Attributes:
        mention: character offsets of the words that name the candidate ("Lee", "the senator", "she").
        cue: offsets of the verb or phrase that makes them a speaker, ``None`` when there is none
            (the speaker of the previous quote, carried over).
        origin: where the candidate comes from: ``"cue"`` (the subject of a verb of saying near the
            quote), ``"previous"`` (the previous quote's speaker) or ``"rule"`` (the rules' own pick
            when it is neither).
        features: feature name → value, the model's view of this candidate.
        cue_index: the cue's token index in the Doc (for its channel), ``None`` without a cue.
    """

    mention: tuple[int, int]
    cue: tuple[int, int] | None
    origin: str
    features: dict[str, float] = field(default_factory=dict)
    cue_index: int | None = None


@dataclass(frozen=True)
class Choice:
    """The model's verdict on one quote: the candidates, their scores and the winner."""

    candidates: tuple[Candidate, ...]
    scores: tuple[float, ...]
    index: int
    weights: dict[str, float] = field(repr=False, default_factory=dict)

    @property
    def chosen(self) -> Candidate:
        return self.candidates[self.index]

    def probabilities(self) -> list[float]:
        """Each candidate's share of the choice (a softmax over the scores)."""
        top = max(self.scores)
        exps = [math.exp(s - top) for s in self.scores]
        total = sum(exps)
        return [e / total for e in exps]

    def reasons(self, *, top: int = 5) -> list[tuple[str, float]]:
        """The features that set the winner apart from the runner-up (weight × value difference)."""
        winner = self.chosen.features
        others = [c for k, c in enumerate(self.candidates) if k != self.index]
        if not others:
            pushes = {name: self.weights.get(name, 0.0) * value for name, value in winner.items()}
        else:
            runner_up = max(
                (k for k in range(len(self.candidates)) if k != self.index), key=lambda k: self.scores[k]
            )
            rival = self.candidates[runner_up].features
            pushes = {
                name: self.weights.get(name, 0.0) * (winner.get(name, 0.0) - rival.get(name, 0.0))
                for name in set(winner) | set(rival)
            }
        ranked = sorted(((n, round(v, 3)) for n, v in pushes.items() if v), key=lambda p: (-abs(p[1]), p[0]))
        return ranked[:top]


@lru_cache(maxsize=1)
def load_weights(path: Path = WEIGHTS_PATH) -> dict[str, float]:
    """The shipped weights (feature name → weight), read once and checked (see ``read_weights``)."""
    return read_weights(path, SCHEMA, model="speaker-choice model")[0]


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """A candidate's score: the sum of its features' values times their weights."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def choose(
    candidates: list[Candidate], weights: dict[str, float] | None = None, *, margin: float = 0.0
) -> Choice:
    """Score every candidate and pick the best (ties go to the earlier one, the rules' pick first).

    Args:
        candidates: at least one candidate.
        weights: feature weights; the shipped ones when ``None``.
        margin: how far another candidate must outscore the rules' pick (the candidate with the
            ``rule`` feature) to replace it.
    """
    weights = load_weights() if weights is None else weights
    scores = tuple(score(c.features, weights) for c in candidates)
    best = max(range(len(candidates)), key=lambda k: (scores[k], -k))
    ruled = [k for k, c in enumerate(candidates) if c.features.get("rule")]
    if ruled and scores[best] - scores[ruled[0]] <= margin:
        best = ruled[0]
    return Choice(tuple(candidates), scores, best, weights)
