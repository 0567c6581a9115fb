"""One source of truth for the course's timings: each notebook's header.

Every notebook states "**Estimated time:** N minutes" in its first cell. This script reads those
minutes and

- prints the rows of the tables that repeat them (README.md, notebooks/00-start-here.ipynb,
  docs/instructor-guide.md) with the headers' minutes: ``python scripts/timings.py``;
- lists every place that states other minutes, and every plan in docs/course.md whose parts do not
  add up: ``python scripts/timings.py --check`` (exit status 1 when there is any);
- rewrites the minutes column of those tables from the headers: ``python scripts/timings.py --write``.

tests/test_timings.py runs the same check, so a stated minute that disagrees fails the tests.

A table row names a notebook by its number ("00", "00a", "03 — Who said what", or a link to the
file) in one of its first two cells, and holds the minutes in its last cell, under a ``minutes``
column. A plan in docs/course.md is a ``### Plan …`` heading followed by a table with the columns
``part | activity | minutes``: rows whose activity is a notebook carry that notebook's minutes,
other rows (a discussion, a break) carry their own, and a ``total`` row per part states the sum.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER_MINUTES = re.compile(r"\*\*Estimated time:\*\*\s*(\d+)\s*minutes")
NOTEBOOK_KEY = re.compile(r"^\[?(\d\d[a-z]?)\b")
# The files whose tables repeat the headers' minutes, relative to the repository root.
TABLE_FILES = ("README.md", "notebooks/00-start-here.ipynb", "docs/instructor-guide.md", "docs/course.md")
PLAN_FILE = "docs/course.md"


@dataclass(frozen=True)
class Notebook:
    """A numbered notebook: its key ("00a"), file name, title and header minutes."""

    key: str
    path: Path
    title: str
    minutes: int


@dataclass(frozen=True)
class Row:
    """A table row that states minutes for a notebook (``key``) or for another activity."""

    line: int
    cells: tuple[str, ...]
    key: str | None
    minutes: int


@dataclass
class Plan:
    """A plan of docs/course.md: its heading and its rows, grouped by part (``before``, ``session 1``…)."""

    heading: str
    parts: dict[str, list[Row]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)


def notebooks(root: Path = ROOT) -> dict[str, Notebook]:
    """Every numbered notebook of ``notebooks/``, by key, with the minutes its header states."""
    found = {}
    for path in sorted((root / "notebooks").glob("[0-9][0-9]*-*.ipynb")):
        key = path.name.split("-", 1)[0]
        header = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        match = HEADER_MINUTES.search(header)
        if match is None:
            raise SystemExit(
                f"{path.relative_to(root)}: its header states no '**Estimated time:** N minutes'"
            )
        title_line = header.splitlines()[0].removeprefix("#").strip()
        title = title_line.split("—", 1)[-1].split(":", 1)[0].strip()
        found[key] = Notebook(key, path, title, int(match.group(1)))
    return found


def document_text(path: Path) -> str:
    """A Markdown file's text, or the Markdown cells of a notebook joined by blank lines."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        return text
    cells = json.loads(text)["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def minutes_rows(text: str) -> list[Row]:
    """The rows of every Markdown table whose last column is ``minutes``."""
    rows, in_table, lines = [], False, text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.lstrip().startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if cells and cells[-1].lower() == "minutes":
            in_table = True
            continue
        if not in_table or set("".join(cells)) <= set("-: "):
            continue
        if not cells[-1].isdigit():
            continue
        key = None
        for cell in cells[:2]:
            match = NOTEBOOK_KEY.match(cell.strip("*"))
            if match:
                key = match.group(1)
                break
        rows.append(Row(number, cells, key, int(cells[-1])))
    return rows


def plans(text: str) -> list[Plan]:
    """The plans of docs/course.md: each ``### Plan`` heading and its ``part | activity | minutes`` table."""
    found: list[Plan] = []
    current = None
    for line in text.splitlines():
        if line.startswith("#"):
            current = Plan(line.lstrip("#").strip()) if line.startswith("### Plan") else None
            if current:
                found.append(current)
            continue
        if current is None or not line.lstrip().startswith("|"):
            continue
        cells = _cells(line)
        if len(cells) != 3 or not cells[2].isdigit():
            continue
        part, activity, minutes = cells[0].strip("*"), cells[1].strip("*"), int(cells[2])
        if activity.lower() == "total":
            current.totals[part] = minutes
            continue
        match = NOTEBOOK_KEY.match(activity)
        current.parts.setdefault(part, []).append(Row(0, cells, match.group(1) if match else None, minutes))
    return found


def problems(root: Path = ROOT) -> list[str]:
    """Every place that states other minutes than a notebook's header, and every plan that does not add up."""
    known = notebooks(root)
    found = []
    for name in TABLE_FILES:
        path = root / name
        if not path.exists():
            found.append(f"{name} is missing")
            continue
        stated = minutes_rows(document_text(path))
        for row in stated:
            if row.key is None:
                continue
            if row.key not in known:
                found.append(f"{name}: a row names notebook {row.key}, which does not exist")
            elif row.minutes != known[row.key].minutes:
                found.append(
                    f"{name}: notebook {row.key} is given {row.minutes} minutes, its header says "
                    f"{known[row.key].minutes}"
                )
        listed = {row.key for row in stated if row.key}
        if name != PLAN_FILE and stated and listed != set(known):
            missing = ", ".join(sorted(set(known) - listed)) or "none"
            found.append(f"{name}: its table of notebooks lacks {missing}")
    course = root / PLAN_FILE
    if course.exists():
        found += plan_problems(plans(course.read_text(encoding="utf-8")), known)
    return found


def plan_problems(found_plans: list[Plan], known: dict[str, Notebook]) -> list[str]:
    """Plans whose parts do not add up, or that skip or repeat a notebook."""
    out = []
    if not found_plans:
        out.append(f"{PLAN_FILE} holds no '### Plan' with a part | activity | minutes table")
    for plan in found_plans:
        for part, rows in plan.parts.items():
            total = sum(row.minutes for row in rows)
            if part not in plan.totals:
                out.append(f"{plan.heading}: '{part}' has no total row")
            elif plan.totals[part] != total:
                out.append(
                    f"{plan.heading}: '{part}' says {plan.totals[part]} minutes, its rows add up to {total}"
                )
            for row in rows:
                if row.key in known and row.minutes != known[row.key].minutes:
                    out.append(
                        f"{plan.heading}: notebook {row.key} is given {row.minutes} minutes, its header "
                        f"says {known[row.key].minutes}"
                    )
        used = [row.key for rows in plan.parts.values() for row in rows if row.key]
        for key in sorted(set(known) - set(used)):
            out.append(f"{plan.heading}: notebook {key} is in no part of the plan")
        for key in sorted({k for k in used if used.count(k) > 1}):
            out.append(f"{plan.heading}: notebook {key} appears more than once")
    return out


def table_rows(root: Path = ROOT) -> dict[str, list[str]]:
    """The rows of the notebook tables of README.md, notebook 00 and the guide, with the headers' minutes.

    The middle columns are kept from each file's current row; a notebook the file does not list yet
    gets its title and an ellipsis to fill in.
    """
    known = notebooks(root)
    out = {}
    for name in TABLE_FILES[:3]:
        current = {row.key: row for row in minutes_rows(document_text(root / name)) if row.key}
        lines = []
        for key, notebook in known.items():
            if key in current:
                cells = [*current[key].cells[:-1], str(notebook.minutes)]
            elif name == "README.md":
                link = f"[{key} — {notebook.title}](notebooks/{notebook.path.name})"
                cells = [link, "…", str(notebook.minutes)]
            elif name.endswith(".ipynb"):
                cells = [f"{key} — {notebook.title}", "…", str(notebook.minutes)]
            else:
                cells = [key, notebook.title, "…", str(notebook.minutes)]
            lines.append("| " + " | ".join(cells) + " |")
        out[name] = lines
    return out


def write_minutes(root: Path = ROOT) -> list[str]:
    """Rewrite the minutes cell of every notebook row in the tables of README.md, notebook 00 and the guide.

    Returns the files changed. Rows and text other than the minutes cell are left as they are.
    """
    known = notebooks(root)
    changed = []
    for name in TABLE_FILES[:3]:
        path = root / name
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            notebook, edited = json.loads(raw), False
            for cell in notebook["cells"]:
                text = "".join(cell["source"])
                if cell["cell_type"] == "markdown" and _fixed(text, known) != text:
                    cell["source"] = _fixed(text, known).splitlines(keepends=True)
                    edited = True
            new = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n" if edited else raw
        else:
            new = _fixed(raw, known)
        if new != raw:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(new, encoding="utf-8")
            tmp.replace(path)
            changed.append(name)
    return changed


def _fixed(text: str, known: dict[str, Notebook]) -> str:
    lines = text.split("\n")
    for row in minutes_rows(text):
        if row.key in known and row.minutes != known[row.key].minutes:
            line = lines[row.line - 1]
            head = line.rstrip().removesuffix("|").rpartition("|")[0]
            lines[row.line - 1] = f"{head}| {known[row.key].minutes} |"
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="list disagreements; exit 1 if any")
    action.add_argument("--write", action="store_true", help="rewrite the tables' minutes from the headers")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        print("\n".join(found) if found else "Every stated minute agrees with the notebooks' headers.")
        return 1 if found else 0
    if args.write:
        changed = write_minutes()
        print("rewrote: " + ", ".join(changed) if changed else "nothing to change")
        return 0
    known = notebooks()
    for key, notebook in known.items():
        print(f"{key:4} {notebook.minutes:3} minutes  {notebook.path.name}")
    print(f"     {sum(n.minutes for n in known.values()):3} minutes in all\n")
    for name, lines in table_rows().items():
        print(f"{name}:")
        print("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
