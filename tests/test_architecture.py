"""The package's shape (docs/architecture.md): no import circle, no module over 600 lines,
engines that never reach up to a face.

Imports are read with ``ast`` from every module of ``newslab/``, those inside functions included;
only imports under ``if TYPE_CHECKING:`` are left out (they never run). An import points at the
module it names: ``from newslab.layers.cast.records import Entity`` depends on
``newslab.layers.cast.records``, not on the package ``__init__`` that only re-exports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newslab

PACKAGE = Path(newslab.__file__).parent
MAX_LINES = 600
MODULES = sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(path): path for path in MODULES}


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def imports_of(path: Path) -> set[str]:
    """The newslab modules that ``path`` imports, anywhere in it (functions too), at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in NAMES else base)
    return {name for name in found if name in NAMES and name != module_name(path)}


GRAPH = {name: imports_of(path) for name, path in NAMES.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other in a loop (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_is_no_import_circle():
    assert circles(GRAPH) == []


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_inside_functions_count_and_type_hints_do_not():
    tokens = imports_of(PACKAGE / "layers" / "quotes" / "tokens.py")
    assert "newslab.layers.cast.records" in tokens  # imported inside a function
    assert "newslab.article" not in imports_of(PACKAGE / "layers" / "cast" / "find.py")  # TYPE_CHECKING only


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_is_over_600_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines: split it by concern"


# The floors of docs/architecture.md: a module imports modules on its own floor or below.
FLOORS = {
    6: (
        "cli",
        "__main__",
        "batch",
        "corpus",
        "check",
        "widgets",
        "widget_view",
        "widget_js",
        "sentiment_lines",
        "_worker_model",
        "binder",
        "student_copy",
        "my_work",
        "handin",
    ),
    5: (
        "export",
        "report",
        "report_plots",
        "compare",
        "exports",
        "inputs",
        "newslab",
        "annotation_session",
        "display",
    ),
    4: ("people", "quotes", "timeline", "sentiment", "sentiment_plots", "anatomy", "parse_view"),
    3: ("analysis",),
    2: ("layers",),
    1: (
        "article",
        "article_folders",
        "jsontext",
        "nlp",
        "annotations",
        "textcheck",
        "render",
        "figures",
        "files",
        "errors",
    ),
}


def floor_of(name: str) -> int:
    top = "newslab" if name == "newslab" else name.split(".")[1]
    return next(floor for floor, names in FLOORS.items() if top in names)


def test_every_module_has_a_floor_and_imports_point_down():
    upward = [
        f"{name} (floor {floor_of(name)}) imports {target} (floor {floor_of(target)})"
        for name, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if floor_of(target) > floor_of(name)
    ]
    assert upward == []


def test_engines_never_import_a_face_or_the_analysis():
    engines = {name: targets for name, targets in GRAPH.items() if name.startswith("newslab.layers")}
    allowed = (
        "newslab.layers",
        "newslab.errors",
        "newslab.nlp",
        "newslab.article",
        "newslab.textcheck",
        "newslab.jsontext",  # the shipped weights files are read as JSON from outside, checked
    )
    for name, targets in engines.items():
        reaching_up = sorted(t for t in targets if not t.startswith(allowed))
        assert reaching_up == [], f"{name} imports {reaching_up}"
