"""Sentiment engine: VADER with its evidence for sentences and quotes, the target model for mentions."""

from newslab.layers.sentiment.analyse import (
    LABELS,
    EntitySentiment,
    MentionSentiment,
    QuoteSentiment,
    SentimentResult,
    analyse_sentiment,
    judge_mention,
)
from newslab.layers.sentiment.target import TargetSentiment, predict, score_target
from newslab.layers.sentiment.vader import VaderScore, label_for, plain_quotes, score_text

__all__ = [
    "LABELS",
    "EntitySentiment",
    "MentionSentiment",
    "QuoteSentiment",
    "SentimentResult",
    "TargetSentiment",
    "VaderScore",
    "analyse_sentiment",
    "judge_mention",
    "label_for",
    "plain_quotes",
    "predict",
    "score_target",
    "score_text",
]
