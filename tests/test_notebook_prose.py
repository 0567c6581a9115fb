"""Prose that cannot go stale: what a notebook's text says about its outputs is computed, not typed.

Ids (Q17, E4) and figure descriptions change whenever the article or a rule changes; a Markdown
cell that types them goes stale silently. These tests read every notebook (and solution) and fail
on such typed facts, so they stay in code cells that print them (``Markdown(f"…")``).
"""

from __future__ import annotations

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
