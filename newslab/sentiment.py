"""Sentiment: of every sentence and quote, per speaker, and toward each person, organisation and place.

Two tools, each with its evidence:

- **VADER** (``newslab.layers.sentiment.vader``) scores sentences and quotes: a lexicon of word valences
  plus a few rules (negation, boosters, "but", CAPITALS, "!"). Every score lists the words that
  moved it and the rules that fired.
- **Target sentiment** (``newslab.layers.sentiment.target``) judges how a sentence treats one *mention*
  ("Senators criticised Trump" is negative toward Trump, not toward the senators), with a small
  logistic regression whose weights can be read, and lists the words that decided it.

Both are machines that count words: they miss sarcasm, read "not the dumbest idea" as praise
and count "Intelligence" in "Intelligence Committee" as a positive word. Notebook 05 shows where.

Example:
    >>> from newslab import load_article
    >>> article = load_article("trump-russia-cyber")
    >>> sentence_sentiment_table(article)[["sentence", "score", "label"]].head(3)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newslab import errors
from newslab.layers.sentiment import (
    LABELS,
    EntitySentiment,
    MentionSentiment,
    QuoteSentiment,
    SentimentResult,
    TargetSentiment,
    VaderScore,
    analyse_sentiment,
    judge_mention,
    label_for,
    plain_quotes,
    score_target,
    score_text,
)

if TYPE_CHECKING:
    import pandas as pd

    from newslab.analysis import Analysis
    from newslab.annotations import Annotation
    from newslab.article import Article

__all__ = [
    "SENTENCE_COLUMNS",
    "SPEAKER_COLUMNS",
    "TARGET_COLUMNS",
    "EntitySentiment",
    "MentionSentiment",
    "QuoteSentiment",
    "SentimentResult",
    "agreement",
    "analyse_sentiment",
    "curly_apostrophe_demo",
    "entity_sentiment_table",
    "evidence_html",
    "evidence_table",
    "label_for",
    "plain_quotes",
    "quote_sentiment_table",
    "score_target",
    "score_text",
    "sentence_sentiment_table",
    "speaker_sentiment_table",
    "target_sentiment_table",
    "to_annotations",
]

UNNAMED = "(no speaker named)"

SENTENCE_COLUMNS = ["sentence", "paragraph", "start", "end", "text", "score", "label", "evidence"]
QUOTE_COLUMNS = ["quote", "start", "end", "speaker", "kind", "text", "score", "label", "evidence"]
SPEAKER_COLUMNS = [
    "speaker",
    "quotes",
    "negative",
    "neutral",
    "positive",
    "mean_score",
    "min_score",
    "max_score",
]
TARGET_COLUMNS = [
    "sentence",
    "start",
    "end",
    "mention",
    "entity",
    "label",
    "score",
    "p_negative",
    "p_neutral",
    "p_positive",
    "evidence",
]
ENTITY_COLUMNS = ["id", "name", "type", "mentions", "negative", "neutral", "positive", "mean_score", "label"]


def to_annotations(article: Article, result: SentimentResult) -> list[Annotation]:
    """The sentences' sentiment as ``SENTIMENT`` annotations (``attrs``: ``value`` and ``score``)."""
    from newslab.annotations import make_annotation

    return [
        make_annotation(article.text, s.start, s.end, "SENTIMENT", value=s.label, score=s.score)
        for s in result.sentences
    ]


# ----------------------------------------------------------------------------------- tables


def _result(article: Article) -> SentimentResult:
    from newslab.analysis import analyze

    return analyze(article).sentiment


def sentence_sentiment_table(article: Article | Analysis) -> pd.DataFrame:
    """One row per body sentence with its VADER score and the evidence, in text order.

    Columns: ``sentence`` (number from 0), ``paragraph`` (from 0), ``start``, ``end``, ``text``,
    ``score`` (compound, -1 … +1), ``label`` (negative / neutral / positive, cut at ±0.05),
    ``evidence`` (the words that moved the score, their valences and the rules that fired).

    Example:
        >>> sentence_sentiment_table(article).label.value_counts()
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    rows = [
        {
            "sentence": number,
            "paragraph": article.paragraph_of(s.start),
            "start": s.start,
            "end": s.end,
            "text": article.text[s.start : s.end],
            "score": s.score,
            "label": s.label,
            "evidence": s.explain(),
        }
        for number, s in enumerate(analysis.sentiment.sentences)
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def quote_sentiment_table(article: Article | Analysis) -> pd.DataFrame:
    """One row per quote with its speaker, VADER score and evidence, in text order.

    Columns: ``quote`` (number from 0), ``start``, ``end``, ``speaker`` (canonical name or
    ``"(no speaker named)"``), ``kind``, ``text``, ``score``, ``label``, ``evidence``.
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    rows = [
        {
            "quote": number,
            "start": q.start,
            "end": q.end,
            "speaker": q.speaker or UNNAMED,
            "kind": q.kind,
            "text": article.text[q.start : q.end],
            "score": q.vader.score,
            "label": q.vader.label,
            "evidence": q.vader.explain(),
        }
        for number, q in enumerate(analysis.sentiment.quotes)
    ]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def speaker_sentiment_table(article: Article | Analysis) -> pd.DataFrame:
    """The sentiment of each speaker's quotes: how many, how many of each label, and the mean score.

    Columns: ``speaker``, ``quotes`` (count), ``negative``, ``neutral``, ``positive`` (counts),
    ``mean_score``, ``min_score``, ``max_score``. Sorted by number of quotes (most first), then
    name. A mean over one quote says little: read it with its count.

    Example:
        >>> speaker_sentiment_table(article)[["speaker", "quotes", "mean_score"]]
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    groups: dict[str, list[QuoteSentiment]] = {}
    for q in analysis.sentiment.quotes:
        groups.setdefault(q.speaker or UNNAMED, []).append(q)
    rows = []
    for speaker, items in groups.items():
        scores = [q.vader.score for q in items]
        labels = Counter(q.vader.label for q in items)
        rows.append(
            {
                "speaker": speaker,
                "quotes": len(items),
                **{label: labels.get(label, 0) for label in LABELS},
                "mean_score": round(sum(scores) / len(scores), 4),
                "min_score": min(scores),
                "max_score": max(scores),
            }
        )
    rows.sort(key=lambda r: (-r["quotes"], r["speaker"]))
    return pd.DataFrame(rows, columns=SPEAKER_COLUMNS)


def entity_sentiment_table(article: Article | Analysis) -> pd.DataFrame:
    """How each entity is treated over all its mentions, in the cast's order.

    Columns: ``id``, ``name``, ``type``, ``mentions`` (judged), ``negative``, ``neutral``,
    ``positive`` (counts), ``mean_score`` (P(positive) − P(negative), averaged), ``label``
    (the most frequent label).
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    return pd.DataFrame([e.to_json() for e in analysis.sentiment.entities], columns=ENTITY_COLUMNS)


def _matching_entities(cast: Sequence[Any], target: str) -> list[Any]:
    wanted = target.casefold().strip()
    exact = [e for e in cast if e.name.casefold() == wanted or e.id == target]
    if exact:
        return exact
    word = re.compile(rf"\b{re.escape(wanted)}\b")
    named = [e for e in cast if word.search(e.name.casefold())]
    if named:
        return named
    return [e for e in cast if any(m.text.casefold() == wanted for m in e.mentions)]


def target_sentiment_table(article: Article | Analysis, target: str | Any) -> pd.DataFrame:
    """The sentiment toward one entity, mention by mention along the story.

    The target is an entity of the cast (an ``Entity`` or its name, id or one of its mentions,
    e.g. ``"Trump"``, ``"Russia"``); its mentions include surnames and pronouns. When no entity
    matches, every occurrence of the words in the body is judged instead.

    Columns: ``sentence`` (number from 0), ``start``, ``end``, ``mention`` (its text),
    ``entity`` (canonical name, or the target as given), ``label``, ``score``
    (P(positive) − P(negative)), ``p_negative``, ``p_neutral``, ``p_positive``, ``evidence``
    (the words that decided it, with their pushes). In text order.

    Raises:
        InvalidInput: the target is empty.

    Example:
        >>> target_sentiment_table(article, "Russia")[["sentence", "mention", "label"]]
    """
    import pandas as pd

    from newslab.analysis import analyze

    analysis = analyze(article)
    article = analysis.article
    if not isinstance(target, str):
        target = getattr(target, "name", "")
    if not target or not target.strip():
        raise errors.InvalidInput('The target is empty: give a name such as "Russia" or "Trump".')
    entities = _matching_entities(analysis.cast, target)
    judged: list[tuple[str, int, TargetSentiment]] = []
    if entities:
        ids = {e.id for e in entities}
        judged = [(m.entity, m.sentence, m.result) for m in analysis.sentiment.mentions if m.entity_id in ids]
    else:
        body = article.text[article.body.start : article.body.end]
        pattern = re.compile(rf"(?<!\w){re.escape(target.strip())}(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(body):
            start, end = article.body.start + match.start(), article.body.start + match.end()
            found = judge_mention(article, analysis.doc, start, end)
            if found is not None:
                judged.append((target.strip(), found[0], found[1]))
    rows = [
        {
            "sentence": number,
            "start": r.start,
            "end": r.end,
            "mention": r.target,
            "entity": name,
            "label": r.label,
            "score": r.score,
            "p_negative": r.probabilities["negative"],
            "p_neutral": r.probabilities["neutral"],
            "p_positive": r.probabilities["positive"],
            "evidence": r.explain(),
        }
        for name, number, r in judged
    ]
    rows.sort(key=lambda row: (row["start"], row["end"], row["entity"]))
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


# ----------------------------------------------------------------------------------- evidence


def evidence_table(result: VaderScore | TargetSentiment, text: str) -> pd.DataFrame:
    """The evidence behind one score, one row per word: what it weighs and why.

    For a VADER score the columns are ``word``, ``start``, ``end``, ``lexicon`` (its valence in
    the lexicon), ``valence`` (what it added after the rules) and ``rules``; for a target
    sentiment ``word``, ``start``, ``end``, ``weight`` (push toward the chosen label) and
    ``features``. Words in text order.

    Example:
        >>> evidence_table(score_text("We can’t trust Russia."), "We can’t trust Russia.")
    """
    import pandas as pd

    if isinstance(result, VaderScore):
        rows = [
            {
                "word": text[w.start : w.end],
                "start": w.start,
                "end": w.end,
                "lexicon": w.lexicon,
                "valence": w.valence,
                "rules": "; ".join(w.rules),
            }
            for w in result.words
        ]
        return pd.DataFrame(rows, columns=["word", "start", "end", "lexicon", "valence", "rules"])
    rows = [
        {
            "word": text[w.start : w.end],
            "start": w.start,
            "end": w.end,
            "weight": w.weight,
            "features": ", ".join(w.features),
        }
        for w in sorted(result.words, key=lambda w: w.start)
    ]
    return pd.DataFrame(rows, columns=["word", "start", "end", "weight", "features"])


def evidence_html(text: str, result: VaderScore | TargetSentiment, *, min_weight: float = 0.1) -> str:
    """The scored text as escaped HTML with each evidence word marked, its weight shown beside it.

    Words that pull toward positive are blue, toward negative vermillion (colour *and* a signed
    number); hovering shows the rules. For a target sentiment the target is marked too.

    Args:
        text: the text the result's offsets refer to (e.g. ``article.text``).
        result: from :func:`score_text`, :func:`score_target` or a table's analysis.
        min_weight: for a target sentiment, mark only words that push at least this much (either way);
            every VADER evidence word is marked.

    Returns:
        A ``<div>`` of HTML; show it with ``IPython.display.HTML``.
    """
    from newslab.render import highlight_html

    spans = []
    if isinstance(result, VaderScore):
        start, end = result.start, result.end
        for w in result.words:
            label = "positive" if w.valence > 0 else "negative" if w.valence < 0 else "neutral"
            title = f"lexicon {w.lexicon:+.2f}" + ("; " + "; ".join(w.rules) if w.rules else "")
            spans.append(
                {"start": w.start, "end": w.end, "label": label, "tag": f"{w.valence:+.2f}", "title": title}
            )
    else:
        start, end = result.sentence_start, result.sentence_end
        spans.append(
            {"start": result.start, "end": result.end, "label": "SENTIMENT", "tag": f"target: {result.label}"}
        )
        # a word's push is toward the chosen label; show it as a push toward positive or negative
        sign = {"positive": 1, "negative": -1}.get(result.label, 0)
        for w in result.words:
            if (w.start < result.end and w.end > result.start) or abs(w.weight) < min_weight:
                continue
            toward = sign * w.weight
            label = "positive" if toward > 0 else "negative" if toward < 0 else "neutral"
            spans.append(
                {
                    "start": w.start,
                    "end": w.end,
                    "label": label,
                    "tag": f"{w.weight:+.2f}",
                    "title": f"pushes {'toward' if w.weight > 0 else 'away from'} {result.label}: "
                    + ", ".join(w.features),
                }
            )
    return highlight_html(text, spans, start=start, end=end)


# ----------------------------------------------------------------------------------- comparing


def agreement(labels_a: Iterable[str | None], labels_b: Iterable[str | None]) -> float:
    """The share of items two annotators labelled the same (0.0 … 1.0), ignoring unlabelled ones.

    Args:
        labels_a, labels_b: labels in the same order, e.g. yours and the machine's; ``None`` or ``""``
            means "not labelled" and that item is left out.

    Raises:
        InvalidInput: the two lists differ in length or nothing was labelled by both.

    Example:
        >>> agreement(["negative", "neutral"], ["negative", "positive"])
        0.5
    """
    a, b = list(labels_a), list(labels_b)
    if len(a) != len(b):
        raise errors.InvalidInput(
            f"The two label lists differ in length ({len(a)} and {len(b)}): give one label per item."
        )
    pairs = [(x.strip().lower(), y.strip().lower()) for x, y in zip(a, b, strict=True) if x and y]
    if not pairs:
        raise errors.InvalidInput("No item is labelled in both lists: label at least one item.")
    return sum(x == y for x, y in pairs) / len(pairs)


def curly_apostrophe_demo(text: str) -> dict[str, float]:
    """VADER's compound score of ``text`` as written and with plain quotes, to see what curly apostrophes do.

    Example:
        >>> curly_apostrophe_demo("We can’t trust Russia.")
        {'as written': 0.5106, 'plain quotes': -0.4023}
    """
    from newslab.layers.sentiment.vader import analyzer

    return {
        "as written": analyzer().polarity_scores(text)["compound"],
        "plain quotes": analyzer().polarity_scores(plain_quotes(text))["compound"],
    }
