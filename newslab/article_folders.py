"""Where ``load_article("name")`` looks for ``name.txt``: the folders of articles, first match wins.

1. every folder named in the ``NEWSLAB_ARTICLES`` environment variable (several are separated by
   ``:``, or ``;`` on Windows);
2. ``data/articles/`` in the working folder or, failing that, in the nearest parent folder that has
   one — so a notebook in ``notebooks/`` finds the course's ``data/articles/`` even when newslab was
   installed as a package (``pip install --no-deps .``, as on a JupyterHub);
3. the articles that come with the kit (the checkout's ``data/articles/``, or the installed copy).

Example:
    >>> from newslab.article_folders import find_article
    >>> find_article("trump-russia-cyber").name
    'trump-russia-cyber.txt'
"""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT_VARIABLE = "NEWSLAB_ARTICLES"


def kit_articles_dir() -> Path:
    """The folder of the articles that come with the kit (the checkout's, else the installed copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "data" / "articles", here / "data" / "articles"):
        if candidate.is_dir():
            return candidate
    return here.parent / "data" / "articles"


def working_articles_dir(start: str | Path | None = None) -> Path | None:
    """``data/articles/`` in ``start`` (default: the working folder) or its nearest parent that has one."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        articles = candidate / "data" / "articles"
        if articles.is_dir():
            return articles
    return None


def article_folders(start: str | Path | None = None) -> list[Path]:
    """Every folder articles are looked up in, in the order they are searched, without repeats."""
    named = os.environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep)
    folders = [Path(part.strip()).expanduser() for part in named if part.strip()]
    folders += [working_articles_dir(start), kit_articles_dir()]
    unique: list[Path] = []
    for folder in folders:
        if folder is not None and folder.is_dir() and folder.resolve() not in unique:
            unique.append(folder.resolve())
    return unique


def find_article(name: str, start: str | Path | None = None) -> Path | None:
    """The path of ``name.txt`` in the first folder that has it, or ``None``."""
    for folder in article_folders(start):
        path = folder / f"{name}.txt"
        if path.is_file():
            return path
    return None


def article_names(start: str | Path | None = None) -> list[str]:
    """The names of every article that can be loaded by name, sorted."""
    return sorted({path.stem for folder in article_folders(start) for path in folder.glob("*.txt")})
