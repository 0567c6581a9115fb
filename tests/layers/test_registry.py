"""The layer registry: one ordered list of layers, with their needs checked, that everything loops over."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

import newslab
from newslab.analysis import Analysis, analyze
from newslab.article import Article
from newslab.errors import LayerError, NewslabError
from newslab.layers import REGISTRY, Layer, check_registry, layer, layer_names

PACKAGE = Path(newslab.__file__).parent
WORDS = {entry.name for entry in REGISTRY} | {entry.key for entry in REGISTRY}


def test_every_need_is_a_layer_listed_above_it():
    check_registry(REGISTRY)
    for index, entry in enumerate(REGISTRY):
        assert set(entry.needs) <= set(layer_names()[:index]), entry.name


@pytest.mark.parametrize(
    ("needs", "words"),
    [(("nowhere",), "`nowhere`, which is not a layer"), (("events",), "`events`, which is listed below it")],
)
def test_a_need_that_is_not_computed_first_is_a_clear_error(needs, words):
    broken = (dataclasses.replace(REGISTRY[0], needs=needs), *REGISTRY[1:])
    with pytest.raises(LayerError, match=words) as caught:
        check_registry(broken)
    assert isinstance(caught.value, NewslabError)
    assert "list `" in str(caught.value)


def test_a_layer_listed_twice_is_a_clear_error():
    with pytest.raises(LayerError, match="listed twice"):
        check_registry((REGISTRY[0], REGISTRY[0]))


def test_unknown_layer_names_the_layers_there_are():
    article = Article.from_text("The council met on Tuesday.")
    with pytest.raises(LayerError, match="`cast`, `quotes`"):
        analyze(article).layer("speakers")
    with pytest.raises(LayerError, match="no layer called `speakers`"):
        Analysis(article, records={"speakers": []})
    with pytest.raises(AttributeError):
        _ = analyze(article).speakers


def test_every_engine_and_view_is_importable():
    for entry in REGISTRY:
        assert callable(entry.engine()), entry.compute
        face = importlib.import_module(entry.face)
        for view in entry.views:
            assert getattr(newslab, view) is getattr(face, view), view
            assert view in newslab.__all__


def test_analysis_takes_records_made_by_hand_and_computes_nothing_it_has():
    article = Article.from_text("“We will rebuild,” the mayor said.")
    analysis = Analysis(article, records={"cast": [], "quotes": []})
    assert analysis.cast == [] and analysis.layer("quotes") == []
    assert analyze(analysis) is analysis
    assert "doc" not in analysis.__dict__  # the model was never asked for


def test_to_json_handles_lists_and_single_results():
    @dataclasses.dataclass
    class Record:
        value: int

        def to_json(self):
            return {"value": self.value}

    entry = Layer("demo", (), "demo:compute", "demo", "demo", "newslab.demo")
    assert entry.to_json([Record(1), Record(2)]) == [{"value": 1}, {"value": 2}]
    assert entry.to_json(Record(3)) == {"value": 3}


@pytest.mark.model
def test_annotate_and_report_have_every_layer(seed):
    from newslab.compare import machine_layers
    from newslab.export import annotate
    from newslab.report import layer_records

    record = annotate(seed)
    records, missing = layer_records(seed)
    for entry in REGISTRY:
        assert record[entry.key] == records[entry.key] == entry.to_json(analyze(seed).layer(entry.name))
    assert missing == {}
    assert machine_layers() == list(dict.fromkeys(e.face.removeprefix("newslab.") for e in REGISTRY))


def _literals_naming_layers(path: Path) -> list[int]:
    """Lines of tuple / list / set / dict literals that spell out three or more layers by name."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
        else:
            continue
        named = {item.value for item in items if isinstance(item, ast.Constant) and item.value in WORDS}
        if len(named) >= 3:
            found.append(node.lineno)
    return found


def test_the_registry_is_the_only_list_of_layers():
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "layers" / "__init__.py" and (lines := _literals_naming_layers(path))
    }
    assert offenders == {}, "list the layers in newslab.layers.REGISTRY and loop over it instead"


def test_layer_lookup():
    assert layer("events").needs == ("timexes", "quotes")
    assert [entry.name for entry in REGISTRY] == layer_names()
