"""Render the executed notebooks and the docs into a static, read-only HTML site, then check it.

    python scripts/build_site.py [--out _site]

The site has an index page (from README.md), one page per notebook and solution, and one per doc.
After building, it checks every page: internal links resolve, every image has alt text, and
headings go in order (one h1, no skipped levels). It exits 1 and lists the problems otherwise.
"""

from __future__ import annotations

import argparse
import fnmatch
import html
import itertools
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
NBCONVERT_PLACEHOLDER = "No description has been provided for this image"
FIGURE_DESCRIPTION = re.compile(r"^\s*\*?Figure description:?\*?:?\s*(.+)", re.S)
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.2rem .5rem}}code{{background:#eee}}</style>
</head><body><nav><a href="{home}">newslab — home</a></nav><main>
{body}
</main></body></html>
"""
# Files a notebook writes when a student runs it (notebooks 06 and 07 bundle the work in my-work.zip,
# my-work-2.zip, …). The read-only site shows the stored output, but nobody ran it there, so a link to
# such a file would be broken (or would hand out whatever the last run left in the checkout).
WRITTEN_WHEN_RUN = ("my-work*.zip",)
RUN_TIME_NOTE = "made when you run the notebook yourself"


def local_link(href: str, *, suffix_map: dict[str, str]) -> str:
    """Point links to notebooks and Markdown files at their rendered pages."""
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or not parsed.path:
        return href
    path = parsed.path
    for old, new in suffix_map.items():
        if path.endswith(old):
            path = path[: -len(old)] + new
    return path + (f"#{parsed.fragment}" if parsed.fragment else "")


def unlink_run_time_files(page: str) -> str:
    """Turn links to files a notebook writes when run into plain text that says so."""

    def replace(match: re.Match) -> str:
        href = urlparse(html.unescape(match.group(1)))
        name = Path(href.path).name
        if (
            href.scheme
            or href.netloc
            or not any(fnmatch.fnmatch(name, pattern) for pattern in WRITTEN_WHEN_RUN)
        ):
            return match.group(0)
        return f'<span title="{RUN_TIME_NOTE}">{match.group(2)}</span> ({RUN_TIME_NOTE})'

    return re.sub(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', replace, page, flags=re.S)


def rewrite_links(page: str) -> str:
    return re.sub(
        r'href="([^"]+)"',
        lambda m: (
            f'href="{local_link(html.unescape(m.group(1)), suffix_map={".ipynb": ".html", ".md": ".html"})}"'
        ),
        page,
    )


def figure_descriptions(notebook) -> list[str]:
    """For each image output in order, the "Figure description:" that follows it.

    The description is a Markdown cell, or the Markdown output of a code cell that builds it
    from the figure (``Markdown(f"*Figure description:* {alt_text(ax)}")``), in the next two cells.
    """
    descriptions = []
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        images = sum(1 for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))
        if not images:
            continue
        alt = ""
        for later in cells[index + 1 : index + 3]:
            texts = (
                [later.source]
                if later.cell_type == "markdown"
                else [out.get("data", {}).get("text/markdown", "") for out in later.get("outputs", [])]
            )
            match = next((FIGURE_DESCRIPTION.match(t) for t in texts if FIGURE_DESCRIPTION.match(t)), None)
            if match:
                alt = re.sub(r"\s+", " ", match.group(1).split("\n\n")[0]).strip()
                break
        descriptions += [alt] * images
    return descriptions


def render_notebook(path: Path) -> tuple[str, str]:
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(path, as_version=4)
    alts = iter(figure_descriptions(notebook))
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(notebook)

    def add_alt(match: re.Match) -> str:
        alt = next(alts, "")
        return f'<img alt="{html.escape(alt, quote=True)}"' if alt else match.group(0)

    # nbconvert writes a placeholder alt text on every image; put each figure's description there.
    body = re.sub(rf'<img alt="{NBCONVERT_PLACEHOLDER}"', add_alt, body)
    title = notebook.cells[0].source.splitlines()[0].lstrip("# ").strip() if notebook.cells else path.stem
    return title, rewrite_links(unlink_run_time_files(body))


def render_markdown(path: Path, *, home: str) -> tuple[str, str]:
    import mistune

    text = path.read_text(encoding="utf-8")
    title = next(
        (line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("# ")), path.stem
    )
    body = mistune.html(text)
    return title, rewrite_links(PAGE.format(title=html.escape(title), home=home, body=body))


class PageChecker(HTMLParser):
    """Collects links, images without alt text and heading levels of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images_without_alt = 0
        self.headings: list[int] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "img" and (attributes.get("alt") or "").strip() in ("", NBCONVERT_PLACEHOLDER):
            self.images_without_alt += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


def check_site(out: Path) -> list[str]:
    problems = []
    for page in sorted(out.rglob("*.html")):
        checker = PageChecker()
        checker.feed(page.read_text(encoding="utf-8"))
        name = page.relative_to(out)
        for href in checker.links:
            parsed = urlparse(href)
            if parsed.scheme in ("http", "https", "mailto") or href.startswith("#"):
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if not target.exists():
                problems.append(f"{name}: broken link {href}")
        if checker.images_without_alt:
            problems.append(f"{name}: {checker.images_without_alt} image(s) without alt text")
        levels = [level for level in checker.headings]
        if levels.count(1) != 1:
            problems.append(f"{name}: {levels.count(1)} h1 headings (expected exactly one)")
        for previous, level in itertools.pairwise(levels):
            if level > previous + 1:
                problems.append(f"{name}: heading jumps from h{previous} to h{level}")
                break
    return problems


def build(out: Path) -> list[str]:
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks" / "solutions").mkdir(parents=True)
    (out / "docs").mkdir()
    pages = []
    for notebook in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")) + sorted(
        (ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb")
    ):
        relative = notebook.relative_to(ROOT).with_suffix(".html")
        title, body = render_notebook(notebook)
        (out / relative).write_text(body, encoding="utf-8")
        pages.append((relative, title))
    for doc in sorted((ROOT / "docs").glob("*.md")):
        relative = doc.relative_to(ROOT).with_suffix(".html")
        title, body = render_markdown(doc, home="../index.html")
        (out / relative).write_text(body, encoding="utf-8")
    if (ROOT / "docs" / "images").is_dir():
        shutil.copytree(ROOT / "docs" / "images", out / "docs" / "images")
    _index_title, index = render_markdown(ROOT / "README.md", home="index.html")
    listing = "".join(f'<li><a href="{p.as_posix()}">{html.escape(t)}</a></li>' for p, t in pages)
    index = index.replace("</main>", f"<h2>Read-only notebooks</h2><ul>{listing}</ul></main>")
    (out / "index.html").write_text(index, encoding="utf-8")
    copy_linked_files(out)
    return check_site(out)


def copy_linked_files(out: Path) -> None:
    """Copy repository files that pages link to (data, lock file, …), so their links resolve."""
    for page in sorted(out.rglob("*.html")):
        checker = PageChecker()
        checker.feed(page.read_text(encoding="utf-8"))
        for href in checker.links:
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc or not parsed.path or href.startswith("#"):
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if target.exists() or out.resolve() not in target.parents:
                continue
            source = ROOT / target.relative_to(out.resolve())
            if source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            elif source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.ipynb", ".*"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "_site"))
    args = parser.parse_args(argv)
    problems = build(Path(args.out))
    for problem in problems:
        print(problem)
    pages = len(list(Path(args.out).rglob("*.html")))
    print(f"site: {pages} pages in {args.out}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
