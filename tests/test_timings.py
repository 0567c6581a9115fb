"""The minutes a notebook takes are stated once, in its header; every table and plan agrees with it.

scripts/timings.py reads the headers; these tests fail when README.md, notebook 00, the instructor
guide or docs/course.md state other minutes for a notebook, or when a plan's parts do not add up.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_timings():
    spec = importlib.util.spec_from_file_location("timings", ROOT / "scripts" / "timings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["timings"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


timings = _load_timings()


def _notebook(path: Path, header: str, *markdown: str) -> None:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [text]} for text in (header, *markdown)]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


@pytest.fixture
def tiny_repo(tmp_path: Path) -> Path:
    """Two notebooks, and every file that repeats their minutes, all in agreement."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "docs").mkdir()
    _notebook(
        tmp_path / "notebooks" / "00-start-here.ipynb",
        "# 00 — Start here: intro\n\n**Estimated time:** 10 minutes",
        "| notebook | question | minutes |\n|---|---|---|\n| 00 — Start here | how? | 10 |\n"
        "| 00a — Python | what? | 30 |",
    )
    _notebook(
        tmp_path / "notebooks" / "00a-python.ipynb",
        "# 00a — Python: basics\n\n**Estimated time:** 30 minutes",
    )
    table = "| notebook | what | minutes |\n|---|---|---|\n| [00 — Start](x) | a | 10 |\n| [00a — Python](y) | b | 30 |\n"
    (tmp_path / "README.md").write_text("# kit\n\n" + table)
    (tmp_path / "docs" / "instructor-guide.md").write_text(
        "| # | notebook | learn | minutes |\n|---|---|---|---|\n| 00 | Start | a | 10 |\n| 00a | Python | b | 30 |\n"
    )
    (tmp_path / "docs" / "course.md").write_text(
        "## Plans\n\n### Plan A — one class\n\n| part | activity | minutes |\n|---|---|---|\n"
        "| before | 00a — Python | 30 |\n| before | total | 30 |\n| in class | 00 — Start here | 10 |\n"
        "| in class | discussion | 5 |\n| in class | total | 15 |\n"
    )
    return tmp_path


def test_every_notebook_header_states_its_minutes():
    known = timings.notebooks(ROOT)
    assert {"00", "00a", "01", "08"} <= set(known)
    assert all(5 <= notebook.minutes <= 90 for notebook in known.values())


def test_readme_notebook_00_guide_and_course_agree_with_the_headers():
    assert timings.problems(ROOT) == []


def test_course_has_a_90_minute_class_and_three_sessions_of_about_75():
    found = timings.plans((ROOT / "docs" / "course.md").read_text(encoding="utf-8"))
    class_plan = next(p for p in found if "90" in p.heading)
    assert class_plan.totals["in class"] == 90
    sessions = next(p for p in found if "three" in p.heading.lower())
    in_class = [total for part, total in sessions.totals.items() if part.startswith("session")]
    assert len(in_class) == 3 and all(70 <= total <= 85 for total in in_class)


def test_an_agreeing_tiny_repository_has_no_problem(tiny_repo):
    assert timings.problems(tiny_repo) == []


def test_a_table_with_other_minutes_fails(tiny_repo):
    readme = tiny_repo / "README.md"
    readme.write_text(readme.read_text().replace("| b | 30 |", "| b | 25 |"))
    assert timings.problems(tiny_repo) == ["README.md: notebook 00a is given 25 minutes, its header says 30"]


def test_a_table_in_a_notebook_with_other_minutes_fails(tiny_repo):
    path = tiny_repo / "notebooks" / "00-start-here.ipynb"
    path.write_text(path.read_text().replace("| how? | 10 |", "| how? | 15 |"))
    assert "notebooks/00-start-here.ipynb: notebook 00 is given 15 minutes" in timings.problems(tiny_repo)[0]


def test_a_table_that_lacks_a_notebook_fails(tiny_repo):
    guide = tiny_repo / "docs" / "instructor-guide.md"
    guide.write_text(guide.read_text().replace("| 00a | Python | b | 30 |\n", ""))
    assert timings.problems(tiny_repo) == ["docs/instructor-guide.md: its table of notebooks lacks 00a"]


def test_a_plan_that_does_not_add_up_fails(tiny_repo):
    course = tiny_repo / "docs" / "course.md"
    course.write_text(course.read_text().replace("| in class | total | 15 |", "| in class | total | 20 |"))
    assert timings.problems(tiny_repo) == [
        "Plan A — one class: 'in class' says 20 minutes, its rows add up to 15"
    ]


def test_a_plan_that_skips_or_repeats_a_notebook_fails(tiny_repo):
    course = tiny_repo / "docs" / "course.md"
    text = course.read_text().replace("| before | 00a — Python | 30 |", "| before | 00 — Start here | 10 |")
    course.write_text(text.replace("| before | total | 30 |", "| before | total | 10 |"))
    assert timings.problems(tiny_repo) == [
        "Plan A — one class: notebook 00a is in no part of the plan",
        "Plan A — one class: notebook 00 appears more than once",
    ]


def test_write_rewrites_only_the_minutes(tiny_repo):
    readme = tiny_repo / "README.md"
    readme.write_text(readme.read_text().replace("| b | 30 |", "| b | 25 |"))
    before = readme.read_text()
    assert timings.write_minutes(tiny_repo) == ["README.md"]
    assert readme.read_text() == before.replace("| b | 25 |", "| b | 30 |")
    assert timings.problems(tiny_repo) == []
    assert timings.write_minutes(tiny_repo) == []


def test_printed_rows_carry_the_headers_minutes(tiny_repo):
    rows = timings.table_rows(tiny_repo)
    assert rows["README.md"] == ["| [00 — Start](x) | a | 10 |", "| [00a — Python](y) | b | 30 |"]
