"""Every solved notebook passes its own checks, and every exercise notebook has a solved copy.

nbval re-runs the solutions and compares them with their stored outputs; this test reads those
stored outputs and proves each check in them printed "Correct" (and none "Not yet"), and that the
exercise notebooks, before the student has tried, show a neutral "Your turn" under each exercise
rather than a failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*-*.ipynb"))
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]*-*.ipynb"))
HEADINGS = ("✅ Correct", "❌ Not yet", "✏️ Your turn")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(output: dict) -> str:
    data = output.get("data", {})
    return "".join(data.get("text/plain", "")) + "".join(output.get("text", ""))


def _check_outputs(path: Path) -> list[str]:
    """The printed results of the cells that call a check of newslab.check."""
    results = []
    for cell in _cells(path):
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "newslab.check" in source:
            continue
        for output in cell.get("outputs", []):
            text = _text(output)
            if any(heading in text for heading in HEADINGS):
                results.append(text)
    return results


def test_every_exercise_notebook_from_01_has_a_solution():
    exercises = {p.name for p in NOTEBOOKS if not p.name.startswith("00-")}
    assert exercises and exercises <= {p.name for p in SOLUTIONS}


@pytest.mark.parametrize("notebook", NOTEBOOKS[1:], ids=lambda p: p.stem)
def test_each_notebook_has_two_to_four_exercises(notebook):
    checks = _check_outputs(notebook)
    assert 2 <= len(checks) <= 4, f"{notebook.name} has {len(checks)} checked exercises"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_passes_every_check(solution):
    results = _check_outputs(solution)
    assert results, f"{solution.name} runs no check"
    failing = [r for r in results if not r.startswith("✅ Correct")]
    assert not failing, f"{solution.name}: {failing}"
    exercise = ROOT / "notebooks" / solution.name
    assert len(results) == len(_check_outputs(exercise)), "the solution answers every exercise"


@pytest.mark.parametrize("notebook", NOTEBOOKS[1:], ids=lambda p: p.stem)
def test_exercise_shows_a_prompt_not_a_failure_before_the_student_tries(notebook):
    results = _check_outputs(notebook)
    assert results and all(r.startswith("✏️ Your turn") for r in results), f"{notebook.name}: {results}"


@pytest.mark.parametrize("notebook", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_header_and_footer(notebook):
    cells = _cells(notebook)
    header = "".join(cells[0]["source"])
    footer = "".join(cells[-1]["source"])
    assert cells[0]["cell_type"] == "markdown" and header.startswith("# ")
    for words in ("objectives", "minutes", "Prerequisites"):
        assert words.lower() in header.lower(), f"{notebook.name} header lacks {words}"
    assert "key points" in footer.lower()
    if not notebook.name.startswith("07-"):
        assert "Next" in footer and ".ipynb" in footer, f"{notebook.name} does not link to the next notebook"


@pytest.mark.parametrize("notebook", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_committed_executed(notebook):
    code = [c for c in _cells(notebook) if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert all(c.get("execution_count") is not None for c in code), f"{notebook.name} has unexecuted cells"
    timed = [c["id"] for c in code if "execution" in c.get("metadata", {})]
    assert not timed, f"{notebook.name} stores execution times in cells {timed}: run `make notebooks`"
