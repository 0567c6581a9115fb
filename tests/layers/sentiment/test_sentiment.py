"""Sentiment: VADER with evidence, target sentiment, tables, plots and JSON lines, on hand-made texts."""

from __future__ import annotations

import json

import matplotlib
import pytest

matplotlib.use("Agg")

from newslab import errors
from newslab.article import Article
from newslab.figures import alt_text
from newslab.layers.sentiment.vader import analyzer, label_for, plain_quotes
from newslab.sentiment import (
    SENTENCE_COLUMNS,
    SPEAKER_COLUMNS,
    TARGET_COLUMNS,
    agreement,
    analyse_sentiment,
    curly_apostrophe_demo,
    evidence_html,
    evidence_table,
    score_target,
    score_text,
    sentence_sentiment_table,
    speaker_sentiment_table,
    target_sentiment_table,
    to_annotations,
)

VADER_CASES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "At least it isn't a horrible book.",
    "Sentiment analysis has never been this good!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "No problem, no good reason?? Really??",
    "There has been no penalty.",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "",
    "   ",
]


@pytest.mark.parametrize("text", VADER_CASES)
def test_score_equals_vader_compound(text):
    assert score_text(text).score == analyzer().polarity_scores(plain_quotes(text))["compound"]


def test_plain_quotes_is_one_character_for_one():
    text = "“We can’t,” she said — ‘twice’… «non»"
    plain = plain_quotes(text)
    assert len(plain) == len(text)
    assert plain == '"We can\'t," she said - \'twice\'. "non"'


def test_curly_apostrophe_is_read_as_negation():
    curly, straight = score_text("We can’t trust Russia."), score_text("We can't trust Russia.")
    assert curly.score == straight.score < 0
    assert curly.label == "negative"
    demo = curly_apostrophe_demo("We can’t trust Russia.")
    assert demo["as written"] > 0 > demo["plain quotes"]


def test_evidence_offsets_point_at_the_words():
    text = "Intro. “It was NOT good at all, but the ending is very great!” he said."
    result = score_text(text, 7, len(text))
    assert result.start == 7
    for word in result.words:
        assert text[word.start : word.end] == word.text
    assert [w.text for w in result.words] == ["good", "great"]


def test_rules_are_named():
    rules = " ".join(r for w in score_text("It was NOT good, but very great!").words for r in w.rules)
    assert "negated by 'NOT'" in rules
    assert "before 'but'" in rules and "after 'but'" in rules
    assert "booster 'very'" in rules
    assert score_text("It is great!").rules == ("'!' emphasis (+0.292)",)
    caps = score_text("It is GREAT today").words[0]
    assert any("CAPITALS" in r for r in caps.rules)
    assert "dampener 'slightly'" in score_text("It is slightly good").words[0].rules[0]


def test_explain_and_json():
    result = score_text("We can’t trust Russia.")
    assert result.explain() == "trust -1.70 [negated by 'can't' (×-0.74)]; total -1.70"
    data = result.to_json()
    assert set(data) == {"start", "end", "score", "label", "evidence"}
    assert data["evidence"]["words"][0]["text"] == "trust"
    assert score_text("The meeting is on Monday.").explain() == "no sentiment words"


def test_label_thresholds():
    assert label_for(0.05) == "positive"
    assert label_for(-0.05) == "negative"
    assert label_for(0.0499) == "neutral"


# ------------------------------------------------------------------ the target model


def test_target_sentiment_is_about_the_target():
    text = "Critics attacked Smith, who praised Jones."
    toward_smith = score_target(text, text.index("Smith"), text.index("Smith") + 5)
    assert toward_smith.target == "Smith"
    assert toward_smith.label == "negative"
    assert abs(sum(toward_smith.probabilities.values()) - 1) < 1e-3
    assert -1 <= toward_smith.score <= 1
    for word in toward_smith.words:
        assert text[word.start : word.end] == word.text
    assert "attacked" in toward_smith.explain()


def test_target_evidence_words_exclude_nothing_and_json_is_safe():
    text = "The senator thanked Lopez for her brave work."
    result = score_target(text, 20, 25)
    json.dumps(result.to_json())
    assert result.to_json()["target"] == "Lopez"
    assert result.sentence_start == 0 and result.sentence_end == len(text)


def test_target_evidence_is_worked_out_when_first_asked_for():
    text = "Critics attacked Smith."
    result = score_target(text, 17, 22)
    assert "_pushes" not in vars(result)  # a batch run, which never asks, does not pay for it
    assert "attacked" in [w.text for w in result.words]
    assert "_pushes" in vars(result)
    assert result == score_target(text, 17, 22)  # the evidence's inputs take no part in equality


@pytest.mark.parametrize(("start", "end"), [(5, 2), (-1, 3), (0, 999), (3, 4)])
def test_score_target_rejects_bad_offsets(start, end):
    with pytest.raises(errors.InvalidInput, match="offsets"):
        score_target("Ana met Bo.", start, end)


def test_shipped_weights_are_readable():
    from newslab.layers.sentiment.target import LABELS, MODEL_PATH, load_model

    model = load_model()
    assert model.labels == LABELS
    assert "bias" in model.weights
    assert all(len(w) == 3 for w in model.weights.values())
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["meta"]["script"] == "scripts/train_target_sentiment.py"
    assert json.loads(model.dumps()) == model.to_json()


def test_missing_weights_file_says_how_to_train(tmp_path):
    from newslab.layers.sentiment.target import load_model

    with pytest.raises(errors.SourceNotFound, match="train_target_sentiment"):
        load_model(tmp_path / "nothing.json")


# ------------------------------------------------------------------ the article layer

TEXT = (
    "Ana Ruiz praised the new bridge.\n\n"
    "“It is a wonderful, safe bridge,” Ruiz said.\n\n"
    "Critics attacked the mayor. “We can’t trust him,” said Bo Lee."
)


def _article():
    return Article.from_text(TEXT, id="bridge")


def _cast_and_quotes(article):
    from newslab.people import Entity, Mention
    from newslab.quotes import Quote

    def mention(word, nth=0, kind="name"):
        start = -1
        for _ in range(nth + 1):
            start = article.text.index(word, start + 1)
        return Mention(start, start + len(word), word, kind, "hand-made")

    cast = [
        Entity("E1", "Ana Ruiz", "PERSON", None, (mention("Ana Ruiz"), mention("Ruiz", 1, "surname"))),
        Entity("E2", "Bo Lee", "PERSON", None, (mention("Bo Lee"),)),
        Entity(
            "E3",
            "mayor",
            "PERSON",
            "mayor",
            (mention("mayor", kind="description"), mention("him", kind="pronoun")),
        ),
    ]
    quotes = []
    for quoted, speaker in (
        ("“It is a wonderful, safe bridge,”", "Ana Ruiz"),
        ("“We can’t trust him,”", "Bo Lee"),
    ):
        start = article.text.index(quoted)
        quotes.append(
            Quote(
                start,
                start + len(quoted),
                quoted,
                "direct",
                speaker,
                None,
                None,
                None,
                "said",
                None,
                None,
                None,
                0,
                0,
            )
        )
    return cast, quotes


def test_analyse_with_empty_cast_and_quotes():
    from newslab.nlp import parse

    article = _article()
    result = analyse_sentiment(article, parse(article), [], [])
    data = result.to_json()
    assert set(data) == {"sentences", "quotes", "entities"}
    assert data["quotes"] == [] and data["entities"] == []
    assert len(data["sentences"]) == len(article.sentences)
    for record in data["sentences"]:
        assert set(record) == {"start", "end", "score", "label"}
    json.dumps(data)
    annotations = to_annotations(article, result)
    assert {a.label for a in annotations} == {"SENTIMENT"}
    assert all(article.text[a.start : a.end] == a.text for a in annotations)


def test_analyse_with_hand_made_cast_and_quotes():
    from newslab.nlp import parse

    article = _article()
    cast, quotes = _cast_and_quotes(article)
    result = analyse_sentiment(article, parse(article), cast, quotes)
    data = result.to_json()
    assert [q["label"] for q in data["quotes"]] == ["positive", "negative"]
    assert [q["speaker"] for q in data["quotes"]] == ["Ana Ruiz", "Bo Lee"]
    summaries = {e["name"]: e for e in data["entities"]}
    assert summaries["Ana Ruiz"]["mentions"] == 2
    assert sum(summaries["Ana Ruiz"][lab] for lab in ("negative", "neutral", "positive")) == 2
    for mention in result.mentions:
        assert article.text[mention.result.start : mention.result.end] == mention.result.target


def test_tables_from_records_made_by_hand():
    from newslab.analysis import Analysis

    article = _article()
    cast, quotes = _cast_and_quotes(article)
    analysis = Analysis(article, records={"cast": cast, "quotes": quotes})  # no model needed for these
    sentences = sentence_sentiment_table(analysis)
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert all(article.text[r.start : r.end] == r.text for r in sentences.itertuples())
    speakers = speaker_sentiment_table(analysis)
    assert list(speakers.columns) == SPEAKER_COLUMNS
    assert list(speakers["speaker"]) == ["Ana Ruiz", "Bo Lee"]
    assert list(speakers["quotes"]) == [1, 1]
    toward = target_sentiment_table(analysis, "Ruiz")
    assert list(toward.columns) == TARGET_COLUMNS
    assert list(toward["mention"]) == ["Ana Ruiz", "Ruiz"]
    assert set(toward["entity"]) == {"Ana Ruiz"}
    # a target that is not in the cast: every occurrence of the words is judged
    bridge = target_sentiment_table(analysis, "bridge")
    assert list(bridge["mention"]) == ["bridge", "bridge"]
    with pytest.raises(errors.InvalidInput):
        target_sentiment_table(analysis, "  ")


def test_plots_have_titles_labels_and_alt_text(monkeypatch):
    import pandas as pd

    from newslab.sentiment_plots import plot_sentiment_arc, plot_speaker_sentiment, plot_target_sentiment

    arc = pd.DataFrame(
        {"sentence": [0, 1, 2], "score": [-0.5, 0.0, 0.7], "label": ["negative", "neutral", "positive"]}
    )
    ax = plot_sentiment_arc(arc)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert "3 sentences" in alt_text(ax)
    speakers = pd.DataFrame(
        {
            "speaker": ["A", "B"],
            "quotes": [3, 1],
            "mean_score": [-0.4, 0.2],
            "negative": [2, 0],
            "neutral": [1, 0],
            "positive": [0, 1],
        }
    )
    ax = plot_speaker_sentiment(speakers)
    assert "A: 3 quotes, mean -0.40" in alt_text(ax)
    texts = [t.get_text() for t in ax.texts]
    assert "n=3" in texts and "n=1" in texts
    toward = pd.DataFrame({"sentence": [0, 0, 4], "label": ["negative", "neutral", "negative"]})
    ax = plot_target_sentiment({"Russia": toward}, sentences=6)
    assert "Russia: 2 negative, 1 neutral, 0 positive" in alt_text(ax)


def test_evidence_table_and_html_are_escaped():
    text = "<script>alert(1)</script> It is a great & terrible day."
    vader = score_text(text)
    table = evidence_table(vader, text)
    assert list(table["word"]) == ["great", "terrible"]
    html = evidence_html(text, vader)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "+3.10" in html
    target_text = "Critics attacked <b>Smith</b> today."
    result = score_target(target_text, target_text.index("Smith"), target_text.index("Smith") + 5)
    html = evidence_html(target_text, result)
    assert "<b>" not in html and "&lt;" in html and "target: " in html
    assert list(evidence_table(result, target_text).columns) == ["word", "start", "end", "weight", "features"]


def test_agreement():
    assert agreement(["negative", "neutral"], ["negative", "positive"]) == 0.5
    assert agreement(["Negative ", None, ""], ["negative", "positive", "neutral"]) == 1.0
    with pytest.raises(errors.InvalidInput, match="length"):
        agreement(["negative"], [])
    with pytest.raises(errors.InvalidInput, match="labelled"):
        agreement([None], ["negative"])
