"""The target-sentiment model's training script and weights file, on invented sentences."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from newslab import errors
from newslab.layers.sentiment.target import LABELS, load_model, predict, score_target

NAMES = ("Smith", "Jones", "Lee", "Ruiz")
PATTERNS = (
    ("Critics attacked {} harshly.", "negative"),
    ("Fans praised {} warmly.", "positive"),
    ("{} visited the town on Monday.", "neutral"),
)


@pytest.fixture(scope="module")
def trainer(root):
    """``scripts/train_target_sentiment.py`` imported as a module."""
    spec = importlib.util.spec_from_file_location(
        "train_target_sentiment", root / "scripts" / "train_target_sentiment.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture
def tiny_set(tmp_path):
    """Twelve invented rows (three patterns × four names), two of them repeated."""
    rows = []
    for name in NAMES:
        for pattern, label in PATTERNS:
            text = pattern.format(name)
            start = text.index(name)
            rows.append(
                {"text": text, "target_start": start, "target_end": start + len(name), "label": label}
            )
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows + rows[:2]), encoding="utf-8")
    return path


def test_training_script_writes_a_loadable_model(trainer, tiny_set, tmp_path, capsys):
    out = tmp_path / "model.json"
    assert trainer.main([str(tiny_set), "--out", str(out), "--min-count", "1", "--l2", "0.1"]) == 0
    assert "trained on 12 rows" in capsys.readouterr().out
    model = load_model(out)
    assert model.meta["rows"] == 12
    assert (model.meta["l2"], model.meta["min_count"]) == (0.1, 1)
    assert model.meta["settings_chosen_by"] == "given on the command line"
    from newslab.nlp import load_model as load_spacy

    doc = load_spacy()("Critics attacked Park harshly.")
    assert predict(doc[:], 17, 21, model=model).label == "negative"
    assert trainer.main([str(tiny_set.parent / "missing.jsonl"), "--out", str(out)]) == 2


def test_training_is_reproducible(trainer, tiny_set, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    for out in (first, second):
        assert (
            trainer.main(
                [str(tiny_set), "--out", str(out), "--min-count", "1", "--prior", "0.1", "0", "-0.1"]
            )
            == 0
        )
    assert first.read_bytes() == second.read_bytes()
    assert load_model(first).meta["prior"] == [0.1, 0.0, -0.1]


def test_a_sentence_and_its_targets_sit_in_one_fold(trainer):
    text = "Critics attacked Smith, who praised Jones."
    assert trainer.fold_of(text, 5) == trainer.fold_of(text, 5)
    assert {
        trainer.fold_of(f"{name} spoke.", 5) for name in ("Ana", "Bo", "Cy", "Di", "Ed", "Flo", "Gus")
    } != {0}


def test_other_cuts_into_folds_move_rows_but_keep_each_in_one_fold(trainer):
    import hashlib

    texts = [f"{name} spoke on day {day}." for name in NAMES for day in range(5)]
    usual = [trainer.fold_of(text, 5) for text in texts]
    assert usual == [
        int(hashlib.sha1(text.encode()).hexdigest(), 16) % 5 for text in texts
    ]  # cut 0 as before
    other = [trainer.fold_of(text, 5, cut=1) for text in texts]
    assert other == [trainer.fold_of(text, 5, cut=1) for text in texts]
    assert other != usual and set(other) <= set(range(5))


@pytest.fixture(scope="module")
def cv_bench(root):
    """``benchmarks/bench_sentiment_cv.py`` imported as a module."""
    spec = importlib.util.spec_from_file_location(
        "bench_sentiment_cv", root / "benchmarks" / "bench_sentiment_cv.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cv_bench_leaves_out_a_family_of_features(cv_bench):
    rows = [{"bias": 1.0, "w=attack": 1.0, "tw=smith": 1.0, "role=subj": 1.0}]
    assert cv_bench.without(rows, ("w=", "tw=")) == [{"bias": 1.0, "role=subj": 1.0}]
    assert cv_bench.without(rows, ()) == rows


def test_cv_bench_prints_the_spread_over_cuts(cv_bench):
    assert cv_bench.spread([0.68, 0.69, 0.685]) == "mean 0.685 (0.680–0.690 over 3 cuts)"


@pytest.mark.parametrize("argv", [["--cuts", "3"], ["--cuts", "0", "--shipped"]])
def test_cv_bench_refuses_cuts_it_cannot_score(cv_bench, argv, capsys):
    with pytest.raises(SystemExit) as stop:
        cv_bench.main(argv)
    assert stop.value.code == 2
    assert "--cuts takes a number from 1 up" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("row", "article"),
    [
        ({"id": "newsmtsc-rw:pub_12_7_3_Smith_0_5", "text": "Smith spoke."}, "pub_12_7"),
        ({"id": "newsmtsc-mt:pub_12_7_9_Jones_4_9", "text": "Then Jones left."}, "pub_12_7"),
        ({"id": "row-1", "text": "Lee spoke."}, "Lee spoke."),  # no article in the id: its own
        ({"text": "Ruiz spoke."}, "Ruiz spoke."),
    ],
)
def test_rows_of_one_article_share_it(trainer, row, article):
    assert trainer.article_of(row) == article


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"balance": 0.0}, [1.0, 1.0, 1.0, 1.0]),  # every row alike
        ({"balance": 1.0}, [2 / 3, 2 / 3, 4 / 3, 4 / 3]),  # the rare classes count as much as the common one
    ],
)
def test_class_balance_weighs_rows(trainer, settings, expected):
    import numpy as np

    y = np.array([0, 0, 1, 2])
    assert np.allclose(trainer.row_weights(y, trainer.Settings(**settings)), expected)


def test_shipped_model_records_its_settings_and_how_they_were_chosen():
    meta = load_model().meta
    assert meta["script"] == "scripts/train_target_sentiment.py"
    assert "cross-validation on the train split" in meta["settings_chosen_by"]
    assert {"l2", "min_count", "balance", "prior", "rows"} <= set(meta)
    from newslab.layers.sentiment.target import MODEL_PATH

    assert MODEL_PATH.stat().st_size < 1_000_000


def _model_json(**changes) -> dict:
    data = {
        "schema": "newslab.target_sentiment/1",
        "labels": list(LABELS),
        "meta": {},
        "weights": {"bias": [0, 1, 0]},
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json at all", "is not a newslab target-sentiment model"),
        ("[" * 100_000 + "]" * 100_000, "is not a newslab target-sentiment model"),  # deeper than the stack
        (json.dumps({"schema": "something/else"}), "is not a newslab target-sentiment model"),
        (json.dumps(_model_json(labels=["bad", "good"])), "its labels are not"),
        (json.dumps(_model_json(weights={"w=good": [1, 0, 0]})), "no bias weight"),
        (json.dumps(_model_json(weights={"bias": [0, 1]})), "`bias` are not 3 finite numbers"),
        (json.dumps(_model_json(weights={"bias": [0, 1, "2"]})), "`bias` are not 3 finite numbers"),
        (json.dumps(_model_json(weights={"bias": [0, 1, float("nan")]})), "`bias` are not 3 finite numbers"),
        (json.dumps(_model_json(meta=[1, 2])), "its meta is not a mapping"),
    ],
)
def test_loader_rejects_a_damaged_file(tmp_path, content, problem):
    path = tmp_path / "weights.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match=problem):
        load_model(path)


def test_loader_reads_a_valid_file(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(_model_json()), encoding="utf-8")
    model = load_model(path)
    assert model.labels == LABELS and model.weights == {"bias": (0.0, 1.0, 0.0)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "target", "label", "evidence"),
    [
        ("Critics attacked Smith harshly over the failed plan.", "Smith", "negative", "attacked"),
        ("The mayor praised Lopez for her brave and generous work.", "Lopez", "positive", "praised"),
    ],
)
def test_invented_sentence_gets_the_expected_label_with_evidence(text, target, label, evidence):
    start = text.index(target)
    result = score_target(text, start, start + len(target))
    assert result.label == label
    assert evidence in [w.text for w in result.words[:3]]
    assert result.words[0].weight > 0  # the strongest word pushed toward the label given
