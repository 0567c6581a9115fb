"""Tables in a notebook show an unknown value as an empty cell, not None, NaN or <NA>."""

from __future__ import annotations

import pandas as pd

from newslab.display import blank_missing_values, table_html, table_text


def _table():
    return pd.DataFrame(
        {
            "speaker": ["Nikki Haley", None],
            "sentence": pd.array([3, None], dtype="Int64"),
            "score": [0.1234567, float("nan")],
        }
    )


def test_text_form_has_empty_cells():
    text = table_text(_table())
    assert "None" not in text and "NaN" not in text and "<NA>" not in text
    assert "Nikki Haley" in text and "0.123457" in text  # numbers keep pandas' own format


def test_html_form_has_empty_cells_and_escapes():
    table = _table().assign(speaker=["<b>x</b>", None])
    html = table_html(table)
    assert "None" not in html and "NaN" not in html and "&lt;NA&gt;" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_the_table_itself_is_unchanged():
    table = _table()
    table_text(table)
    assert table["speaker"].isna().sum() == 1 and table["sentence"].isna().sum() == 1


def test_outside_a_notebook_nothing_happens():
    blank_missing_values()  # no IPython shell: a no-op, no error
