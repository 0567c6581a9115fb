"""Articles by name: NEWSLAB_ARTICLES, data/articles/ in the working folder or a parent, the kit's own.

The last test builds the wheel and installs it (not editable) into a bare virtual environment, as a
JupyterHub image does with `pip install --no-deps .`, and loads articles an instructor added later.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import newslab
from newslab import errors
from newslab.article_folders import ENVIRONMENT_VARIABLE, article_folders, find_article, kit_articles_dir

STORY = "Local Paper\n\nA Bridge Reopens\n\nThe bridge reopened on Monday, the mayor said.\n"


def _course(folder, name="added-story"):
    articles = folder / "data" / "articles"
    articles.mkdir(parents=True)
    (articles / f"{name}.txt").write_text(STORY, encoding="utf-8")
    (folder / "notebooks").mkdir()
    return articles


@pytest.fixture(autouse=True)
def _no_variable(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)


def test_the_kit_articles_are_always_there(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert article_folders() == [kit_articles_dir().resolve()]
    assert "trump-russia-cyber" in newslab.bundled_articles()


def test_data_articles_in_a_parent_of_the_working_folder(tmp_path, monkeypatch):
    articles = _course(tmp_path)
    monkeypatch.chdir(tmp_path / "notebooks")
    assert article_folders()[0] == articles.resolve()
    assert newslab.load_article("added-story").title == "A Bridge Reopens"
    assert {"added-story", "trump-russia-cyber"} <= set(newslab.bundled_articles())


def test_the_variable_comes_first_and_may_name_several_folders(tmp_path, monkeypatch):
    _course(tmp_path / "course")
    first = tmp_path / "first"
    first.mkdir()
    (first / "added-story.txt").write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, os.pathsep.join([str(first), str(tmp_path / "missing")]))
    monkeypatch.chdir(tmp_path / "course")
    assert find_article("added-story") == (first / "added-story.txt").resolve()
    assert "Tuesday" in newslab.load_article("added-story").text


def test_an_unknown_name_lists_what_there_is(tmp_path, monkeypatch):
    _course(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(errors.SourceNotFound, match="`added-story`"):
        newslab.load_article("no-such-story")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A bare venv with only the newslab wheel in it (no editable link back to the checkout)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    where = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    quiet = {"check": True, "capture_output": True}
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(where), root],
        **quiet,
    )
    (wheel,) = where.glob("newslab-*.whl")
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], **quiet)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)], **quiet
    )
    return python


def test_an_installed_wheel_finds_articles_added_later(installed, tmp_path):
    _course(tmp_path / "course")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "via-variable.txt").write_text(STORY, encoding="utf-8")
    script = (
        "import json, newslab; "
        "print(json.dumps([newslab.__file__, newslab.bundled_articles(), "
        "newslab.load_article('added-story').title, newslab.load_article('trump-russia-cyber').id]))"
    )
    environment = {**os.environ, ENVIRONMENT_VARIABLE: str(elsewhere)}
    environment.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(installed), "-c", script],
        cwd=tmp_path / "course" / "notebooks",
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    location, names, title, seed = json.loads(result.stdout)
    assert "site-packages" in location
    assert {"added-story", "via-variable", "trump-russia-cyber"} <= set(names)
    assert (title, seed) == ("A Bridge Reopens", "trump-russia-cyber")
