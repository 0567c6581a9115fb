"""Links that open the kit on Binder or a JupyterHub, one per notebook, for a course page.

Two kinds of link, both printed by ``newslab binder-links OWNER/REPO[@REF]``:

- a **Binder link** builds the repository itself (its ``environment.yml`` and ``postBuild``) at REF and
  opens a notebook. Binder builds a new image after every commit, so the first launch after a change
  waits for that build.
- an **nbgitpuller link** starts an *environment repository* (one that rarely changes, e.g. this kit
  at a release tag) and pulls the course content into it at launch with nbgitpuller, so a weekly
  change to the content costs no rebuild; nbgitpuller also merges updates without overwriting a
  student's edits. With ``hub=`` the same pull happens on a JupyterHub instead of Binder.

Example:
    >>> from newslab.binder import Repository, binder_link
    >>> binder_link(Repository("example-org", "newslab", "v1.0"), "notebooks/00-start-here.ipynb")
    'https://mybinder.org/v2/gh/example-org/newslab/v1.0?urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb'
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from newslab import errors

BINDER = "https://mybinder.org"
BADGE_IMAGE = "https://mybinder.org/badge_logo.svg"
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
DEFAULT_BRANCH = "main"

_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_NAME = r"[A-Za-z0-9._-]{1,100}"
_REF = r"[A-Za-z0-9._/+-]{1,200}"
_SHORT = re.compile(rf"^(?P<owner>{_OWNER})/(?P<name>{_NAME}?)(?:@(?P<ref>{_REF}))?$")
# https://github.com/OWNER/REPO(.git), git@github.com:OWNER/REPO(.git), ssh://git@github.com/OWNER/REPO
_REMOTE = re.compile(
    rf"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    rf"(?P<owner>{_OWNER})/(?P<name>{_NAME}?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class Repository:
    """A GitHub repository and the git reference (branch, tag or commit) links point at."""

    owner: str
    name: str
    ref: str = "HEAD"

    @property
    def slug(self) -> str:
        """``OWNER/REPO``."""
        return f"{self.owner}/{self.name}"

    @property
    def clone_url(self) -> str:
        return f"https://github.com/{self.slug}"


@dataclass(frozen=True)
class NotebookLinks:
    """The links of one notebook: straight to Binder, and through nbgitpuller."""

    notebook: str
    binder: str
    nbgitpuller: str


def parse_repository(text: str) -> Repository:
    """Read ``OWNER/REPO``, ``OWNER/REPO@REF`` or a GitHub remote URL into a :class:`Repository`.

    Raises:
        InvalidInput: for anything else, with the forms that work.
    """
    text = text.strip()
    match = _SHORT.match(text) or _REMOTE.match(text)
    if not match:
        raise errors.InvalidInput(
            f"`{text}` is not a GitHub repository: write it as OWNER/REPO or OWNER/REPO@TAG "
            "(for example example-org/newslab@v1.0)."
        )
    name = match.group("name").removesuffix(".git")
    ref = match.groupdict().get("ref") or "HEAD"
    if ".." in ref or ref.startswith("/") or ref.endswith("/"):
        raise errors.InvalidInput(f"`{ref}` is not a git branch, tag or commit name.")
    return Repository(match.group("owner"), name, ref)


def origin_repository(folder: str | Path = ".") -> Repository:
    """The GitHub repository that ``git remote get-url origin`` names in a checkout.

    Raises:
        InvalidInput: when the folder is not a git checkout, has no ``origin``, or it is not on GitHub.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        raise errors.InvalidInput("git is not installed: give the repository as OWNER/REPO.") from None
    url = result.stdout.strip()
    if result.returncode != 0 or not url:
        raise errors.InvalidInput(
            f"`{folder}` has no git remote called origin: give the repository as OWNER/REPO[@REF]."
        )
    match = _REMOTE.match(url)
    if not match:
        raise errors.InvalidInput(
            f"The origin remote `{url}` is not on GitHub: give the repository as OWNER/REPO[@REF]."
        )
    return Repository(match.group("owner"), match.group("name").removesuffix(".git"))


def find_notebooks(root: str | Path) -> list[str]:
    """The student notebooks of a checkout (``notebooks/NN-*.ipynb``, solutions left out), in order."""
    folder = Path(root) / "notebooks"
    return [f"notebooks/{path.name}" for path in sorted(folder.glob("[0-9][0-9]-*.ipynb"))]


def binder_link(repository: Repository, notebook: str = START_NOTEBOOK) -> str:
    """A mybinder.org link that builds ``repository`` at its ref and opens ``notebook`` in JupyterLab."""
    path = f"lab/tree/{notebook}"
    return f"{_binder_base(repository)}?urlpath={quote(path, safe='')}"


def badge_markdown(repository: Repository, notebook: str = START_NOTEBOOK) -> str:
    """The README's Binder badge (Markdown), linking to ``notebook``."""
    return f"[![Binder]({BADGE_IMAGE})]({binder_link(repository, notebook)})"


def nbgitpuller_link(
    content: Repository,
    notebook: str = START_NOTEBOOK,
    *,
    environment: Repository | None = None,
    hub: str | None = None,
    branch: str = DEFAULT_BRANCH,
) -> str:
    """A link that pulls ``content`` (its ``branch``) with nbgitpuller and opens ``notebook``.

    Args:
        content: the repository with the notebooks (the course).
        notebook: the notebook's path inside ``content``.
        environment: the repository Binder builds the software from (default: ``content`` at its ref).
        hub: a JupyterHub's address (``https://hub.example.edu``) to use instead of Binder.
        branch: the branch of ``content`` that nbgitpuller pulls.
    """
    # nbgitpuller clones into a folder named after the repository, in the user's home.
    pull = "git-pull?" + urlencode(
        {"repo": content.clone_url, "branch": branch, "urlpath": f"lab/tree/{content.name}/{notebook}"},
        quote_via=quote,
        safe="",
    )
    if hub:
        return f"{_hub_base(hub)}/hub/user-redirect/{pull}"
    return f"{_binder_base(environment or content)}?urlpath={quote(pull, safe='')}"


def notebook_links(
    content: Repository,
    notebooks: list[str],
    *,
    environment: Repository | None = None,
    hub: str | None = None,
    branch: str = DEFAULT_BRANCH,
) -> list[NotebookLinks]:
    """Both links for each notebook."""
    return [
        NotebookLinks(
            notebook=notebook,
            binder=binder_link(content, notebook),
            nbgitpuller=nbgitpuller_link(content, notebook, environment=environment, hub=hub, branch=branch),
        )
        for notebook in notebooks
    ]


def links_text(
    content: Repository,
    notebooks: list[str],
    *,
    environment: Repository | None = None,
    hub: str | None = None,
    branch: str = DEFAULT_BRANCH,
) -> str:
    """What ``newslab binder-links`` prints: the badge, then both links for every notebook."""
    environment = environment or content
    if hub:
        puller = f"nbgitpuller: the hub {_hub_base(hub)} pulls branch {branch} of {content.slug}"
    else:
        puller = (
            f"nbgitpuller: Binder builds {environment.slug} at {environment.ref} "
            f"and pulls branch {branch} of {content.slug} into {content.name}/"
        )
    lines = [
        f"# {content.slug} at {content.ref}",
        "# README badge (Markdown):",
        badge_markdown(content),
        "",
        f"# binder: Binder builds {content.slug} at {content.ref} and opens the notebook",
        f"# {puller}",
    ]
    for links in notebook_links(content, notebooks, environment=environment, hub=hub, branch=branch):
        lines += ["", Path(links.notebook).name, f"  binder:      {links.binder}"]
        lines.append(f"  nbgitpuller: {links.nbgitpuller}")
    return "\n".join(lines) + "\n"


def checkout_links(
    repository: str | None = None,
    *,
    folder: str | Path = ".",
    ref: str | None = None,
    environment: str | None = None,
    hub: str | None = None,
    branch: str = DEFAULT_BRANCH,
) -> str:
    """The text of ``newslab binder-links``: links for the notebooks of the checkout ``folder`` is in.

    Args:
        repository: ``OWNER/REPO[@REF]``; by default the checkout's ``origin`` remote, at HEAD.
        folder: a folder inside the checkout (its ``notebooks/`` gives the list of notebooks).
        ref: a branch, tag or commit to pin the links to, instead of the one in ``repository``.
        environment: ``OWNER/REPO[@REF]`` of the environment repository for the nbgitpuller links.
        hub: a JupyterHub address, to make the nbgitpuller links for that hub instead of Binder.
        branch: the branch of the content that nbgitpuller pulls.

    Raises:
        InvalidInput: a malformed repository or address, no origin remote, or no notebooks found.
    """
    from newslab.student_copy import checkout_root

    content = parse_repository(repository) if repository else origin_repository(folder)
    if ref:
        content = parse_repository(f"{content.slug}@{ref}")
    try:
        root = checkout_root(folder)
    except errors.InvalidInput:
        root = Path(folder)
    notebooks = find_notebooks(root)
    if not notebooks:
        raise errors.InvalidInput(
            f"There are no notebooks/NN-*.ipynb under `{root}`: run this from the kit's repository folder."
        )
    env = parse_repository(environment) if environment else None
    return links_text(content, notebooks, environment=env, hub=hub, branch=branch)


def _binder_base(repository: Repository) -> str:
    return f"{BINDER}/v2/gh/{repository.owner}/{repository.name}/{quote(repository.ref, safe='')}"


def _hub_base(hub: str) -> str:
    hub = hub.strip().rstrip("/")
    if not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", hub):
        raise errors.InvalidInput(f"`{hub}` is not a hub address: give it as https://hub.example.edu.")
    return hub.removesuffix("/hub")
