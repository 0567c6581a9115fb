"""Every export the kit can read back (JSONL and brat) reads back exactly, whatever characters the
text and the spans hold: line and paragraph separators that are not \\n, tabs, form feeds, a BOM.
No model needed.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslab import errors
from newslab.annotations import AnnotationSet, make_annotation
from newslab.exports import from_brat, read_brat, read_jsonl, to_brat, write_brat, write_jsonl

# Characters that str.splitlines() treats as line ends, plus a tab and a BOM.
AWKWARD = "\t\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e\r\n\ufeff"
alphabet = st.sampled_from(list("ab Zoë.,“”’") + list(AWKWARD))


@st.composite
def annotation_sets(draw) -> AnnotationSet:
    text = draw(st.text(alphabet, min_size=1, max_size=40))
    annotations = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["PERSON", "QUOTE", "TIMEX", "SENTIMENT"]))
        attrs = {"value": "negative"} if label == "SENTIMENT" else {}
        if label == "PERSON":
            attrs = {"entity": text[start:end]}
        annotation = make_annotation(text, start, end, label, **attrs)
        if annotation not in annotations:
            annotations.append(annotation)
    return AnnotationSet("story", text, annotations, "student")


def same(one: AnnotationSet, two: AnnotationSet) -> bool:
    return one.to_dict()["annotations"] == two.to_dict()["annotations"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotation_sets())
def test_jsonl_and_brat_files_read_back_exactly(tmp_path_factory, annotations):
    folder = tmp_path_factory.mktemp("round")
    back = read_jsonl(write_jsonl(annotations, folder / "a.jsonl"), annotations.text)
    assert same(back, annotations)
    ann = write_brat(annotations, folder / "brat")
    back = read_brat(ann, annotator="student")
    assert back.text == annotations.text
    assert same(back, annotations)


@pytest.mark.parametrize("character", list(AWKWARD))
def test_each_awkward_character_inside_a_span(tmp_path, character):
    text = f"\ufeffSay{character}so, she said."
    annotations = AnnotationSet("s", text, [make_annotation(text, 1, 7, "QUOTE")], "student")
    assert same(read_jsonl(write_jsonl(annotations, tmp_path / "a.jsonl"), text), annotations)
    assert same(read_brat(write_brat(annotations, tmp_path / "brat"), annotator="student"), annotations)


def test_brat_says_when_a_span_has_other_text():
    text = "Helen Brandt spoke."
    content = to_brat(AnnotationSet("s", text, [make_annotation(text, 0, 12, "PERSON")]))
    with pytest.raises(errors.InvalidAnnotations, match="another text"):
        from_brat(content, "Hélène Brandt spoke.")
