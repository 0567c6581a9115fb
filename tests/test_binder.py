"""Binder and nbgitpuller links, and the `newslab binder-links` command."""

from __future__ import annotations

import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

from newslab import errors
from newslab.binder import (
    Repository,
    badge_markdown,
    binder_link,
    checkout_links,
    find_notebooks,
    links_text,
    nbgitpuller_link,
    origin_repository,
    parse_repository,
)
from newslab.cli import main

EXAMPLE = Repository("example-org", "newslab", "v1.0")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("example-org/newslab", Repository("example-org", "newslab", "HEAD")),
        ("example-org/newslab@v1.0", EXAMPLE),
        ("example-org/newslab@course/2027", Repository("example-org", "newslab", "course/2027")),
        ("https://github.com/example-org/newslab.git", Repository("example-org", "newslab", "HEAD")),
        ("https://github.com/example-org/newslab", Repository("example-org", "newslab", "HEAD")),
        ("git@github.com:example-org/news.lab.git", Repository("example-org", "news.lab", "HEAD")),
        ("ssh://git@github.com/example-org/newslab.git", Repository("example-org", "newslab", "HEAD")),
    ],
)
def test_parse_repository(text, expected):
    assert parse_repository(text) == expected


@pytest.mark.parametrize(
    "text", ["newslab", "OWNER", "a/b/c", "example-org/newslab@", "example-org/newslab@../x", "-x/y", "a b/c"]
)
def test_parse_repository_refuses_with_a_sentence(text):
    with pytest.raises(errors.InvalidInput, match=r"OWNER/REPO|not a git"):
        parse_repository(text)


def test_binder_link_opens_the_notebook_in_lab():
    link = binder_link(EXAMPLE, "notebooks/03-who-said-what.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "mybinder.org",
        "/v2/gh/example-org/newslab/v1.0",
    )
    assert parse_qs(parts.query) == {"urlpath": ["lab/tree/notebooks/03-who-said-what.ipynb"]}


def test_a_branch_with_a_slash_is_escaped_in_the_path():
    link = binder_link(Repository("o", "r", "course/2027"))
    assert "/v2/gh/o/r/course%2F2027?" in link


def test_badge_is_markdown_with_the_binder_logo():
    badge = badge_markdown(EXAMPLE)
    assert badge.startswith("[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/")
    assert badge.endswith("00-start-here.ipynb)")


def test_nbgitpuller_link_through_binder_decodes_to_a_git_pull():
    environment = Repository("example-org", "newslab-environment", "2027.1")
    content = Repository("example-org", "course", "HEAD")
    link = nbgitpuller_link(content, "notebooks/06-annotate-it-yourself.ipynb", environment=environment)
    parts = urlsplit(link)
    assert parts.path == "/v2/gh/example-org/newslab-environment/2027.1"
    (pull,) = parse_qs(parts.query)["urlpath"]
    assert pull.startswith("git-pull?")
    assert parse_qs(pull.split("?", 1)[1]) == {
        "repo": ["https://github.com/example-org/course"],
        "branch": ["main"],
        "urlpath": ["lab/tree/course/notebooks/06-annotate-it-yourself.ipynb"],
    }
    # Encoded twice: once for git-pull's own query, once as the value of Binder's urlpath.
    assert "repo%3Dhttps%253A%252F%252Fgithub.com" in link


def test_nbgitpuller_link_for_a_hub():
    link = nbgitpuller_link(EXAMPLE, hub="https://hub.example.edu/", branch="spring")
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == ("hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(parts.query)
    assert query["repo"] == ["https://github.com/example-org/newslab"]
    assert query["branch"] == ["spring"]
    assert query["urlpath"] == ["lab/tree/newslab/notebooks/00-start-here.ipynb"]


def test_a_bad_hub_address_is_refused():
    with pytest.raises(errors.InvalidInput, match="hub address"):
        nbgitpuller_link(EXAMPLE, hub="hub.example.edu")


def test_the_checkout_lists_every_student_notebook(root):
    notebooks = find_notebooks(root)
    assert notebooks[0] == "notebooks/00-start-here.ipynb"
    assert len(notebooks) >= 8
    assert not any("solutions" in notebook for notebook in notebooks)


def test_links_text_has_the_badge_and_two_links_per_notebook(root):
    notebooks = find_notebooks(root)
    text = links_text(EXAMPLE, notebooks)
    assert badge_markdown(EXAMPLE) in text
    for notebook in notebooks:
        assert binder_link(EXAMPLE, notebook) in text
        assert nbgitpuller_link(EXAMPLE, notebook) in text
    assert "OWNER" not in text and "…" not in text


def _git_repository(folder, remote=None):
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "notebooks").mkdir()
    (folder / "notebooks" / "00-start-here.ipynb").write_text("{}")
    (folder / "notebooks" / "01-reading.ipynb").write_text("{}")
    if remote:
        subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", remote], check=True)


def test_origin_is_read_from_the_checkout(tmp_path):
    _git_repository(tmp_path, "git@github.com:example-org/course.git")
    assert origin_repository(tmp_path) == Repository("example-org", "course", "HEAD")
    text = checkout_links(folder=tmp_path / "notebooks", ref="v2")
    assert (
        "https://mybinder.org/v2/gh/example-org/course/v2?urlpath=lab%2Ftree%2Fnotebooks%2F01-reading.ipynb"
        in text
    )


def test_a_checkout_without_origin_asks_for_the_repository(tmp_path):
    _git_repository(tmp_path)
    with pytest.raises(errors.InvalidInput, match="no git remote called origin"):
        origin_repository(tmp_path)


def test_a_remote_off_github_is_refused(tmp_path):
    _git_repository(tmp_path, "https://gitlab.example.org/a/b.git")
    with pytest.raises(errors.InvalidInput, match="not on GitHub"):
        origin_repository(tmp_path)


def test_command_prints_the_links(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert main(["binder-links", "example-org/newslab@v1.0", "--environment", "example-org/env@2027"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# example-org/newslab at v1.0\n")
    assert "https://mybinder.org/v2/gh/example-org/env/2027?urlpath=git-pull" in out
    assert out.count("  binder:      https://mybinder.org/v2/gh/example-org/newslab/v1.0?") == len(
        find_notebooks(root)
    )


def test_command_fails_with_one_sentence(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["binder-links", "not a repository"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslab: error: ") and "Traceback" not in err
    assert main(["binder-links", "example-org/newslab"]) == 2
    assert "no notebooks" in capsys.readouterr().err
