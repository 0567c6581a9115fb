"""Prose that cannot go stale: what a notebook's text says about its outputs is computed, not typed.

Ids (Q17, E4) and figure descriptions change whenever the article or a rule changes; a Markdown
cell that types them goes stale silently. These tests read every notebook (and solution) and fail
on such typed facts, so they stay in code cells that print them (``Markdown(f"…")``).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")) + sorted(
    (ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb")
)
TYPED_ID = re.compile(r"(?<![-\w])[QE]\d+\b")  # not "2017-Q3", a quarter


def _markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_no_typed_quote_or_entity_ids(path):
    for text in _markdown(path):
        found = [m for m in TYPED_ID.findall(text) if m not in ("Q<n>",)]
        assert not found, f"a Markdown cell types the id(s) {found}: print them from the table instead"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_figure_descriptions_are_generated(path):
    for text in _markdown(path):
        assert "Figure description:" not in text, "describe a figure with alt_text(ax) in a code cell"


# ---------------------------------------------------------------- facts the prose states, checked


def _prose(name: str) -> str:
    return "\n".join(_markdown(ROOT / "notebooks" / name))


@pytest.mark.model
def test_00a_the_outlet_line_and_the_shortest_sentence(seed):
    from newslab.anatomy import sentences_table

    prose = _prose("00a-python-in-30-minutes.ipynb")
    assert "its first 11 characters are the outlet line" in prose
    assert seed.text[:11] == seed.outlet
    assert 'The shortest "sentence" is `He vehemently denied it.”`' in prose
    table = sentences_table(seed)
    assert table.loc[table["words"].idxmin(), "text"] == "He vehemently denied it.”"


@pytest.mark.model
def test_03_sentence_16_reports_two_statements(seed):
    from newslab.quotes import quotes_table

    assert "Sentence 16 reports two statements" in _prose("03-who-said-what.ipynb")
    assert (quotes_table(seed)["sentence"] == 16).sum() == 2


def test_06_agreement_figures_in_the_prose(seed, root):
    from newslab.annotations import load_example, load_gold
    from newslab.compare import compare

    prose = _prose("06-annotate-it-yourself.ipynb")
    assert "They agree on 7 of 10 sentences" in prose
    assert "Two sentences of three agree, yet kappa is 0: the gold called all three negative" in prose
    cells = json.loads((root / "notebooks" / "06-annotate-it-yourself.ipynb").read_text(encoding="utf-8"))[
        "cells"
    ]
    code = next("".join(c["source"]) for c in cells if "ana = [" in "".join(c["source"]))
    labels = {  # the two label lists exactly as the notebook writes them (read, not run)
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(code).body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in ("ana", "ben")
    }
    assert sum(a == b for a, b in zip(labels["ana"], labels["ben"], strict=True)) == 7
    within = (seed.paragraphs[3].start, seed.paragraphs[4].end)
    gold = load_gold(seed)
    result = compare(load_example(seed), gold, labels=["SENTIMENT"], within=within)
    assert (result.sentences, round(result.agreement * 3), result.kappa) == (3, 2, 0.0)
    values = {a.attrs["value"] for a in gold.labelled("SENTIMENT") if within[0] <= a.start < within[1]}
    assert values == {"negative"}


def test_03_what_the_machine_learned_from_matches_the_shipped_models(root):
    folder = root / "newslab" / "layers" / "quotes"
    speakers = json.loads((folder / "speaker_weights.json").read_text(encoding="utf-8"))["meta"]
    fragments = json.loads((folder / "fragment_weights.json").read_text(encoding="utf-8"))["meta"]
    cues = json.loads((folder / "learned_cues.json").read_text(encoding="utf-8"))["about"]
    prose = _prose("03-who-said-what.ipynb")
    assert speakers["articles"] == fragments["articles"] == 671 and "(671 articles," in cues
    assert "all from 671 US political news articles" in prose
    assert f"learned from {speakers['quotes']:,} such quotes" in prose
    assert f"learned from {fragments['fragments']:,} such quotations" in prose


def test_05_the_target_model_figures_match_its_weights_file(root):
    meta = json.loads(
        (root / "newslab" / "layers" / "sentiment" / "target_weights.json").read_text(encoding="utf-8")
    )["meta"]
    prose = _prose("05-sentiment.ipynb")
    assert f"small model trained on {meta['rows']:,} news sentences" in prose
    assert "cross-validation" in meta["settings_chosen_by"]
    assert f"macro-F1 of about {meta['cv_macro_f1']:.2f}" in prose


@pytest.mark.model
def test_05_a_negative_score_sits_beside_a_neutral_label(seed):
    from newslab.sentiment import target_sentiment_table

    assert "a negative score can sit beside a neutral label" in _prose("05-sentiment.ipynb")
    russia = target_sentiment_table(seed, "Russia")
    assert ((russia["label"] == "neutral") & (russia["score"] < 0)).any()


@pytest.mark.model
def test_05_the_target_model_misses_schiffs_sarcasm_toward_moscow(seed):
    from newslab.sentiment import score_target, sentence_sentiment_table

    assert "its score leans positive" in _prose("05-sentiment.ipynb")
    sarcasm = sentence_sentiment_table(seed).loc[10, "text"]
    assert sarcasm.startswith("“If that’s our best election defense")
    start = sarcasm.index("Moscow")
    toward = score_target(sarcasm, start, start + len("Moscow"))
    assert toward.label != "negative" and toward.score > 0


@pytest.mark.model
def test_08_the_kit_gives_merkels_quote_to_the_aides():
    from newslab.article import Article
    from newslab.quotes import quotes_table

    assert "and the kit\npicks the aides" in _prose("08-who-gets-a-voice.ipynb")
    text = "Joe Biden met Angela Merkel in Berlin. “The alliance is back,” she said, according to aides."
    assert quotes_table(Article.from_text(text))["speaker"].tolist() == ["aides"]
